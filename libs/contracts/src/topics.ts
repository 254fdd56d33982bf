/**
 * Every Kafka topic of the system, named `dpi.<domain>.<entity>.v<N>`. A breaking change of a
 * message is a new topic version, never an edit of an existing one.
 */
export const TOPICS = {
  registryPlatform: 'dpi.registry.platform.v1',
  registryOrganisation: 'dpi.registry.organisation.v1',
  registryDigitalTwin: 'dpi.registry.digital-twin.v1',
  registryEndpoint: 'dpi.registry.endpoint.v1',
  registryDataset: 'dpi.registry.dataset.v1',
  /** Survey rounds (Erhebungsrunden, issue 22), keyed by round id. */
  registrySurveyRound: 'dpi.registry.survey-round.v1',
  /** A record's state in a survey round, keyed `<roundId>/<recordId>`. */
  registryRoundRecord: 'dpi.registry.round-record.v1',
  /** Harvested ISO records mapped to datasets, keyed `<sourceId>/<fileIdentifier>`. */
  harvestRecord: 'dpi.harvest.record.v1',
  /** Harvest job state and progress, keyed by job id. */
  harvestJob: 'dpi.harvest.job.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Suffix of the dead-letter topic that receives what a consumer of `<topic>` could not apply. */
export const DLQ_SUFFIX = '.dlq';

export interface TopicSpec {
  name: TopicName;
  partitions: number;
  /** Registry topics carry full entity state, so compaction keeps the latest state per key. */
  compacted: boolean;
}

export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: TOPICS.registryPlatform, partitions: 6, compacted: true },
  { name: TOPICS.registryOrganisation, partitions: 3, compacted: true },
  { name: TOPICS.registryDigitalTwin, partitions: 3, compacted: true },
  { name: TOPICS.registryEndpoint, partitions: 3, compacted: true },
  { name: TOPICS.registryDataset, partitions: 6, compacted: true },
  { name: TOPICS.registrySurveyRound, partitions: 1, compacted: true },
  { name: TOPICS.registryRoundRecord, partitions: 3, compacted: true },
  { name: TOPICS.harvestRecord, partitions: 6, compacted: true },
  { name: TOPICS.harvestJob, partitions: 3, compacted: true },
];
