// The benchmark corpus: any number of distinct ISO 19139 records made from the real records of
// ../shared/fixtures/csw (read from there, never copied), each copy with its own fileIdentifier.
// Nothing is held but the ten templates: record n is template n mod 10 with the identifier
// `bench-<n>`, written out as three buffers (before the identifier, the identifier, after it).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const FIXTURES_DIR = process.env.DPI_FIXTURES_DIR || join(ROOT, '../shared/fixtures/csw');

// The response streaming is libs/testing's GeneratedCatalogue code (its build), which the fault
// suite serves its harvests with too.
const { generatedIdentifier, getRecordsResponse, recordTemplate } = require(
  join(ROOT, 'libs/testing/dist/generated-catalogue.js'),
);

/** Identifiers sort as numbers do (the harvester asks for SortBy identifier). */
export const benchIdentifier = (n) => generatedIdentifier('bench', n);

/**
 * The fixture records as templates, standalone (namespaces declared on each record), in a fixed
 * order. Uses the harvester's own fixture reader (the demo catalogue's), so both see the same records.
 */
export function loadTemplates(fixturesDir = FIXTURES_DIR) {
  const { fixtureRecords } = require(
    join(ROOT, 'services/harvester/dist/demo/fixture-catalogue.js'),
  );
  const records = [...fixtureRecords(fixturesDir).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (records.length === 0) throw new Error(`no fixture records in ${fixturesDir}`);
  return records.map(([id, { xml }]) => ({ fixtureId: id, ...recordTemplate(xml) }));
}

/** Average bytes per record of the corpus (templates used round-robin). */
export function bytesPerRecord(templates) {
  const sum = templates.reduce((s, t) => s + t.before.length + t.after.length + 16, 0);
  return sum / templates.length;
}

/**
 * The buffers of one GetRecords response: records `start`…`start + max - 1` (1-based) of a corpus
 * of `total`, with numberOfRecordsMatched, numberOfRecordsReturned and nextRecord as CSW 2.0.2
 * has them (nextRecord 0 after the last). `hits`: no records.
 */
export const responseParts = (templates, { total, start, max, hits = false }) =>
  getRecordsResponse(templates, { total, start, max, hits, prefix: 'bench' });
