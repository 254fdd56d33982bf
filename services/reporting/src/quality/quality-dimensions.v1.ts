import { QUALITY_POINTS } from './quality-method.v1';
import type { QualityDimension } from './quality-method';

/**
 * Version 1 of the quality breakdown (issue 21): the indicators of quality method v1
 * (quality-method.v1.ts, whose points it uses unchanged) as SQL, one share 0–1 per dataset, and
 * the improvement tip that raises each. The shares are the view `dataset_quality`'s terms
 * (migration 1763900000010) one by one, so a dataset's points summed here equal the view's; the
 * integration test checks that. Frozen like v1 (a digest in quality-dimensions.spec.ts): a changed
 * indicator or tip text is a v2 file.
 *
 * SQL context: `d` a dataset_item row, `x` its distribution counts (DISTRIBUTION_COUNTS_V1).
 */

/** Per dataset: its distributions counted (the view's lateral subquery, with v1's format lists). */
export const DISTRIBUTION_COUNTS_V1 = (lists: {
  known: string;
  nonProprietary: string;
  machineReadable: string;
}) => `SELECT count(*) AS n,
    count(*) FILTER (WHERE coalesce(e->>'accessUrl', '') <> '') AS with_access,
    count(*) FILTER (WHERE coalesce(e->>'downloadUrl', '') <> '') AS with_download,
    count(*) FILTER (WHERE coalesce(e->>'format', '') <> '') AS with_format,
    count(*) FILTER (WHERE coalesce(e->>'mediaType', '') <> '') AS with_media_type,
    count(*) FILTER (WHERE coalesce(e->>'accessServiceId', '') <> '') AS with_service,
    count(*) FILTER (WHERE upper(e->>'format') = ANY (${lists.known})) AS known,
    count(*) FILTER (WHERE upper(e->>'format') = ANY (${lists.nonProprietary})) AS non_proprietary,
    count(*) FILTER (WHERE upper(e->>'format') = ANY (${lists.machineReadable})) AS machine_readable
  FROM jsonb_array_elements(d.distributions) e`;

const flag = (condition: string) => `(CASE WHEN ${condition} THEN 1 ELSE 0 END)::numeric`;
const perDistribution = (count: string) =>
  `(CASE WHEN x.n = 0 THEN 0 ELSE ${count}::numeric / x.n END)`;

export interface QualityIndicator {
  id: string;
  dimension: QualityDimension;
  points: number;
  /** SQL: the share 0–1 of the indicator's points the dataset gets. */
  share: string;
  /** The tip (TIPS_V1) that raises it. */
  tip: string;
}

const P = QUALITY_POINTS;

export const INDICATORS_V1: readonly QualityIndicator[] = [
  {
    id: 'keywords',
    dimension: 'findability',
    points: P.findability.keywords,
    share: flag('cardinality(d.keywords) > 0'),
    tip: 'keywords',
  },
  {
    id: 'themes',
    dimension: 'findability',
    points: P.findability.themes,
    share: flag('cardinality(d.themes) > 0'),
    tip: 'themes',
  },
  {
    id: 'spatial',
    dimension: 'findability',
    points: P.findability.spatial,
    share: flag('d.bbox IS NOT NULL OR d.political_geocoding_uri IS NOT NULL'),
    tip: 'spatial',
  },
  {
    id: 'temporal',
    dimension: 'findability',
    points: P.findability.temporal,
    share: flag('d.temporal_start IS NOT NULL OR d.temporal_end IS NOT NULL'),
    tip: 'temporal',
  },
  {
    id: 'accessUrl',
    dimension: 'accessibility',
    points: P.accessibility.accessUrl,
    share: flag('x.with_access > 0'),
    tip: 'accessUrl',
  },
  {
    id: 'downloadUrl',
    dimension: 'accessibility',
    points: P.accessibility.downloadUrl,
    share: flag('x.with_download > 0'),
    tip: 'downloadUrl',
  },
  {
    id: 'format',
    dimension: 'interoperability',
    points: P.interoperability.format,
    share: perDistribution('x.with_format'),
    tip: 'format',
  },
  {
    id: 'mediaType',
    dimension: 'interoperability',
    points: P.interoperability.mediaType,
    share: perDistribution('x.with_media_type'),
    tip: 'mediaType',
  },
  {
    id: 'knownFormat',
    dimension: 'interoperability',
    points: P.interoperability.knownFormat,
    share: perDistribution('x.known'),
    tip: 'knownFormat',
  },
  {
    id: 'nonProprietary',
    dimension: 'interoperability',
    points: P.interoperability.nonProprietary,
    share: perDistribution('x.non_proprietary'),
    tip: 'nonProprietary',
  },
  {
    id: 'machineReadable',
    dimension: 'interoperability',
    points: P.interoperability.machineReadable,
    share: perDistribution('x.machine_readable'),
    tip: 'machineReadable',
  },
  {
    id: 'serviceInterface',
    dimension: 'interoperability',
    points: P.interoperability.serviceInterface,
    share: flag('cardinality(d.endpoint_ids) > 0 OR x.with_service > 0'),
    tip: 'serviceInterface',
  },
  {
    id: 'licence',
    dimension: 'reusability',
    points: P.reusability.licence,
    share: flag('d.licence IS NOT NULL'),
    tip: 'licence',
  },
  {
    id: 'licenceVocabulary',
    dimension: 'reusability',
    points: P.reusability.licenceVocabulary,
    share: flag("d.licence LIKE 'http://dcat-ap.de/def/licenses/%'"),
    tip: 'licence',
  },
  {
    id: 'accessRights',
    dimension: 'reusability',
    points: P.reusability.accessRights,
    share: flag("d.access_rights IN ('PUBLIC', 'RESTRICTED', 'NON_PUBLIC')"),
    tip: 'accessRights',
  },
  {
    id: 'contactPoint',
    dimension: 'reusability',
    points: P.reusability.contactPoint,
    share: flag('coalesce(d.contact_name, d.contact_email, d.contact_url) IS NOT NULL'),
    tip: 'contactPoint',
  },
  {
    id: 'publisher',
    dimension: 'reusability',
    points: P.reusability.publisher,
    share: flag('d.publisher IS NOT NULL'),
    tip: 'publisher',
  },
  {
    id: 'description',
    dimension: 'contextuality',
    points: P.contextuality.description,
    share: flag("d.description <> ''"),
    tip: 'description',
  },
  {
    id: 'accrualPeriodicity',
    dimension: 'contextuality',
    points: P.contextuality.accrualPeriodicity,
    share: flag('d.accrual_periodicity IS NOT NULL'),
    tip: 'accrualPeriodicity',
  },
  {
    id: 'issued',
    dimension: 'contextuality',
    points: P.contextuality.issued,
    share: flag('d.issued IS NOT NULL'),
    tip: 'issued',
  },
  {
    id: 'modified',
    dimension: 'contextuality',
    points: P.contextuality.modified,
    share: flag('d.modified IS NOT NULL'),
    tip: 'modified',
  },
];

