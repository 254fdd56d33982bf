import { DataFactory, Writer } from 'n3';
import type { Quad, Quad_Object, Quad_Subject } from 'n3';

const { namedNode, literal, blankNode, quad } = DataFactory;

export const PREFIXES = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  geo: 'http://www.opengis.net/ont/geosparql#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  locn: 'http://www.w3.org/ns/locn#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
type Prefix = keyof typeof PREFIXES;

/** `ns('dct', 'title')` → the named node of dct:title. */
export const ns = (prefix: Prefix, local: string) => namedNode(PREFIXES[prefix] + local);
export const iri = (value: string) => namedNode(value);
export const blank = () => blankNode();
export const text = (value: string, language?: string) => literal(value, language);
export const typed = (value: string, datatype: string) =>
  literal(value, namedNode(PREFIXES.xsd + datatype));
export const datatyped = (value: string, datatypeIri: string) =>
  literal(value, namedNode(datatypeIri));

/** Collects triples of one graph; `add` skips null objects so optional fields stay short. */
export class Graph {
  readonly quads: Quad[] = [];

  add(subject: Quad_Subject, predicate: ReturnType<typeof ns>, object: Quad_Object | null): this {
    if (object !== null) this.quads.push(quad(subject, predicate, object));
    return this;
  }

  type(subject: Quad_Subject, prefix: Prefix, local: string): this {
    return this.add(subject, ns('rdf', 'type'), ns(prefix, local));
  }
}

/** Turtle with the prefixes, each subject's triples grouped (blank nodes after their users). */
export function toTurtle(graph: Graph): Promise<string> {
  const writer = new Writer({ prefixes: PREFIXES });
  const order = new Map<string, number>();
  for (const q of graph.quads)
    if (!order.has(q.subject.value)) order.set(q.subject.value, order.size);
  writer.addQuads(
    [...graph.quads].sort(
      (a, b) => (order.get(a.subject.value) ?? 0) - (order.get(b.subject.value) ?? 0),
    ),
  );
  return new Promise((resolve, reject) =>
    writer.end((error, result: string) => (error ? reject(error) : resolve(result))),
  );
}

const compact = (value: string): string => {
  for (const [prefix, base] of Object.entries(PREFIXES))
    if (value.startsWith(base) && value.length > base.length)
      return `${prefix}:${value.slice(base.length)}`;
  return value;
};

/**
 * JSON-LD 1.1 (flattened: one node object per subject in `@graph`, properties as CURIEs of the
 * context's prefixes, references as absolute IRIs) of the same triples as the Turtle.
 */
export function toJsonLd(graph: Graph): object {
  const nodes = new Map<string, Record<string, unknown>>();
  const idOf = (term: Quad_Subject | Quad_Object) =>
    term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
  for (const q of graph.quads) {
    const id = idOf(q.subject);
    const node = nodes.get(id) ?? { '@id': id };
    nodes.set(id, node);
    if (q.predicate.value === PREFIXES.rdf + 'type') {
      node['@type'] = [...((node['@type'] as string[]) ?? []), compact(q.object.value)];
      continue;
    }
    const object = q.object;
    let value: unknown;
    if (object.termType === 'Literal') {
      if (object.language) value = { '@value': object.value, '@language': object.language };
      else if (object.datatype.value === PREFIXES.xsd + 'string') value = object.value;
      else value = { '@value': object.value, '@type': object.datatype.value };
    } else value = { '@id': idOf(object) };
    const key = compact(q.predicate.value);
    node[key] = [...((node[key] as unknown[]) ?? []), value];
  }
  return { '@context': PREFIXES, '@graph': [...nodes.values()] };
}
