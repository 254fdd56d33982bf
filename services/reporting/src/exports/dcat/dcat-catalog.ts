import {
  ACCESS_RIGHT_BASE,
  ACCESS_RIGHTS,
  EU_THEME_BASE,
  EU_THEMES,
  findLand,
  FREQUENCIES,
  FREQUENCY_BASE,
  GEOCODING_LEVEL_BASE,
  GEOCODING_LEVELS,
  LICENCE_BASE,
  LICENCE_URI_PATTERN,
  stateKeyUri,
} from '@dpi/domain';
import type { Quad_Subject } from 'n3';
import {
  DcatDatasetRow,
  DcatEndpointRow,
  DcatServiceRef,
  DcatWithheld,
} from '../exports.repository';
import { isoDateOrInstant } from '../iso-dates';
import { datatyped, Graph, iri, ns, PREFIXES, text, typed } from './rdf';

const EU = 'http://publications.europa.eu/resource/authority/';
const SCHEMES = {
  theme: `${EU}data-theme`,
  accessRight: `${EU}access-right`,
  frequency: `${EU}frequency`,
  language: `${EU}language`,
  fileType: `${EU}file-type`,
  licence: 'http://dcat-ap.de/def/licenses',
  geocodingLevel: 'http://dcat-ap.de/def/politicalGeocoding/Level',
  contributor: 'http://dcat-ap.de/def/contributors',
} as const;

/** Free-text formats of distributions → codes of the EU file-type table. */
const FILE_TYPES: Record<string, string> = {
  CSV: 'CSV',
  JSON: 'JSON',
  GEOJSON: 'GEOJSON',
  'JSON-LD': 'JSON_LD',
  JSONLD: 'JSON_LD',
  XML: 'XML',
  GML: 'GML',
  KML: 'KML',
  KMZ: 'KMZ',
  SHP: 'SHP',
  SHAPE: 'SHP',
  SHAPEFILE: 'SHP',
  ZIP: 'ZIP',
  PDF: 'PDF',
  XLS: 'XLS',
  XLSX: 'XLSX',
  ODS: 'ODS',
  HTML: 'HTML',
  TXT: 'TXT',
  TIFF: 'TIFF',
  PNG: 'PNG',
  JPEG: 'JPEG',
  JPG: 'JPEG',
  GPKG: 'GPKG',
  GEOPACKAGE: 'GPKG',
  NETCDF: 'NETCDF',
  LAS: 'LAS',
  LAZ: 'LAZ',
  RDF: 'RDF',
  TTL: 'RDF_TURTLE',
  TURTLE: 'RDF_TURTLE',
  WMS: 'WMS_SRVC',
  WFS: 'WFS_SRVC',
  WCS: 'WCS_SRVC',
  WMTS: 'WMTS_SRVC',
};

/** Endpoint authentication → EU access right of the data service. */
const SERVICE_ACCESS: Record<string, string> = {
  none: 'PUBLIC',
  apiKey: 'RESTRICTED',
  oauth2: 'RESTRICTED',
  closed: 'NON_PUBLIC',
};

export interface CatalogPage {
  /** Absolute URL of this page (hydra:PagedCollection subject). */
  pageUrl: string;
  pageUrlOf: (page: number) => string;
  page: number;
  lastPage: number;
  pageSize: number;
  total: number;
  catalogIri: string;
  recordIri: (id: string) => string;
  modified: Date | null;
  datasets: DcatDatasetRow[];
  endpoints: DcatEndpointRow[];
  /** dcatde:contributorID of every dataset and data service (GovData's ID of the publisher). */
  contributorId?: string;
  /** The data services the page's distributions name (`dcat:accessService`). */
  accessServices?: DcatServiceRef[];
  /** Published datasets left out for lack of a mandatory property (stated on the catalogue). */
  withheld?: DcatWithheld;
}

/** The catalogue's statement of what it leaves out, in German (null when nothing). */
export function withheldNote(withheld: DcatWithheld | undefined): string | null {
  if (!withheld) return null;
  const parts = [
    withheld.withoutTitle > 0 ? `${withheld.withoutTitle} ohne Titel (dct:title)` : '',
    withheld.withoutDescription > 0
      ? `${withheld.withoutDescription} ohne Beschreibung (dct:description)`
      : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    `Nicht enthalten sind veröffentlichte Datensätze, denen eine in DCAT-AP.de verpflichtende ` +
    `Angabe fehlt: ${parts.join(', ')}.`
  );
}

