import { attr, children, NS, type XNode } from '@dpi/csw';
import { CswException } from './exception';

/**
 * OGC Filter Encoding 1.1 and OGC CQL, as CSW 2.0.2 clients send them, read into one small
 * filter tree over the queryables this catalogue offers. Pure: the repository turns the tree into
 * SQL, the parsers only decide what the client asked for (or refuse it with an ExceptionReport).
 */
export const QUERYABLES = [
  'AnyText',
  'Title',
  'Abstract',
  'Subject',
  'Modified',
  'Identifier',
  'Type',
  'BoundingBox',
] as const;
export type Queryable = (typeof QUERYABLES)[number];
export type Comparison = '=' | '<>' | '<' | '<=' | '>' | '>=';
/** [west, south, east, north] in WGS84 degrees. */
export type Box = [number, number, number, number];

export type Filter =
  | { op: 'and' | 'or'; args: Filter[] }
  | { op: 'not'; arg: Filter }
  /** `pattern` is a LIKE pattern with `\` as its escape character; always case-insensitive. */
  | { op: 'like'; property: Queryable; pattern: string }
  | { op: 'compare'; cmp: Comparison; property: Queryable; value: string; matchCase: boolean }
  | { op: 'bbox'; box: Box };

/** The names clients use for the queryables (CSW core, Dublin Core, ISO AP), by lower-case local name. */
const NAMES: Record<string, Queryable> = {
  anytext: 'AnyText',
  csw_anytext: 'AnyText',
  title: 'Title',
  abstract: 'Abstract',
  description: 'Abstract',
  subject: 'Subject',
  keywords: 'Subject',
  topiccategory: 'Subject',
  modified: 'Modified',
  identifier: 'Identifier',
  fileidentifier: 'Identifier',
  type: 'Type',
  boundingbox: 'BoundingBox',
  envelope: 'BoundingBox',
};

const invalid = (message: string) =>
  new CswException('InvalidParameterValue', message, 'Constraint');

/** A property name such as `csw:AnyText`, `dc:title`, `apiso:Modified` or `Title`. */
export function queryableOf(name: string): Queryable {
  const local = name
    .trim()
    .replace(/^.*[:/]/, '')
    .toLowerCase();
  const queryable = NAMES[local];
  if (!queryable) throw invalid(`unknown queryable "${name}"; offered: ${QUERYABLES.join(', ')}`);
  return queryable;
}

/** A date or an instant, what Modified compares with. */
export function checkModifiedValue(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(
    value,
  );
  if ((!date && !instant) || Number.isNaN(Date.parse(value)))
    throw invalid(`Modified compares with a date (YYYY-MM-DD) or a date-time, not "${value}"`);
  return value;
}

function comparison(property: Queryable, cmp: Comparison, value: string, matchCase = true): Filter {
  if (property === 'BoundingBox') throw invalid('BoundingBox is compared with BBOX only');
  if (property === 'Modified') checkModifiedValue(value);
  if (property === 'Subject' && cmp !== '=' && cmp !== '<>')
    throw invalid('Subject compares with equal and not equal only (or LIKE)');
  return { op: 'compare', cmp, property, value, matchCase };
}

function like(property: Queryable, pattern: string): Filter {
  if (property === 'BoundingBox' || property === 'Modified')
    throw invalid(`${property} cannot be compared with LIKE`);
  return { op: 'like', property, pattern };
}

/** A pattern of the client's wildcards as a LIKE pattern with `\` escaping. */
export function likePattern(
  pattern: string,
  wildCard: string,
  singleChar: string,
  escapeChar: string,
): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (escapeChar && c === escapeChar && i + 1 < pattern.length) {
      const next = pattern[++i];
      out += /[\\%_]/.test(next) ? `\\${next}` : next;
    } else if (c === wildCard) out += '%';
    else if (c === singleChar) out += '_';
    else out += /[\\%_]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

// ------------------------------------------------------------------------ OGC Filter 1.1 (XML)

const COMPARISONS: Record<string, Comparison> = {
  PropertyIsEqualTo: '=',
  PropertyIsNotEqualTo: '<>',
  PropertyIsLessThan: '<',
  PropertyIsLessThanOrEqualTo: '<=',
  PropertyIsGreaterThan: '>',
  PropertyIsGreaterThanOrEqualTo: '>=',
};

const elements = (node: XNode) => node.children;
const textOf = (node: XNode | undefined) => (node?.text ?? '').trim();

function ogc(node: XNode, local: string): XNode | undefined {
  return children(node, NS.ogc, local)[0];
}

