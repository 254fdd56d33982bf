import type { IsoKeyword } from '@dpi/csw';
import { EU_THEME_BASE, EU_THEMES, type EuTheme } from '@dpi/domain';

const INSPIRE_THEME_URI = /^https?:\/\/inspire\.ec\.europa\.eu\/theme\/([a-z]{2})\/?$/i;

interface InspireTheme {
  themes: EuTheme[];
  /** Labels of the INSPIRE theme register (English and German). */
  labels: string[];
}

/**
 * The 34 INSPIRE themes and the EU data themes they belong to, following the GeoDCAT-AP /
 * GovData practice: spatial reference data → REGI, environmental themes → ENVI, and the themes
 * with an obvious sector (transport, energy, health, agriculture, population …) to that sector.
 */
export const INSPIRE_THEMES: Record<string, InspireTheme> = {
  ac: { themes: ['ENVI'], labels: ['Atmospheric conditions', 'Atmosphärische Bedingungen'] },
  ad: { themes: ['REGI'], labels: ['Addresses', 'Adressen'] },
  af: {
    themes: ['AGRI'],
    labels: [
      'Agricultural and aquaculture facilities',
      'Landwirtschaftliche Anlagen und Aquakulturanlagen',
    ],
  },
  am: {
    themes: ['ENVI', 'GOVE'],
    labels: [
      'Area management/restriction/regulation zones and reporting units',
      'Bewirtschaftungsgebiete/Schutzgebiete/geregelte Gebiete und Berichterstattungseinheiten',
    ],
  },
  au: {
    themes: ['REGI', 'GOVE'],
    labels: ['Administrative units', 'Verwaltungseinheiten'],
  },
  br: { themes: ['ENVI'], labels: ['Bio-geographical regions', 'Biogeografische Regionen'] },
  bu: { themes: ['REGI'], labels: ['Buildings', 'Gebäude'] },
  cp: { themes: ['REGI'], labels: ['Cadastral parcels', 'Flurstücke/Grundstücke'] },
  ef: {
    themes: ['ENVI'],
    labels: ['Environmental monitoring facilities', 'Umweltüberwachung'],
  },
  el: { themes: ['REGI'], labels: ['Elevation', 'Höhe'] },
  er: { themes: ['ENER'], labels: ['Energy resources', 'Energiequellen'] },
  ge: { themes: ['ENVI'], labels: ['Geology', 'Geologie'] },
  gg: {
    themes: ['REGI'],
    labels: ['Geographical grid systems', 'Geografische Gittersysteme'],
  },
  gn: {
    themes: ['REGI'],
    labels: ['Geographical names', 'Geografische Bezeichnungen'],
  },
  hb: { themes: ['ENVI'], labels: ['Habitats and biotopes', 'Lebensräume und Biotope'] },
  hh: {
    themes: ['HEAL'],
    labels: ['Human health and safety', 'Gesundheit und Sicherheit'],
  },
  hy: { themes: ['ENVI'], labels: ['Hydrography', 'Gewässernetz'] },
  lc: { themes: ['ENVI'], labels: ['Land cover', 'Bodenbedeckung'] },
  lu: { themes: ['ENVI', 'REGI'], labels: ['Land use', 'Bodennutzung'] },
  mf: {
    themes: ['ENVI'],
    labels: ['Meteorological geographical features', 'Meteorologisch-geografische Kennwerte'],
  },
  mr: { themes: ['ECON', 'ENVI'], labels: ['Mineral resources', 'Mineralische Bodenschätze'] },
  nz: {
    themes: ['ENVI'],
    labels: ['Natural risk zones', 'Gebiete mit naturbedingten Risiken'],
  },
  of: {
    themes: ['ENVI'],
    labels: ['Oceanographic geographical features', 'Ozeanografisch-geografische Kennwerte'],
  },
  oi: { themes: ['REGI'], labels: ['Orthoimagery', 'Orthofotografie'] },
  pd: {
    themes: ['SOCI'],
    labels: [
      'Population distribution — demography',
      'Population distribution - demography',
      'Verteilung der Bevölkerung — Demografie',
      'Verteilung der Bevölkerung - Demografie',
    ],
  },
  pf: {
    themes: ['ECON'],
    labels: ['Production and industrial facilities', 'Produktions- und Industrieanlagen'],
  },
  ps: { themes: ['ENVI'], labels: ['Protected sites', 'Schutzgebiete'] },
  rs: {
    themes: ['REGI'],
    labels: ['Coordinate reference systems', 'Koordinatenreferenzsysteme'],
  },
  sd: { themes: ['ENVI'], labels: ['Species distribution', 'Verteilung der Arten'] },
  so: { themes: ['ENVI', 'AGRI'], labels: ['Soil', 'Boden'] },
  sr: { themes: ['ENVI'], labels: ['Sea regions', 'Meeresregionen'] },
  su: { themes: ['REGI', 'SOCI'], labels: ['Statistical units', 'Statistische Einheiten'] },
  tn: { themes: ['TRAN'], labels: ['Transport networks', 'Verkehrsnetze'] },
  us: {
    themes: ['GOVE'],
    labels: ['Utility and governmental services', 'Versorgungswirtschaft und staatliche Dienste'],
  },
};