/** An http(s) URL as a valid IRI (percent-encoded by the URL parser), or null. */
export function httpIri(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The dcat-ap.de licence URI of a licence value (URI or bare id), or null when not one. */
export function licenceIri(value: string | null | undefined): string | null {
  if (!value) return null;
  const uri = value.startsWith('http') ? value.replace(/^https:/, 'http:') : LICENCE_BASE + value;
  return LICENCE_URI_PATTERN.test(uri) ? uri : null;
}

/** xsd:date or xsd:dateTime literal of an ISO date text, or null when it is neither. */
export function dateLiteral(value: string | null | undefined) {
  const date = isoDateOrInstant(value);
  if (!date) return null;
  return typed(date.value, date.kind === 'date' ? 'date' : 'dateTime');
}

/**
 * One page of the inventory as a DCAT-AP.de 3.0 catalogue: the catalogue with its datasets
 * (dcat:Dataset with distributions) and registered service endpoints (dcat:DataService), paged
 * the way ckanext-dcat (GovData's harvester) reads it: hydra:PagedCollection with literal page
 * URLs.
 *
 * Controlled vocabularies: every concept used (themes, access rights, frequencies, file types,
 * licences, language, geocoding level) is stated with its `skos:inScheme`, so a validator
 * checks the DCAT-AP.de vocabulary shapes without fetching the vocabularies. Values outside
 * the known vocabularies are left out rather than emitted unvalidated.
 */
export function buildCatalogPage(page: CatalogPage): Graph {
  const g = new Graph();
  const usedConcepts = new Map<string, string>();
  const concept = (scheme: keyof typeof SCHEMES, uri: string) => {
    usedConcepts.set(uri, SCHEMES[scheme]);
    return iri(uri);
  };
  // The nodes that describe a part of a resource (publisher, contact point, period, bounding box)
  // are fragment IRIs of that resource's IRI, not blank nodes: the same on every request and in
  // every format, so pages merge without duplicates and graphs compare as sets of triples.
  const part = (owner: string, fragment: string) => iri(`${owner}#${fragment}`);
  const landOf = (landCode: string | null) => (landCode ? findLand(landCode) : undefined);
  const agent = (owner: string, name: string): Quad_Subject => {
    const node = part(owner, 'publisher');
    g.type(node, 'foaf', 'Agent').add(node, ns('foaf', 'name'), text(name));
    return node;
  };

  // dct:spatial ranges over dct:Location: every place named by IRI is typed once.
  const locations = new Set<string>();
  const location = (uri: string) => {
    if (!locations.has(uri)) {
      locations.add(uri);
      g.type(iri(uri), 'dct', 'Location');
    }
    return iri(uri);
  };
  const note = withheldNote(page.withheld);
  // dcat:accessService must point at a dcat:DataService: a service paged elsewhere is described
  // here too, by the same (blank-node free) triples as on its own page, so pages merge cleanly.
  const onThisPage = new Set(page.endpoints.map((e) => e.id));
  const described = new Set<string>();
  const accessService = (id: string): Quad_Subject | null => {
    const ref = page.accessServices?.find((s) => s.id === id);
    const endpointUrl = httpIri(ref?.url);
    if (!ref || !endpointUrl) return null;
    const node = iri(page.recordIri(id));
    if (!onThisPage.has(id) && !described.has(id)) {
      described.add(id);
      g.type(node, 'dcat', 'DataService')
        .add(node, ns('dct', 'identifier'), text(id))
        .add(node, ns('dct', 'title'), text(ref.name, 'de'))
        .add(node, ns('dcat', 'endpointURL'), iri(endpointUrl))
        .add(
          node,
          ns('dct', 'publisher'),
          agent(node.value, landOf(ref.land_code)?.name ?? 'Bund'),
        );
    }
    return node;
  };
  const contributor = page.contributorId ? concept('contributor', page.contributorId) : null;
  const catalog = iri(page.catalogIri);
  g.type(catalog, 'dcat', 'Catalog')
    .add(catalog, ns('dct', 'title'), text('Datenplattform-Inventar der Länder', 'de'))
    .add(
      catalog,
      ns('dct', 'description'),
      text(
        'Datensätze und Datendienste, die die 16 Länder im Datenplattform-Inventar der AG ' +
          'Integrierte Datenplattformen (Digitalministerkonferenz) registriert oder aus ihren ' +
          'Geodatenkatalogen geharvestet haben.',
        'de',
      ),
    )
    .add(catalog, ns('dct', 'publisher'), agent(page.catalogIri, 'AG Integrierte Datenplattformen'))
    .add(catalog, ns('dct', 'language'), concept('language', `${EU}language/DEU`))
    .add(catalog, ns('rdfs', 'comment'), note ? text(note, 'de') : null)
    .add(catalog, ns('dct', 'spatial'), location(`${EU}country/DEU`))
    .add(
      catalog,
      ns('dct', 'modified'),
      page.modified ? typed(page.modified.toISOString(), 'dateTime') : null,
    );

  const pageNode = iri(page.pageUrl);
  g.type(pageNode, 'hydra', 'PagedCollection')
    .add(pageNode, ns('hydra', 'totalItems'), typed(String(page.total), 'integer'))
    .add(pageNode, ns('hydra', 'itemsPerPage'), typed(String(page.pageSize), 'integer'))
    .add(pageNode, ns('hydra', 'firstPage'), text(page.pageUrlOf(1)))
    .add(pageNode, ns('hydra', 'lastPage'), text(page.pageUrlOf(page.lastPage)))
    .add(
      pageNode,
      ns('hydra', 'nextPage'),
      page.page < page.lastPage ? text(page.pageUrlOf(page.page + 1)) : null,
    )
    .add(
      pageNode,
      ns('hydra', 'previousPage'),
      page.page > 1 ? text(page.pageUrlOf(page.page - 1)) : null,
    );

  const spatial = (subject: Quad_Subject, landCode: string | null) => {
    const land = landCode ? findLand(landCode) : undefined;
    // DCAT-AP.de Konvention 11: the political geocoding as a URI in dct:spatial.
    if (land) g.add(subject, ns('dct', 'spatial'), location(stateKeyUri(land)));
    return land;
  };

  for (const d of page.datasets) {
    const dataset = iri(page.recordIri(d.id));
    g.add(catalog, ns('dcat', 'dataset'), dataset);
    g.type(dataset, 'dcat', 'Dataset')
      .add(dataset, ns('dct', 'identifier'), text(d.id))
      .add(dataset, ns('dct', 'title'), text(d.title, 'de'))
      .add(dataset, ns('dct', 'description'), d.description ? text(d.description, 'de') : null)
      .add(dataset, ns('dcatde', 'contributorID'), contributor);
    const land = spatial(dataset, d.land_code);
    // The registering Land publishes a record that names no publisher of its own.
    g.add(
      dataset,
      ns('dct', 'publisher'),
      agent(dataset.value, d.publisher ?? land?.name ?? 'Bund'),
    );
    const levelCode = d.political_geocoding_level?.replace(GEOCODING_LEVEL_BASE, '');
    const level =
      levelCode && (GEOCODING_LEVELS as readonly string[]).includes(levelCode)
        ? levelCode
        : land
          ? 'state'
          : null;
    if (level)
      g.add(
        dataset,
        ns('dcatde', 'politicalGeocodingLevelURI'),
        concept('geocodingLevel', GEOCODING_LEVEL_BASE + level),
      );
    for (const keyword of d.keywords) g.add(dataset, ns('dcat', 'keyword'), text(keyword, 'de'));
    for (const theme of d.themes)
      if ((EU_THEMES as readonly string[]).includes(theme))
        g.add(dataset, ns('dcat', 'theme'), concept('theme', EU_THEME_BASE + theme));
    const access = d.access_rights?.replace(ACCESS_RIGHT_BASE, '');
    if (access && (ACCESS_RIGHTS as readonly string[]).includes(access))
      g.add(dataset, ns('dct', 'accessRights'), concept('accessRight', ACCESS_RIGHT_BASE + access));
    const frequency = d.accrual_periodicity?.replace(FREQUENCY_BASE, '');
    if (frequency && (FREQUENCIES as readonly string[]).includes(frequency))
      g.add(
        dataset,
        ns('dct', 'accrualPeriodicity'),
        concept('frequency', FREQUENCY_BASE + frequency),
      );
    g.add(dataset, ns('dct', 'issued'), dateLiteral(d.issued)).add(
      dataset,
      ns('dct', 'modified'),
      dateLiteral(d.modified),
    );
    const start = dateLiteral(d.temporal_start);
    const end = dateLiteral(d.temporal_end);
    if (start || end) {
      const period = part(dataset.value, 'temporal');
      g.add(dataset, ns('dct', 'temporal'), period)
        .type(period, 'dct', 'PeriodOfTime')
        .add(period, ns('dcat', 'startDate'), start)
        .add(period, ns('dcat', 'endDate'), end);
    }
    if (d.bbox) {
      const [w, s, e, n] = d.bbox;
      const location = part(dataset.value, 'bbox');
      const wkt = `POLYGON((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s}))`;
      g.add(dataset, ns('dct', 'spatial'), location)
        .type(location, 'dct', 'Location')
        .add(location, ns('dcat', 'bbox'), datatyped(wkt, `${PREFIXES.geo}wktLiteral`));
    }
    const email = d.contact_email?.trim();
    const contactUrl = httpIri(d.contact_url);
    if ((email && /^[^\s@<>]+@[^\s@<>]+$/.test(email)) || contactUrl) {
      const contact = part(dataset.value, 'contact');
      g.add(dataset, ns('dcat', 'contactPoint'), contact)
        .type(contact, 'vcard', 'Kind')
        .add(contact, ns('vcard', 'fn'), d.contact_name ? text(d.contact_name) : null)
        .add(
          contact,
          ns('vcard', 'hasEmail'),
          email && /^[^\s@<>]+@[^\s@<>]+$/.test(email) ? iri(`mailto:${email}`) : null,
        )
        .add(contact, ns('vcard', 'hasURL'), contactUrl ? iri(contactUrl) : null);
    }
    const licence = licenceIri(d.licence);
    if (licence) g.add(dataset, ns('dct', 'license'), concept('licence', licence));
    // DCAT-AP.de requires a licence on every distribution: without one, none is published.
    if (licence)
      d.distributions.forEach((x, i) => {
        const accessUrl = httpIri(x.accessUrl);
        if (!accessUrl) return;
        const distribution = iri(`${page.recordIri(d.id)}#distribution-${i + 1}`);
        g.add(dataset, ns('dcat', 'distribution'), distribution)
          .type(distribution, 'dcat', 'Distribution')
          .add(distribution, ns('dcat', 'accessURL'), iri(accessUrl))
          .add(distribution, ns('dct', 'license'), concept('licence', licence));
        const download = httpIri(x.downloadUrl);
        if (download) g.add(distribution, ns('dcat', 'downloadURL'), iri(download));
        const fileType = FILE_TYPES[x.format.trim().toUpperCase()];
        if (fileType)
          g.add(
            distribution,
            ns('dct', 'format'),
            concept('fileType', `${EU}file-type/${fileType}`),
          );
        else if (x.format.trim()) g.add(distribution, ns('dct', 'title'), text(x.format.trim()));
        if (x.mediaType && /^[a-z]+\/[A-Za-z0-9.+-]+$/.test(x.mediaType))
          g.add(
            distribution,
            ns('dcat', 'mediaType'),
            iri(`https://www.iana.org/assignments/media-types/${x.mediaType}`),
          );
        const service = x.accessServiceId ? accessService(x.accessServiceId) : null;
        if (service) g.add(distribution, ns('dcat', 'accessService'), service);
      });
  }

  for (const e of page.endpoints) {
    const endpointUrl = httpIri(e.url);
    if (!endpointUrl) continue;
    const service = iri(page.recordIri(e.id));
    g.add(catalog, ns('dcat', 'service'), service);
    g.type(service, 'dcat', 'DataService')
      .add(service, ns('dct', 'identifier'), text(e.id))
      .add(service, ns('dct', 'title'), text(e.name, 'de'))
      .add(service, ns('dcat', 'endpointURL'), iri(endpointUrl))
      .add(service, ns('dcatde', 'contributorID'), contributor);
    const description = httpIri(e.capabilities_url);
    if (description) g.add(service, ns('dcat', 'endpointDescription'), iri(description));
    const land = spatial(service, e.land_code);
    g.add(service, ns('dct', 'publisher'), agent(service.value, land?.name ?? 'Bund'));
    const access = e.authentication ? SERVICE_ACCESS[e.authentication] : undefined;
    if (access)
      g.add(service, ns('dct', 'accessRights'), concept('accessRight', ACCESS_RIGHT_BASE + access));
    for (const datasetId of e.dataset_ids)
      g.add(service, ns('dcat', 'servesDataset'), iri(page.recordIri(datasetId)));
  }

  for (const [uri, scheme] of usedConcepts) {
    const node = iri(uri);
    g.type(node, 'skos', 'Concept').add(node, ns('skos', 'inScheme'), iri(scheme));
  }
  return g;
}
