import { TOPICS, type TopicName } from '@dpi/contracts';
import { prefixedTopic, RawEvent } from '@dpi/kafka';
import { toDatasetChange } from './dataset-event';
import { toEndpointChange } from './endpoint-event';
import { toHarvestJobChange } from './harvest-job-event';
import { toOrganisationChange } from './organisation-event';
import { toPlatformChange } from './platform-event';
import {
  DATASET_COLUMNS,
  ENDPOINT_COLUMNS,
  HARVEST_JOB_COLUMNS,
  ORGANISATION_COLUMNS,
  PLATFORM_COLUMNS,
  TWIN_COLUMNS,
} from './read-model-columns';
import { RecordChange } from './record-change';
import { toTwinChange } from './twin-event';
import { ReadModelColumn } from './versioned-upsert';

export const READ_MODEL_NAMES = [
  'organisation',
  'platform',
  'twin',
  'dataset',
  'endpoint',
  'harvestJob',
] as const;
export type ReadModelName = (typeof READ_MODEL_NAMES)[number];

export const isReadModel = (model: string): model is ReadModelName =>
  (READ_MODEL_NAMES as readonly string[]).includes(model);

/** One read model: the topic it is built from, its table, its columns and its decoder. */
export interface ReadModelSpec {
  name: ReadModelName;
  topic: TopicName;
  table: string;
  columns: readonly ReadModelColumn<never>[];
  decode: (raw: RawEvent, context: DecodeContext) => RecordChange<object>;
}

export interface DecodeContext {
  /** Time zone the harvester's cron schedules are read in (staleness of harvest sources). */
  cronTimeZone: string;
}

/** Every read model of the service; a topic feeds exactly one. */
export const READ_MODELS: Readonly<Record<ReadModelName, ReadModelSpec>> = {
  organisation: {
    name: 'organisation',
    topic: TOPICS.registryOrganisation,
    table: 'organisation_item',
    columns: ORGANISATION_COLUMNS,
    decode: toOrganisationChange,
  },
  platform: {
    name: 'platform',
    topic: TOPICS.registryPlatform,
    table: 'platform_item',
    columns: PLATFORM_COLUMNS,
    decode: toPlatformChange,
  },
  twin: {
    name: 'twin',
    topic: TOPICS.registryDigitalTwin,
    table: 'twin_item',
    columns: TWIN_COLUMNS,
    decode: toTwinChange,
  },
  dataset: {
    name: 'dataset',
    topic: TOPICS.registryDataset,
    table: 'dataset_item',
    columns: DATASET_COLUMNS,
    decode: toDatasetChange,
  },
  endpoint: {
    name: 'endpoint',
    topic: TOPICS.registryEndpoint,
    table: 'endpoint_item',
    columns: ENDPOINT_COLUMNS,
    decode: toEndpointChange,
  },
  harvestJob: {
    name: 'harvestJob',
    topic: TOPICS.harvestJob,
    table: 'harvest_job_item',
    columns: HARVEST_JOB_COLUMNS,
    decode: (raw, context) => toHarvestJobChange(raw, context.cronTimeZone),
  },
};

/** A decoded event, tagged with the read model it belongs to. */
export interface ReadModelChange {
  model: ReadModelName;
  change: RecordChange<object>;
}

/** The (prefixed) topics every projection of the read models consumes. */
export function readModelTopics(prefix: string): string[] {
  return READ_MODEL_NAMES.map((name) => prefixedTopic(READ_MODELS[name].topic, prefix));
}

/** Decodes by topic: each topic carries one message type. */
export function readModelDecoder(
  prefix: string,
  context: DecodeContext,
): (raw: RawEvent) => ReadModelChange {
  const byTopic = new Map(
    READ_MODEL_NAMES.map((name) => [prefixedTopic(READ_MODELS[name].topic, prefix), name]),
  );
  return (raw) => {
    const model = byTopic.get(raw.topic);
    if (!model) throw new Error(`no read model for topic ${raw.topic}`);
    return { model, change: READ_MODELS[model].decode(raw, context) };
  };
}

/** Groups a batch by read model, keeping the order within each. */
export function byModel(
  changes: readonly ReadModelChange[],
): Map<ReadModelName, RecordChange<object>[]> {
  const groups = new Map<ReadModelName, RecordChange<object>[]>();
  for (const { model, change } of changes) {
    const group = groups.get(model) ?? [];
    group.push(change);
    groups.set(model, group);
  }
  return groups;
}
