import { UnexpectedDocumentError } from '../errors';
import type { XmlSource } from '../xml/decode';
import { NS, clark, isOwsNamespace } from '../xml/namespaces';
import { readXml, type ReadXmlOptions } from '../xml/secure-reader';
import { TreeBuilder, attr, type XNode } from '../xml/tree';

export interface CswOperation {
  name: string;
  getUrls: string[];
  postUrls: string[];
  /** `ows:Parameter` values by parameter name as written. */
  parameters: Record<string, string[]>;
  /** `ows:Constraint` values by constraint name (values of repeated constraints are merged). */
  constraints: Record<string, string[]>;
}

export interface CswCapabilities {
  version: string | null;
  title: string | null;
  abstract: string | null;
  provider: string | null;
  operations: CswOperation[];
  getRecords: {
    supported: boolean;
    get: boolean;
    post: boolean;
    outputSchemas: string[];
    typeNames: string[];
    constraintLanguages: string[];
    resultTypes: string[];
    /** Whether `http://www.isotc211.org/2005/gmd` is among the output schemas. */
    isoOutputSchema: boolean;
    /** ISO and additional queryables the catalogue names. */
    queryables: string[];
    /**
     * Whether GetRecords accepts `ogc:SortBy`. CSW 2.0.2 capabilities have no standard field for it:
     * `true`/`false` only when the capabilities name a sort parameter/constraint, else `null`
     * (then try it and fall back, as `harvestAll({ sortByIdentifier: 'auto' })` does).
     */
    sortBy: boolean | null;
    sortByReason: string;
  };
  filter: {
    comparisonOperators: string[];
    spatialOperators: string[];
  };
}

/** Reads a CSW 2.0.2 `csw:Capabilities` document (small: it is held as a tree). */
export async function parseCapabilities(
  source: XmlSource,
  options: ReadXmlOptions = {},
): Promise<CswCapabilities> {
  let builder: TreeBuilder | null = null;
  await readXml(
    source,
    {
      open(tag, depth) {
        if (depth === 1) {
          if (!(tag.local === 'Capabilities' && tag.uri === NS.csw)) {
            const name = clark(tag.uri, tag.local);
            throw new UnexpectedDocumentError(
              `expected CSW 2.0.2 csw:Capabilities, got ${name}`,
              name,
            );
          }
          builder = new TreeBuilder(tag);
        } else {
          builder?.open(tag);
        }
      },
      close(_tag, depth) {
        if (depth > 1) builder?.close();
      },
      text(text) {
        builder?.text(text);
      },
    },
    options,
  );
  return capabilitiesOf((builder as TreeBuilder | null)?.root as XNode);
}

function capabilitiesOf(root: XNode): CswCapabilities {
  const ows = (n: XNode | undefined, local: string): XNode[] =>
    n ? n.children.filter((c) => c.local === local && isOwsNamespace(c.uri)) : [];
  const owsText = (n: XNode | undefined, local: string): string | null =>
    ows(n, local)[0]?.text.trim() || null;

  const ident = ows(root, 'ServiceIdentification')[0];
  const provider = ows(root, 'ServiceProvider')[0];
  const operations: CswOperation[] = [];
  for (const meta of ows(root, 'OperationsMetadata')) {
    for (const op of ows(meta, 'Operation')) {
      const http = ows(op, 'DCP').flatMap((dcp) => ows(dcp, 'HTTP'));
      const href = (local: string): string[] =>
        http
          .flatMap((h) => ows(h, local))
          .map((n) => attr(n, NS.xlink, 'href')?.trim())
          .filter((u): u is string => !!u);
      operations.push({
        name: attr(op, '', 'name') ?? '',
        getUrls: href('Get'),
        postUrls: href('Post'),
        parameters: namedValues(ows(op, 'Parameter'), ows),
        constraints: namedValues(ows(op, 'Constraint'), ows),
      });
    }
  }

  const getRecords = operations.find((o) => o.name.toLowerCase() === 'getrecords');
  const param = (name: string): string[] => valuesNamed(getRecords?.parameters, name);
  const outputSchemas = param('outputSchema');
  const queryables = [
    ...valuesNamed(getRecords?.constraints, 'SupportedISOQueryables'),
    ...valuesNamed(getRecords?.constraints, 'AdditionalQueryables'),
  ];
  const sortEntry = getRecords
    ? [...Object.entries(getRecords.parameters), ...Object.entries(getRecords.constraints)].find(
        ([k]) => /sort/i.test(k),
      )
    : undefined;
  let sortBy: boolean | null = null;
  let sortByReason = 'the capabilities do not say (CSW 2.0.2 has no field for it)';
  if (sortEntry) {
    const values = sortEntry[1].map((v) => v.toLowerCase());
    sortBy = !(values.length === 1 && (values[0] === 'false' || values[0] === 'none'));
    sortByReason = `GetRecords ${sortEntry[0]}: ${sortEntry[1].join(', ') || '(no values)'}`;
  }

  const filterCaps = root.children.find(
    (c) => c.local === 'Filter_Capabilities' && c.uri === NS.ogc,
  );
  const collect = (local: string, fromAttr: boolean): string[] => {
    const out: string[] = [];
    const visit = (n: XNode): void => {
      for (const c of n.children) {
        if (c.local === local && c.uri === NS.ogc) {
          const v = fromAttr ? attr(c, '', 'name') : c.text.trim();
          if (v) out.push(v);
        } else visit(c);
      }
    };
    if (filterCaps) visit(filterCaps);
    return out;
  };

  return {
    version: attr(root, '', 'version') ?? null,
    title: owsText(ident, 'Title'),
    abstract: owsText(ident, 'Abstract'),
    provider: owsText(provider, 'ProviderName'),
    operations,
    getRecords: {
      supported: getRecords !== undefined,
      get: (getRecords?.getUrls.length ?? 0) > 0,
      post: (getRecords?.postUrls.length ?? 0) > 0,
      outputSchemas,
      typeNames: param('typeNames'),
      constraintLanguages: param('CONSTRAINTLANGUAGE'),
      resultTypes: param('resultType'),
      isoOutputSchema: outputSchemas.includes(NS.gmd),
      queryables: [...new Set(queryables)],
      sortBy,
      sortByReason,
    },
    filter: {
      comparisonOperators: collect('ComparisonOperator', false),
      spatialOperators: collect('SpatialOperator', true),
    },
  };
}

function namedValues(
  nodes: XNode[],
  ows: (n: XNode | undefined, local: string) => XNode[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const n of nodes) {
    const name = attr(n, '', 'name');
    if (!name) continue;
    const values = ows(n, 'Value')
      .map((v) => v.text.trim())
      .filter(Boolean);
    // Also OWS 1.1 <ows:AllowedValues><ows:Value>.
    for (const av of ows(n, 'AllowedValues'))
      values.push(...ows(av, 'Value').map((v) => v.text.trim()));
    out[name] = [...new Set([...(out[name] ?? []), ...values])];
  }
  return out;
}

/** Parameter names are compared case-insensitively (`CONSTRAINTLANGUAGE`, `constraintLanguage`). */
function valuesNamed(record: Record<string, string[]> | undefined, name: string): string[] {
  if (!record) return [];
  const lower = name.toLowerCase();
  return Object.entries(record)
    .filter(([k]) => k.toLowerCase() === lower)
    .flatMap(([, v]) => v);
}
