// The benchmark's inventory as the registry's own Kafka events: platforms and datasets from the
// registry benchmark's generator (services/registry/bench/fixtures.mjs), digital twins derived
// from a second, differently seeded platform set, each turned into the registry's entity shape and
// encoded by the registry's own code (its kinds' `changedMessage` and `changedEvent` from
// services/registry/dist), so the bytes, keys and headers are the ones its outbox relay publishes.
// Produced straight to the topics in large batches: much faster than loading a registry schema
// and letting the relay publish 300,000 outbox rows, and the same records on the wire.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generateRows, random } from '../../registry/bench/fixtures.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata'); // the kinds' DTO classes carry decorators
const domain = require('@dpi/domain');
const { ChangeKind } = require('@dpi/contracts');

/** Events per sendBatch call: ~250 per partition, well below the broker's 1 MB batch limit. */
const CHUNK = 1500;
/** sendBatch calls in flight. */
const IN_FLIGHT = 4;

const registryDist = (root, path) => require(join(root, 'services/registry/dist', path));

const date = (iso) => new Date(iso);

function platformEntity(row) {
  return {
    id: row.id,
    landCode: row.land_code,
    name: row.name,
    description: row.description,
    homepage: row.homepage,
    type: row.type,
    status: row.status,
    operatorOrganisationId: null,
    administrativeLevel: row.administrative_level,
    themes: row.themes,
    standards: row.standards,
    openSource: row.open_source,
    repositoryUrl: row.repository_url,
    components: row.components,
    reusability: row.reusability,
    funding: row.funding,
    accessRights: row.access_rights,
    geometry: JSON.parse(row.geometry),
    endpointIds: [],
    datasetIds: row.dataset_ids,
    source: 'manual',
    createdBy: row.created_by,
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    version: row.version,
    deletedAt: null,
  };
}

function datasetEntity(row, rng) {
  const contact = rng.chance(0.8);
  return {
    id: row.id,
    landCode: row.land_code,
    title: row.title,
    description: row.description,
    publisher: row.publisher,
    contactName: contact ? row.publisher : null,
    contactEmail: contact ? 'geodaten@example.de' : null,
    contactUrl: null,
    themes: row.themes,
    keywords: row.keywords,
    licence: rng.chance(0.85) ? row.licence : null,
    licenceText: null,
    accessRights: row.access_rights,
    accrualPeriodicity: row.accrual_periodicity,
    issued: row.issued,
    modified: row.modified,
    temporalStart: null,
    temporalEnd: null,
    bbox: rng.chance(0.9) ? row.bbox : null,
    politicalGeocodingUri: row.political_geocoding_uri,
    politicalGeocodingLevel: row.political_geocoding_level,
    conformsTo: row.conforms_to,
    distributions: row.distributions,
    openData: row.open_data,
    inspire: row.inspire,
    resourceIdentifier: null,
    hierarchyLevel: row.hierarchy_level,
    endpointIds: [],
    harvestSourceId: null,
    source: 'manual',
    createdBy: row.created_by,
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    version: row.version,
    deletedAt: null,
  };
}

/** A twin from a generated platform row (its Land, place, geometry, times), DIN SPEC 91607 levels. */
function twinEntity(row, rng, platformIdsByLand, datasetIdsByLand) {
  const maturityLevel = 1 + rng.int(4);
  const platforms = platformIdsByLand.get(row.land_code) ?? [];
  const datasets = datasetIdsByLand.get(row.land_code) ?? [];
  return {
    id: row.id,
    landCode: row.land_code,
    name: `Digitaler Zwilling – ${row.name}`,
    description: row.description,
    scope: rng.pick(domain.TWIN_SCOPES),
    kind: rng.pick(domain.TWIN_KINDS),
    maturityLevel,
    capabilities: domain.TWIN_CAPABILITIES.slice(0, maturityLevel),
    useCases: rng.some(domain.TWIN_USE_CASES, 1, 3).sort(),
    dataBasis: rng.some(domain.TWIN_DATA_BASES, 1, 3).sort(),
    formats: rng.some(domain.THREE_D_FORMATS, 0, 2).sort(),
    realTime: rng.chance(0.3),
    simulation: rng.chance(0.3),
    digizDe: rng.pick(domain.DIGIZ_DE_RELATIONS),
    homepage: row.homepage,
    geometry: JSON.parse(row.geometry),
    platformIds: platforms.length ? rng.some(platforms.slice(-100), 0, 2).sort() : [],
    datasetIds: datasets.length ? rng.some(datasets.slice(-100), 0, 3).sort() : [],
    source: 'manual',
    createdBy: row.created_by,
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    version: row.version,
    deletedAt: null,
  };
}

