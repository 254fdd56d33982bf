import { NS, isGmlNamespace } from '../xml/namespaces';
import { attr, child, children, descendants, firstChild, path, type XNode } from '../xml/tree';
import { licenceFromAnchor, parseLicenceJson } from './licence';
import { normaliseProtocol } from './protocol';
import type {
  IsoBbox,
  IsoCoupledResource,
  IsoIdentifier,
  IsoKeyword,
  IsoLicence,
  IsoOnlineResource,
  IsoOperatesOn,
  IsoParty,
  IsoPartySource,
  IsoRecord,
  IsoServiceOperation,
  IsoTemporalExtent,
  IsoText,
} from './types';
import { Issues } from './issues';
import {
  childAnyGml,
  textOf,
  codeOf,
  dateOf,
  urlOf,
  numberText,
  parseNumber,
  clean,
  isString,
} from './values';

const { gmd, gco, srv, xlink } = NS;

/** Readers of the structured parts of an ISO record: keywords, constraints, resources, parties, extents. */

export function readKeywords(mdKeywords: XNode, out: IsoKeyword[]): void {
  const type = codeOf(child(mdKeywords, gmd, 'type'));
  const thesaurusCitation = firstChild(child(mdKeywords, gmd, 'thesaurusName'));
  let thesaurus: IsoKeyword['thesaurus'] = null;
  if (thesaurusCitation) {
    const title = textOf(child(thesaurusCitation, gmd, 'title'));
    if (title) {
      const ciDate = path(thesaurusCitation, [gmd, 'date'], [gmd, 'CI_Date'])[0];
      const date = ciDate ? dateOf(child(ciDate, gmd, 'date')) : null;
      // Optional members by two literals, not `...(href ? { href } : {})`: spreading is slow in V8.
      thesaurus = title.href
        ? { date, href: title.href, title: title.text }
        : { date, title: title.text };
    }
  }
  for (const k of children(mdKeywords, gmd, 'keyword')) {
    const t = textOf(k);
    if (!t) continue;
    out.push(
      t.href
        ? { href: t.href, keyword: t.text, thesaurus, type }
        : { keyword: t.text, thesaurus, type },
    );
  }
}

export function readConstraints(
  ident: XNode,
  record: Omit<IsoRecord, 'checksum' | 'issues'>,
  issues: Issues,
): void {
  const c = record.constraints;
  const licences: IsoLicence[] = [];
  for (const rc of children(ident, gmd, 'resourceConstraints')) {
    const block = firstChild(rc);
    if (!block || block.uri !== gmd) continue;
    for (const ul of children(block, gmd, 'useLimitation')) {
      const t = textOf(ul)?.text;
      if (t) c.useLimitations.push(t);
    }
    if (block.local === 'MD_SecurityConstraints') {
      c.classification ??= codeOf(child(block, gmd, 'classification'));
      continue;
    }
    if (block.local !== 'MD_LegalConstraints') continue;
    const accessCodes = children(block, gmd, 'accessConstraints').map(codeOf).filter(isString);
    const useCodes = children(block, gmd, 'useConstraints').map(codeOf).filter(isString);
    c.accessCodes.push(...accessCodes);
    c.useCodes.push(...useCodes);
    const hasAccess = children(block, gmd, 'accessConstraints').length > 0;
    const hasUse = children(block, gmd, 'useConstraints').length > 0;

    const texts: IsoText[] = [];
    let licence: Omit<IsoLicence, 'text'> | null = null;
    for (const oc of children(block, gmd, 'otherConstraints')) {
      const t = textOf(oc);
      if (!t) continue;
      const parsed = parseLicenceJson(t.text);
      if (parsed.kind === 'licence') {
        licence ??= parsed.licence;
        continue;
      }
      if (parsed.kind === 'invalid') {
        issues.warn(
          'LICENCE_JSON_INVALID',
          `otherConstraints looks like licence JSON but: ${parsed.reason}`,
        );
      }
      licence ??= licenceFromAnchor(t);
      texts.push(t);
    }
    if (licence) {
      const { id, name, source, uri, url } = licence;
      licences.push({ id, name, source, text: texts.map((t) => t.text), uri, url });
    }
    for (const t of texts) {
      // An INSPIRE code list href says what a text is about; otherwise the block's codes do
      // (a block with neither code is about use).
      const about = inspireConstraintKind(t.href);
      if (about === 'access' || (about === null && hasAccess)) c.access.push(t);
      if (about === 'use' || (about === null && (hasUse || !hasAccess))) c.use.push(t);
    }
  }
  if (licences.length > 0) {
    record.licence ??= licences[0];
    const ids = new Set(licences.map((l) => l.id));
    if (ids.size > 1) {
      issues.warn(
        'LICENCE_AMBIGUOUS',
        `several licences given (${[...ids].join(', ')}); the first is used`,
      );
    }
  }
}

function inspireConstraintKind(href: string | undefined): 'access' | 'use' | null {
  if (!href) return null;
  if (href.includes('/LimitationsOnPublicAccess')) return 'access';
  if (href.includes('/ConditionsApplyingToAccessAndUse')) return 'use';
  return null;
}