export interface QualityTip {
  /** What to do, in German (the dashboard's language) and English. */
  de: string;
  en: string;
}

/** One tip per way of raising the score; the licence tip raises two indicators at once. */
export const TIPS_V1: Readonly<Record<string, QualityTip>> = {
  keywords: { de: 'Schlüsselwörter ergänzen', en: 'Add keywords' },
  themes: { de: 'Datenkategorie (EU-Thema) zuordnen', en: 'Assign a data theme (EU vocabulary)' },
  spatial: {
    de: 'Räumliche Abdeckung angeben (Begrenzungsrechteck oder politische Geokodierung)',
    en: 'State the spatial coverage (bounding box or political geocoding)',
  },
  temporal: {
    de: 'Zeitlichen Bezug angeben (Beginn oder Ende des Zeitraums)',
    en: 'State the temporal coverage (start or end)',
  },
  accessUrl: {
    de: 'Zugangs-URL einer Distribution angeben',
    en: 'Give a distribution an access URL',
  },
  downloadUrl: { de: 'Download-URL angeben', en: 'Give a download URL' },
  format: { de: 'Format jeder Distribution angeben', en: 'State the format of every distribution' },
  mediaType: {
    de: 'Medientyp (MIME-Typ) jeder Distribution angeben',
    en: 'State the media type of every distribution',
  },
  knownFormat: {
    de: 'Formate aus dem EU-Vokabular der Dateitypen verwenden',
    en: 'Use formats from the EU file-type vocabulary',
  },
  nonProprietary: {
    de: 'Ein offenes, nicht proprietäres Format anbieten (z. B. CSV, GeoJSON, GML)',
    en: 'Offer an open, non-proprietary format (e.g. CSV, GeoJSON, GML)',
  },
  machineReadable: {
    de: 'Ein maschinenlesbares Format anbieten (z. B. CSV, JSON, GML statt PDF)',
    en: 'Offer a machine-readable format (e.g. CSV, JSON, GML instead of PDF)',
  },
  serviceInterface: {
    de: 'Mit einem registrierten Dienst (WFS, OGC API …) verknüpfen',
    en: 'Link a registered service endpoint (WFS, OGC API …)',
  },
  licence: {
    de: 'Lizenz als URI aus dem Vokabular dcat-ap.de angeben (z. B. http://dcat-ap.de/def/licenses/dl-by-de/2.0)',
    en: 'State the licence as a dcat-ap.de vocabulary URI (e.g. http://dcat-ap.de/def/licenses/dl-by-de/2.0)',
  },
  accessRights: {
    de: 'Zugriffsrechte aus dem EU-Vokabular angeben (PUBLIC, RESTRICTED, NON_PUBLIC)',
    en: 'State the access rights from the EU vocabulary (PUBLIC, RESTRICTED, NON_PUBLIC)',
  },
  contactPoint: { de: 'Kontaktstelle angeben', en: 'Give a contact point' },
  publisher: { de: 'Veröffentlichende Stelle angeben', en: 'Name the publisher' },
  description: { de: 'Beschreibung ergänzen', en: 'Add a description' },
  accrualPeriodicity: { de: 'Aktualisierungsintervall angeben', en: 'State the update frequency' },
  issued: { de: 'Veröffentlichungsdatum angeben', en: 'State the date of issue' },
  modified: { de: 'Änderungsdatum angeben', en: 'State the date of the last change' },
};
