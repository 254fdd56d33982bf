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

const RESPONSE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse ' +
  'xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="2.0.2">\n' +
  '<csw:SearchStatus timestamp="2026-01-01T00:00:00Z"/>\n';
const RESPONSE_CLOSE = Buffer.from('\n</csw:SearchResults>\n</csw:GetRecordsResponse>\n');
const SEPARATOR = Buffer.from('\n');

/** Identifiers sort as numbers do (the harvester asks for SortBy identifier). */
export const benchIdentifier = (n) => `bench-${String(n).padStart(9, '0')}`;

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
  return records.map(([id, { xml }]) => {
    const m =
      /(<gmd:fileIdentifier[^>]*>\s*<gco:CharacterString[^>]*>)([^<]*)(<\/gco:CharacterString>)/.exec(
        xml,
      );
    if (!m) throw new Error(`fixture record ${id} has no fileIdentifier`);
    const at = m.index + m[1].length;
    return {
      fixtureId: id,
      before: Buffer.from(xml.slice(0, at), 'utf8'),
      after: Buffer.from(xml.slice(at + m[2].length), 'utf8'),
    };
  });
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
export function* responseParts(templates, { total, start, max, hits = false }) {
  const first = Math.max(1, start);
  const returned = hits ? 0 : Math.max(0, Math.min(max, total - first + 1));
  const after = first + returned;
  const next = hits ? 1 : after > total ? 0 : after;
  yield Buffer.from(
    RESPONSE_OPEN +
      `<csw:SearchResults numberOfRecordsMatched="${total}" numberOfRecordsReturned="${returned}" ` +
      `nextRecord="${next}" elementSet="full" recordSchema="http://www.isotc211.org/2005/gmd">\n`,
  );
  for (let i = 0; i < returned; i++) {
    const n = first + i;
    const t = templates[(n - 1) % templates.length];
    if (i > 0) yield SEPARATOR;
    yield t.before;
    yield Buffer.from(benchIdentifier(n));
    yield t.after;
  }
  yield RESPONSE_CLOSE;
}
