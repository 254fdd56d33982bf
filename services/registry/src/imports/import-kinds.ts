import { DATASET_KIND } from '../datasets/dataset.kind';
import { ENDPOINT_KIND } from '../endpoints/endpoint.kind';
import { ORGANISATION_KIND } from '../organisations/organisation.kind';
import { PLATFORM_KIND } from '../platforms/platform.kind';
import { RecordKind, VersionedRecord } from '../records/record-kind';
import { DIGITAL_TWIN_KIND } from '../twins/digital-twin.kind';

/** The record kinds a bulk import (and `dpi push`) can carry, by their item `kind`. */
export const IMPORT_KINDS = {
  organisation: ORGANISATION_KIND,
  platform: PLATFORM_KIND,
  twin: DIGITAL_TWIN_KIND,
  endpoint: ENDPOINT_KIND,
  dataset: DATASET_KIND,
} as const satisfies Record<string, RecordKind<VersionedRecord, object>>;

export type ImportKind = keyof typeof IMPORT_KINDS;
export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKind[];

/** Most items one import takes. */
export const MAX_IMPORT_ITEMS = 10_000;
/** Body limit of POST /api/v1/imports (10,000 items of ~2 KB with room). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
