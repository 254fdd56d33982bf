import type { NormalisedProtocol } from './types';

/** Ordered: the first rule that matches wins (WMTS before WMS, OGC API before the generic ones). */
const RULES: [RegExp, NormalisedProtocol][] = [
  [/\bwmts\b|web map tile service|serviceType\/ogc\/wmts/i, 'WMTS'],
  [/\bwms(?:\b|-|_|\d)|web map service|serviceType\/ogc\/wms/i, 'WMS'],
  [/api[-_ ]?(?:-\s*)?features|oapif|ogcapi-features|ogc-api-features/i, 'OGC API Features'],
  [/api[-_ ]?(?:-\s*)?records|oapir|ogcapi-records|ogc-api-records/i, 'OGC API Records'],
  [/\bwfs(?:\b|-|_|\d)|web feature service|serviceType\/ogc\/wfs/i, 'WFS'],
  [/\bwcs(?:\b|-|_|\d)|web coverage service|serviceType\/ogc\/wcs/i, 'WCS'],
  [/\bcsw\b|catalog(?:ue)? service|serviceType\/ogc\/csw/i, 'CSW'],
  [/\batom\b|rfc4287|application\/atom\+xml/i, 'ATOM'],
  [/download|^file:|^ftp\b|WWW:FTP/i, 'download'],
  [/^www:link|^https?$|^www$|^web ?site$|^url$|^link$|WWW:LINK|html/i, 'website'],
];

const SERVICE_PARAM = /[?&]service=(wms|wfs|wmts|wcs|csw)(?:&|$)/i;

/**
 * Maps the protocol strings found in real catalogues to a small set. The written protocol (and the
 * href of a `gmx:Anchor` protocol) decides; without a protocol, a `SERVICE=` parameter of the URL,
 * then the application profile and the `CI_OnLineFunctionCode` are used as hints.
 */
export function normaliseProtocol(input: {
  protocol?: string | null;
  protocolHref?: string | null;
  url?: string | null;
  applicationProfile?: string | null;
  function?: string | null;
}): NormalisedProtocol {
  for (const candidate of [input.protocol, input.protocolHref]) {
    if (!candidate) continue;
    const hit = match(candidate.trim());
    if (hit) return hit;
  }
  if (input.protocol) return 'other';
  const service = input.url ? SERVICE_PARAM.exec(input.url) : null;
  if (service) return service[1].toUpperCase() as NormalisedProtocol;
  if (input.applicationProfile) {
    const hit = match(input.applicationProfile);
    if (hit && hit !== 'website') return hit;
  }
  if (input.function === 'download') return 'download';
  if (input.function === 'information' || input.function === 'browsing') return 'website';
  return 'other';
}

function match(text: string): NormalisedProtocol | null {
  for (const [re, value] of RULES) if (re.test(text)) return value;
  return null;
}