const groupIds = (rows) => {
  const byLand = new Map();
  for (const r of rows) {
    let list = byLand.get(r.land_code);
    if (!list) byLand.set(r.land_code, (list = []));
    list.push(r.id);
  }
  return byLand;
};

/**
 * Generates the inventory and returns it as lazily encoded record lists per kind:
 * `{ kinds: [{ name, kind, entities }], generateSeconds }`.
 */
export function generateInventory(root, { platforms, twins, datasets }) {
  const started = Date.now();
  const { platformRows, datasetRows } = generateRows({ platforms, datasets });
  const { platformRows: twinRows } = generateRows({ platforms: twins, datasets: 0, seed: 91607 });
  const rng = random(20260123);
  const platformIdsByLand = groupIds(platformRows);
  const datasetIdsByLand = groupIds(datasetRows);
  const { PLATFORM_KIND } = registryDist(root, 'platforms/platform.kind.js');
  const { DIGITAL_TWIN_KIND } = registryDist(root, 'twins/digital-twin.kind.js');
  const { DATASET_KIND } = registryDist(root, 'datasets/dataset.kind.js');
  const kinds = [
    { name: 'platform', kind: PLATFORM_KIND, entities: platformRows.map(platformEntity) },
    {
      name: 'twin',
      kind: DIGITAL_TWIN_KIND,
      entities: twinRows.map((r) => twinEntity(r, rng, platformIdsByLand, datasetIdsByLand)),
    },
    {
      name: 'dataset',
      kind: DATASET_KIND,
      entities: datasetRows.map((r) => datasetEntity(r, rng)),
    },
  ];
  return { kinds, generateSeconds: (Date.now() - started) / 1000 };
}

/**
 * Encodes every entity with the registry's event code and produces it to the prefixed topics
 * (acks from all replicas, as the relay does). Returns counts, bytes and timings.
 */
export async function produceInventory(root, kafka, inventory, topicPrefix, log) {
  const { changedEvent } = registryDist(root, 'records/record-events.js');
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = Date.now();
  let events = 0;
  let bytes = 0;
  const context = { topicPrefix, correlationId: 'reporting-bench', causationId: 'bench-loader' };
  try {
    for (const { name, kind, entities } of inventory.kinds) {
      const chunks = [];
      for (let i = 0; i < entities.length; i += CHUNK) chunks.push(entities.slice(i, i + CHUNK));
      let next = 0;
      const worker = async () => {
        while (next < chunks.length) {
          const chunk = chunks[next++];
          const messages = chunk.map((entity) => {
            const e = changedEvent(kind, entity, ChangeKind.CREATED, context);
            bytes += e.value.length;
            return { key: e.key, value: e.value, headers: e.headers };
          });
          await producer.sendBatch({
            topicMessages: [{ topic: `${topicPrefix}${kind.topic}`, messages }],
            acks: -1,
          });
          events += messages.length;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      log(`  ${name}: ${entities.length} events produced`);
    }
  } finally {
    await producer.disconnect();
  }
  const seconds = (Date.now() - started) / 1000;
  return {
    events,
    valueBytes: bytes,
    produceSeconds: seconds,
    producedPerSecond: events / seconds,
  };
}
