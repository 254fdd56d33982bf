// The two RDF serializers ship no types; what rdf.ts uses of them.
declare module 'jsonld' {
  import type { Quad } from '@rdfjs/types';
  const jsonld: {
    fromRDF(dataset: Quad[], options?: Record<string, unknown>): Promise<object[]>;
  };
  export default jsonld;
}

declare module '@graphy/content.xml.scribe' {
  import type { Duplex } from 'node:stream';
  export default function scribe(config?: { prefixes?: Record<string, string> }): Duplex;
}
