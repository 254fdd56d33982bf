import {
  AdministrativeLevel as AdministrativeLevelPb,
  Network as NetworkPb,
  OrganisationType as OrganisationTypePb,
} from '@dpi/contracts';
import { enumCodec } from './enum-codec';
import { AdministrativeLevel, Network, OrganisationType } from './vocabularies/organisation';

export * from './vocabularies/organisation';

const level = enumCodec<AdministrativeLevel, AdministrativeLevelPb>('AdministrativeLevel', {
  federal: AdministrativeLevelPb.FEDERAL,
  state: AdministrativeLevelPb.STATE,
  administrativeDistrict: AdministrativeLevelPb.ADMINISTRATIVE_DISTRICT,
  municipality: AdministrativeLevelPb.MUNICIPALITY,
});

const organisationType = enumCodec<OrganisationType, OrganisationTypePb>('OrganisationType', {
  ministry: OrganisationTypePb.MINISTRY,
  stateAgency: OrganisationTypePb.STATE_AGENCY,
  surveyingAuthority: OrganisationTypePb.SURVEYING_AUTHORITY,
  municipalAdministration: OrganisationTypePb.MUNICIPAL_ADMINISTRATION,
  publicCompany: OrganisationTypePb.PUBLIC_COMPANY,
  researchInstitution: OrganisationTypePb.RESEARCH_INSTITUTION,
  association: OrganisationTypePb.ASSOCIATION,
  other: OrganisationTypePb.OTHER,
});

const network = enumCodec<Network, NetworkPb>('Network', {
  gdiDe: NetworkPb.GDI_DE,
  adv: NetworkPb.ADV,
  mpsc: NetworkPb.MPSC,
  openDataForum: NetworkPb.OPEN_DATA_FORUM,
  itPlanungsrat: NetworkPb.IT_PLANUNGSRAT,
  digizDe: NetworkPb.DIGIZ_DE,
});

export const administrativeLevelToPb = level.toPb;
export const administrativeLevelFromPb = level.fromPb;
export const organisationTypeToPb = organisationType.toPb;
export const organisationTypeFromPb = organisationType.fromPb;
export const networkToPb = network.toPb;
export const networkFromPb = network.fromPb;