/** ISO 19115 MD_TopicCategoryCode → EU data themes. */
export const TOPIC_CATEGORY_THEMES: Record<string, EuTheme[]> = {
  farming: ['AGRI'],
  biota: ['ENVI'],
  boundaries: ['REGI'],
  climatologyMeteorologyAtmosphere: ['ENVI'],
  economy: ['ECON'],
  elevation: ['REGI'],
  environment: ['ENVI'],
  geoscientificInformation: ['ENVI'],
  health: ['HEAL'],
  imageryBaseMapsEarthCover: ['REGI'],
  intelligenceMilitary: ['JUST'],
  inlandWaters: ['ENVI'],
  location: ['REGI'],
  oceans: ['ENVI'],
  planningCadastre: ['REGI'],
  society: ['SOCI'],
  structure: ['REGI'],
  transportation: ['TRAN'],
  utilitiesCommunication: ['ENER', 'TECH'],
};

/** Case, dashes and spacing vary between records; umlauts do not. */
const normaliseLabel = (label: string) =>
  label.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();

const INSPIRE_BY_LABEL = new Map<string, string>(
  Object.entries(INSPIRE_THEMES).flatMap(([code, theme]) =>
    theme.labels.map((label) => [normaliseLabel(label), code] as [string, string]),
  ),
);

const isInspireThesaurus = (keyword: IsoKeyword) =>
  /inspire/i.test(keyword.thesaurus?.title ?? '') &&
  /them(e|es|a|en)\b/i.test(keyword.thesaurus?.title ?? '');

/** The INSPIRE theme code (`hy`, `gn` …) a keyword names, or null. */
export function inspireThemeOf(keyword: IsoKeyword): string | null {
  const byUri = keyword.href ? INSPIRE_THEME_URI.exec(keyword.href) : null;
  if (byUri) {
    const code = byUri[1].toLowerCase();
    return code in INSPIRE_THEMES ? code : null;
  }
  if (!isInspireThesaurus(keyword)) return null;
  return INSPIRE_BY_LABEL.get(normaliseLabel(keyword.keyword)) ?? null;
}

/** An EU data theme named directly: its authority URI, or its code as a theme keyword. */
function dataThemeOf(keyword: IsoKeyword): EuTheme | null {
  const candidates = [keyword.href ?? '', keyword.keyword];
  for (const candidate of candidates) {
    if (candidate.startsWith(EU_THEME_BASE)) {
      const code = candidate.slice(EU_THEME_BASE.length).replace(/\/$/, '');
      if ((EU_THEMES as readonly string[]).includes(code)) return code as EuTheme;
    }
  }
  const text = keyword.keyword.trim();
  const isThemeKeyword =
    keyword.type === 'theme' || /data[- ]?theme/i.test(keyword.thesaurus?.title ?? '');
  return isThemeKeyword && (EU_THEMES as readonly string[]).includes(text)
    ? (text as EuTheme)
    : null;
}

/**
 * EU data themes of a record: themes named directly, then those of its INSPIRE themes, then
 * those of its topic categories; each once, in the order of EU_THEMES.
 */
export function euThemesOf(keywords: IsoKeyword[], topicCategories: string[]): EuTheme[] {
  const found = new Set<EuTheme>();
  for (const keyword of keywords) {
    const direct = dataThemeOf(keyword);
    if (direct) found.add(direct);
    const inspire = inspireThemeOf(keyword);
    if (inspire) for (const theme of INSPIRE_THEMES[inspire].themes) found.add(theme);
  }
  for (const category of topicCategories) {
    for (const theme of TOPIC_CATEGORY_THEMES[category] ?? []) found.add(theme);
  }
  return EU_THEMES.filter((theme) => found.has(theme));
}