/** An `ogc:Filter` element as a filter tree. */
export function filterFromXml(filter: XNode): Filter {
  if (filter.uri !== NS.ogc || filter.local !== 'Filter')
    throw invalid(
      `the constraint must be an ogc:Filter (Filter Encoding 1.1), not ${filter.local}`,
    );
  const parts = elements(filter);
  if (parts.length !== 1) throw invalid('an ogc:Filter holds exactly one operator');
  return operator(parts[0], 0);
}

function operator(node: XNode, depth: number): Filter {
  if (depth > 32) throw invalid('filter nested deeper than 32 levels');
  if (node.uri !== NS.ogc) throw invalid(`unknown filter operator {${node.uri}}${node.local}`);
  const name = node.local;
  if (name === 'And' || name === 'Or') {
    const args = elements(node).map((c) => operator(c, depth + 1));
    if (args.length < 2) throw invalid(`ogc:${name} needs at least two operands`);
    return { op: name === 'And' ? 'and' : 'or', args };
  }
  if (name === 'Not') {
    const args = elements(node);
    if (args.length !== 1) throw invalid('ogc:Not needs exactly one operand');
    return { op: 'not', arg: operator(args[0], depth + 1) };
  }
  if (name in COMPARISONS) {
    const property = ogc(node, 'PropertyName');
    const literal = ogc(node, 'Literal');
    if (!property || !literal) throw invalid(`ogc:${name} needs ogc:PropertyName and ogc:Literal`);
    const matchCase = attr(node, '', 'matchCase') !== 'false';
    return comparison(queryableOf(textOf(property)), COMPARISONS[name], textOf(literal), matchCase);
  }
  if (name === 'PropertyIsLike') {
    const property = ogc(node, 'PropertyName');
    const literal = ogc(node, 'Literal');
    if (!property || !literal)
      throw invalid('ogc:PropertyIsLike needs ogc:PropertyName and ogc:Literal');
    const wildCard = attr(node, '', 'wildCard');
    const singleChar = attr(node, '', 'singleChar');
    const escapeChar = attr(node, '', 'escapeChar') ?? attr(node, '', 'escape') ?? '';
    if (!wildCard || !singleChar || wildCard.length !== 1 || singleChar.length !== 1)
      throw invalid('ogc:PropertyIsLike needs one-character wildCard and singleChar attributes');
    return like(
      queryableOf(textOf(property)),
      likePattern(textOf(literal), wildCard, singleChar, escapeChar.slice(0, 1)),
    );
  }
  if (name === 'BBOX') return { op: 'bbox', box: envelopeOf(node) };
  throw invalid(`filter operator ogc:${name} is not supported`);
}

/** CRS whose axis order is latitude first (EPSG:4326 as the URN and URL forms define it). */
const LAT_LON =
  /^(urn:(x-)?ogc:def:crs:EPSG:[\d.]*:4326|http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/4326)$/i;
/** Longitude first: CRS84 and the legacy EPSG:4326 forms. */
const LON_LAT =
  /^(EPSG:4326|urn:ogc:def:crs:OGC:(1\.3:)?CRS84|http:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84|http:\/\/www\.opengis\.net\/gml\/srs\/epsg\.xml#4326)$/i;

function envelopeOf(bbox: XNode): Box {
  const envelope = children(bbox, NS.gml, 'Envelope')[0] ?? children(bbox, NS.gml32, 'Envelope')[0];
  if (!envelope) throw invalid('ogc:BBOX needs a gml:Envelope');
  const srs = attr(envelope, '', 'srsName');
  // As pycsw: no srsName is urn:ogc:def:crs:EPSG::4326, latitude first.
  let latFirst: boolean;
  if (!srs || LAT_LON.test(srs)) latFirst = true;
  else if (LON_LAT.test(srs)) latFirst = false;
  else throw invalid(`gml:Envelope srsName ${srs} is not supported; use EPSG:4326 or CRS84`);
  const corner = (local: string) => {
    const node = children(envelope, envelope.uri, local)[0];
    const numbers = textOf(node).split(/\s+/).map(Number);
    if (!node || numbers.length !== 2 || numbers.some((n) => !Number.isFinite(n)))
      throw invalid(`gml:${local} needs two numbers`);
    return latFirst ? [numbers[1], numbers[0]] : numbers;
  };
  const [west, south] = corner('lowerCorner');
  const [east, north] = corner('upperCorner');
  return checkBox([west, south, east, north]);
}

export function checkBox(box: Box): Box {
  const [west, south, east, north] = box;
  if (west > east || south > north || south < -90 || north > 90 || west < -180 || east > 180)
    throw invalid(
      `bounding box ${box.join(',')} is not west ≤ east, south ≤ north within WGS84 (lower corner first)`,
    );
  return box;
}

// -------------------------------------------------------------------------------------- CQL

interface Token {
  kind: 'word' | 'string' | 'number' | 'punct';
  text: string;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalid('CQL: unterminated string');
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else value += text[i++];
      }
      tokens.push({ kind: 'string', text: value });
    } else if (/[(),]/.test(c)) tokens.push({ kind: 'punct', text: text[i++] });
    else if (/[<>=!]/.test(c)) {
      const two = text.slice(i, i + 2);
      const op = ['<=', '>=', '<>', '!='].includes(two) ? two : c;
      if (op === '!') throw invalid('CQL: unexpected "!"');
      tokens.push({ kind: 'punct', text: op === '!=' ? '<>' : op });
      i += op.length;
    } else if (/[-+\d.]/.test(c)) {
      const m = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?(?![\w:-])/.exec(text.slice(i));
      const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?/.exec(text.slice(i));
      if (date && date[0].length > (m?.[0].length ?? 0)) {
        tokens.push({ kind: 'string', text: date[0] });
        i += date[0].length;
      } else if (m) {
        tokens.push({ kind: 'number', text: m[0] });
        i += m[0].length;
      } else throw invalid(`CQL: unexpected "${c}"`);
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w:.]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    } else throw invalid(`CQL: unexpected "${c}"`);
  }
  return tokens;
}

