import xmlScribe from '@graphy/content.xml.scribe';
import jsonld from 'jsonld';
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
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
type Prefix = keyof typeof PREFIXES;

/** `ns('dct', 'title')` → the named node of dct:title. */
export const ns = (prefix: Prefix, local: string) => namedNode(PREFIXES[prefix] + local);
export const iri = (value: string) => namedNode(value);
export const blank = () => blankNode();
/** A text literal; line breaks as LF (XML, hence RDF/XML, cannot carry a CR through a parser). */
export const text = (value: string, language?: string) =>
  literal(value.replace(/\r\n?/g, '\n'), language);
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

/** Quads in subject order (each subject's triples together, blank nodes after their users). */
function grouped(graph: Graph): Quad[] {
  const order = new Map<string, number>();
  for (const q of graph.quads)
    if (!order.has(q.subject.value)) order.set(q.subject.value, order.size);
  return [...graph.quads].sort(
    (a, b) => (order.get(a.subject.value) ?? 0) - (order.get(b.subject.value) ?? 0),
  );
}

/** Turtle (with the prefixes) or N-Triples, by n3's writer. */
function n3Text(graph: Graph, format: 'Turtle' | 'N-Triples'): Promise<string> {
  const writer = new Writer(format === 'Turtle' ? { prefixes: PREFIXES } : { format });
  writer.addQuads(grouped(graph));
  return new Promise((resolve, reject) =>
    writer.end((error, result: string) => (error ? reject(error) : resolve(result))),
  );
}

export const toTurtle = (graph: Graph) => n3Text(graph, 'Turtle');
export const toNTriples = (graph: Graph) => n3Text(graph, 'N-Triples');

/**
 * JSON-LD 1.1 by jsonld.js's fromRDF: expanded, one node object per subject, full IRIs. Not
 * compacted: compaction took jsonld.js ~6 s for a page of 1,000 datasets, fromRDF ~1.5 s; every
 * JSON-LD processor reads the expanded form.
 */
export function toJsonLd(graph: Graph): Promise<object[]> {
  return jsonld.fromRDF(graph.quads);
}

/** RDF/XML by graphy's scribe (rdf:Description per subject, the prefixes as namespaces). */
export function toRdfXml(graph: Graph): Promise<string> {
  const scribe = xmlScribe({ prefixes: PREFIXES });
  let out = '';
  scribe.on('data', (chunk: string | Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    scribe.on('error', reject);
    scribe.on('end', () => resolve(out));
    for (const q of grouped(graph)) scribe.write({ type: 'quad', value: q });
    scribe.end();
  });
}
