/** Vocabularies of organisations (protobuf-free). */
/** DCAT-AP.de political geocoding levels an organisation can sit at. */
export const ADMINISTRATIVE_LEVELS = [
  'federal',
  'state',
  'administrativeDistrict',
  'municipality',
] as const;
export type AdministrativeLevel = (typeof ADMINISTRATIVE_LEVELS)[number];

export const ORGANISATION_TYPES = [
  'ministry',
  'stateAgency',
  'surveyingAuthority',
  'municipalAdministration',
  'publicCompany',
  'researchInstitution',
  'association',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Networks the AG cares about: GDI-DE, AdV, Modellprojekte Smart Cities, Open Data Forum, IT-Planungsrat, DigiZ-DE. */
export const NETWORKS = [
  'gdiDe',
  'adv',
  'mpsc',
  'openDataForum',
  'itPlanungsrat',
  'digizDe',
] as const;
export type Network = (typeof NETWORKS)[number];