export function readOnlineResources(transferOptions: XNode, out: IsoOnlineResource[]): void {
  for (const res of path(transferOptions, [gmd, 'onLine'], [gmd, 'CI_OnlineResource'])) {
    const url = urlOf(child(res, gmd, 'linkage'));
    if (!url) continue;
    const protocol = textOf(child(res, gmd, 'protocol'));
    const applicationProfile = textOf(child(res, gmd, 'applicationProfile'))?.text ?? null;
    const fn = codeOf(child(res, gmd, 'function'));
    const description = textOf(child(res, gmd, 'description'))?.text ?? null;
    const name = textOf(child(res, gmd, 'name'))?.text ?? null;
    const protocolNormalised = normaliseProtocol({
      protocol: protocol?.text,
      protocolHref: protocol?.href,
      url,
      applicationProfile,
      function: fn,
    });
    out.push(
      protocol?.href
        ? {
            applicationProfile,
            description,
            function: fn,
            name,
            protocol: protocol.text,
            protocolHref: protocol.href,
            protocolNormalised,
            url,
          }
        : {
            applicationProfile,
            description,
            function: fn,
            name,
            protocol: protocol?.text ?? null,
            protocolNormalised,
            url,
          },
    );
  }
}

export function pushParty(out: IsoParty[], property: XNode, source: IsoPartySource): void {
  const rp = child(property, gmd, 'CI_ResponsibleParty');
  if (!rp) return;
  const contact = firstChild(child(rp, gmd, 'contactInfo'));
  const address = firstChild(child(contact, gmd, 'address'));
  const emails = children(address, gmd, 'electronicMailAddress')
    .map((e) => textOf(e)?.text)
    .filter(isString);
  const onlineResource = firstChild(child(contact, gmd, 'onlineResource'));
  out.push({
    emails,
    individual: textOf(child(rp, gmd, 'individualName'))?.text ?? null,
    organisation: textOf(child(rp, gmd, 'organisationName'))?.text ?? null,
    position: textOf(child(rp, gmd, 'positionName'))?.text ?? null,
    role: codeOf(child(rp, gmd, 'role')),
    source,
    url: urlOf(child(onlineResource, gmd, 'linkage')),
  });
}

export function bboxOf(bbox: XNode, issues: Issues): IsoBbox | null {
  const read = (name: string): number | null => {
    const prop = child(bbox, gmd, name);
    const raw = prop ? numberText(prop) : null;
    if (raw === null) return null;
    const n = parseNumber(raw);
    if (n === null)
      issues.warn('INVALID_NUMBER', `gmd:${name} is not a number: "${raw.slice(0, 40)}"`);
    return n;
  };
  const west = read('westBoundLongitude');
  const east = read('eastBoundLongitude');
  const south = read('southBoundLatitude');
  const north = read('northBoundLatitude');
  if (west === null || east === null || south === null || north === null) {
    issues.warn('INVALID_BBOX', 'bounding box without four numeric coordinates; skipped');
    return null;
  }
  const inRange =
    Math.abs(west) <= 180 &&
    Math.abs(east) <= 180 &&
    Math.abs(south) <= 90 &&
    Math.abs(north) <= 90;
  if (!inRange || south > north) {
    issues.warn(
      'INVALID_BBOX',
      `bounding box out of range (${west}, ${south}, ${east}, ${north}); skipped`,
    );
    return null;
  }
  return { east, north, south, west };
}

export function temporalOf(node: XNode | undefined): IsoTemporalExtent | null {
  if (!node || !isGmlNamespace(node.uri)) return null;
  if (node.local === 'TimeInstant') {
    const pos = childAnyGml(node, 'timePosition');
    const value = pos ? clean(pos.text) : null;
    return value ? { begin: value, end: value } : null;
  }
  if (node.local !== 'TimePeriod') return null;
  const position = (name: 'begin' | 'end'): [string | null, string | undefined] => {
    let pos = childAnyGml(node, `${name}Position`);
    // GML 3.2 also allows <gml:begin><gml:TimeInstant><gml:timePosition>.
    if (!pos) pos = childAnyGml(firstChild(childAnyGml(node, name)), 'timePosition');
    if (!pos) return [null, undefined];
    const indeterminate = attr(pos, '', 'indeterminatePosition');
    return [clean(pos.text) || null, indeterminate || undefined];
  };
  const [begin, beginIndeterminate] = position('begin');
  const [end, endIndeterminate] = position('end');
  if (begin === null && end === null && !beginIndeterminate && !endIndeterminate) return null;
  return {
    begin,
    ...(beginIndeterminate ? { beginIndeterminate } : {}),
    end,
    ...(endIndeterminate ? { endIndeterminate } : {}),
  };
}

export function identifierOf(node: XNode | undefined): IsoIdentifier | null {
  if (!node) return null;
  const code = textOf(child(node, gmd, 'code'));
  if (!code) return null;
  const codeSpace = textOf(child(node, gmd, 'codeSpace'))?.text ?? null;
  return code.href
    ? { code: code.text, codeSpace, href: code.href }
    : { code: code.text, codeSpace };
}

export function operatesOnOf(node: XNode): IsoOperatesOn {
  return {
    href: attr(node, xlink, 'href')?.trim() || null,
    title: attr(node, xlink, 'title')?.trim() || null,
    uuidref: attr(node, '', 'uuidref')?.trim() || null,
  };
}

export function coupledResourceOf(node: XNode): IsoCoupledResource {
  const scoped = descendants(node, gco, 'ScopedName')[0];
  return {
    identifier: textOf(child(node, srv, 'identifier'))?.text ?? null,
    operationName: textOf(child(node, srv, 'operationName'))?.text ?? null,
    scopedName: scoped ? clean(scoped.text) || null : null,
  };
}

export function operationOf(node: XNode): IsoServiceOperation {
  const urls: string[] = [];
  for (const cp of children(node, srv, 'connectPoint')) {
    const url = urlOf(child(firstChild(cp), gmd, 'linkage'));
    if (url) urls.push(url);
  }
  return { name: textOf(child(node, srv, 'operationName'))?.text ?? null, urls };
}