/** An OGC CQL expression (the subset CSW clients send) as a filter tree. */
export function filterFromCql(text: string): Filter {
  if (text.length > 10_000) throw invalid('CQL text longer than 10000 characters');
  const tokens = tokenise(text);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (word: string) => peek()?.kind === 'word' && peek().text.toUpperCase() === word;
  const expect = (punct: string) => {
    if (peek()?.kind !== 'punct' || peek().text !== punct)
      throw invalid(`CQL: expected "${punct}" at token ${at + 1}`);
    at++;
  };
  const value = (): string => {
    const t = peek();
    if (!t || (t.kind !== 'string' && t.kind !== 'number'))
      throw invalid(`CQL: expected a value at token ${at + 1}`);
    at++;
    return t.text;
  };
  const number = (): number => {
    const t = peek();
    if (!t || t.kind !== 'number') throw invalid(`CQL: expected a number at token ${at + 1}`);
    at++;
    return Number(t.text);
  };
  let depth = 0;
  const or = (): Filter => {
    const args = [and()];
    while (isWord('OR')) {
      at++;
      args.push(and());
    }
    return args.length === 1 ? args[0] : { op: 'or', args };
  };
  const and = (): Filter => {
    const args = [not()];
    while (isWord('AND')) {
      at++;
      args.push(not());
    }
    return args.length === 1 ? args[0] : { op: 'and', args };
  };
  const not = (): Filter => {
    if (isWord('NOT')) {
      at++;
      return { op: 'not', arg: not() };
    }
    return primary();
  };
  const primary = (): Filter => {
    const t = peek();
    if (!t) throw invalid('CQL: unexpected end of the expression');
    if (t.kind === 'punct' && t.text === '(') {
      if (++depth > 32) throw invalid('CQL nested deeper than 32 levels');
      at++;
      const inner = or();
      expect(')');
      depth--;
      return inner;
    }
    if (isWord('BBOX')) {
      at++;
      expect('(');
      const property = peek();
      if (property?.kind !== 'word' || queryableOf(property.text) !== 'BoundingBox')
        throw invalid('CQL: BBOX applies to BoundingBox');
      at++;
      const box: number[] = [];
      for (let i = 0; i < 4; i++) {
        expect(',');
        box.push(number());
      }
      if (peek()?.text === ',') {
        at++;
        const crs = value();
        if (!LON_LAT.test(crs) && !/^EPSG:4326$/i.test(crs))
          throw invalid(`CQL: BBOX crs ${crs} is not supported; use EPSG:4326 (longitude first)`);
      }
      expect(')');
      return { op: 'bbox', box: checkBox(box as Box) };
    }
    if (t.kind !== 'word') throw invalid(`CQL: expected a queryable at token ${at + 1}`);
    at++;
    const property = queryableOf(t.text);
    if (isWord('LIKE') || isWord('ILIKE')) {
      at++;
      return like(property, likePattern(value(), '%', '_', '\\'));
    }
    const op = peek();
    if (op?.kind === 'punct' && ['=', '<>', '<', '<=', '>', '>='].includes(op.text)) {
      at++;
      return comparison(property, op.text as Comparison, value());
    }
    throw invalid(`CQL: expected LIKE or a comparison after ${t.text}`);
  };
  const filter = or();
  if (at !== tokens.length) throw invalid(`CQL: unexpected "${peek().text}" at token ${at + 1}`);
  return filter;
}
