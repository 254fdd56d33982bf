/** The RDF serialisations the catalogue offers: media type, file extension, in server preference. */
export const RDF_FORMATS = [
  { id: 'turtle', mediaType: 'text/turtle', extension: 'ttl' },
  { id: 'jsonld', mediaType: 'application/ld+json', extension: 'jsonld' },
  { id: 'rdfxml', mediaType: 'application/rdf+xml', extension: 'rdf' },
  { id: 'ntriples', mediaType: 'application/n-triples', extension: 'nt' },
] as const;
export type RdfFormat = (typeof RDF_FORMATS)[number];
export type RdfFormatId = RdfFormat['id'];

/** JSON-LD is JSON: a client asking for plain JSON gets JSON-LD (served as application/ld+json). */
const ALIASES: Record<string, RdfFormatId> = { 'application/json': 'jsonld' };

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => {
      const [range, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const [type, subtype] = range.split('/');
      const qParam = params.find((p) => /^q\s*=/.test(p));
      const q = qParam ? Number(qParam.replace(/^q\s*=\s*/, '')) : 1;
      return { type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 };
    })
    .filter((r) => r.type && r.subtype !== undefined);
}

/** The q of the most specific range matching `mediaType` (RFC 9110 §12.5.1), 0 when none. */
function quality(ranges: MediaRange[], mediaTypes: string[]): number {
  let best = { specificity: -1, q: 0 };
  for (const mediaType of mediaTypes) {
    const [type, subtype] = mediaType.split('/');
    for (const r of ranges) {
      const specificity =
        r.type === type && r.subtype === subtype
          ? 2
          : r.type === type && r.subtype === '*'
            ? 1
            : r.type === '*' && r.subtype === '*'
              ? 0
              : -1;
      if (specificity < 0) continue;
      if (specificity > best.specificity || (specificity === best.specificity && r.q > best.q))
        best = { specificity, q: r.q };
    }
  }
  return best.q;
}

/**
 * The format an `Accept` header asks for: the offer of highest q (ties: server preference, Turtle
 * first); no header or an empty one means any. Null when nothing offered is acceptable (406).
 */
export function negotiateRdf(accept: string | undefined): RdfFormat | null {
  if (!accept?.trim()) return RDF_FORMATS[0];
  const ranges = parseAccept(accept);
  let chosen: { format: RdfFormat; q: number } | null = null;
  for (const format of RDF_FORMATS) {
    const aliases = Object.keys(ALIASES).filter((a) => ALIASES[a] === format.id);
    const q = quality(ranges, [format.mediaType, ...aliases]);
    if (q > 0 && (!chosen || q > chosen.q)) chosen = { format, q };
  }
  return chosen?.format ?? null;
}

export const rdfFormatByExtension = (extension: string): RdfFormat | undefined =>
  RDF_FORMATS.find((f) => f.extension === extension);
