import { RecordSource } from '@dpi/contracts';
import { IsoRecord, parseIsoRecords } from '@dpi/csw';
import { SHARED_DIR } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';

/**
 * Issue 20, items 5 and 6 on the read side: `q` of /api/v1/items finds the real records of the
 * GDI-DE Geodatenkatalog fixture (ISO 19139, read by libs/csw as the harvester reads them and
 * published as the registry publishes harvested datasets) by full text with German stemming, by
 * the last word as a prefix and by their identifiers; and one id never becomes two items.
 */
const SOURCE = '3c1e2a44-5b6d-4e7f-8091-a2b3c4d5e6f7';

describe('reporting: q as catalogue users search, one id one item (issue 20)', () => {
  let reporting: ReportingUnderTest;
  const records: (IsoRecord & { id: string })[] = [];

  const search = async (q: string) =>
    (
      await reporting.get<{ items: { id: string; kind: string }[]; total: number }>(
        `/api/v1/items?q=${encodeURIComponent(q)}&limit=500`,
      )
    ).items.map((i) => i.id);

  beforeAll(async () => {
    reporting = await startReporting('itemsearch');
    const xml = readFileSync(
      join(SHARED_DIR, 'fixtures/csw/ingrid-harvester-gdk/GetRecordsResults.xml'),
    );
    await parseIsoRecords(xml, (record) => {
      records.push({ ...record, id: randomUUID() });
    });
    expect(records).toHaveLength(5);
    await reporting.producer.send(
      records.map((r) =>
        reporting.events.dataset(r.id, 1, {
          landCode: '',
          title: r.title ?? '',
          description: r.abstract ?? '',
          resourceIdentifier: r.resourceIdentifiers[0]?.code ?? '',
          hierarchyLevel: r.hierarchyLevel,
          source: RecordSource.HARVESTED,
          provenance: {
            harvestSourceId: SOURCE,
            harvestSourceName: 'GDI-DE Geodatenkatalog',
            fileIdentifier: r.fileIdentifier ?? '',
          },
        }),
      ),
    );
    await reporting.projected();
  });

  afterAll(() => reporting?.close());

  const byTitle = (part: string) => {
    const found = records.filter((r) => r.title?.includes(part));
    expect(found.length).toBeGreaterThan(0);
    return found.map((r) => r.id).sort();
  };

  it('finds a record by its fileIdentifier, in any case, and by its resource identifier and id', async () => {
    for (const record of records) {
      const fileIdentifier = record.fileIdentifier as string;
      expect(await search(fileIdentifier)).toEqual([record.id]);
      expect(await search(fileIdentifier.toUpperCase())).toEqual([record.id]);
      expect(await search(record.id)).toEqual([record.id]);
      const resource = record.resourceIdentifiers[0]?.code;
      if (resource) expect(await search(resource)).toContain(record.id);
    }
    // Control: an identifier that is not there finds nothing, nor does a part of one.
    expect(await search(`${records[0].fileIdentifier}x`)).toEqual([]);
    expect(await search(randomUUID())).toEqual([]);
  });

  it('takes the last word as a prefix and keeps German stemming', async () => {
    const gn250 = byTitle('GN250');
    // "Geographical Names GN250": the whole word, its prefix, a prefix after a whole word.
    expect((await search('Geographical')).sort()).toEqual(expect.arrayContaining(gn250));
    expect((await search('Geograph')).sort()).toEqual(expect.arrayContaining(gn250));
    expect((await search('Geographical Nam')).sort()).toEqual(expect.arrayContaining(gn250));
    // Stemming: the German records' words found in another inflection.
    const german = records.filter((r) => r.language === 'ger' && /Gewässer/.test(r.title ?? ''));
    if (german.length > 0)
      expect(await search('Gewässers')).toEqual(expect.arrayContaining([german[0].id]));
    // Controls: a word of no record, and a middle of a word, find nothing.
    expect(await search('Bebauungspl')).toEqual([]);
    expect(await search('graphical')).toEqual([]);
  });

  it('never shows one id as two items: an event giving a taken id to another kind is refused', async () => {
    const id = records[0].id;
    await reporting.producer.send([reporting.events.platform(id, 1, { landCode: 'DE-HE' })]);
    await reporting.projected();
    const items = await reporting.get<{ items: { id: string; kind: string }[]; total: number }>(
      `/api/v1/items?q=${id}`,
    );
    expect(items.items).toEqual([expect.objectContaining({ id, kind: 'dataset' })]);
    expect(items.total).toBe(1);
    const db = reporting.app.get(DataSource);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM platform_item WHERE id = $1', [
      id,
    ]);
    expect(n).toBe(0);
    // Control: the same platform event under a fresh id is projected.
    const fresh = randomUUID();
    await reporting.producer.send([reporting.events.platform(fresh, 1, { landCode: 'DE-HE' })]);
    await reporting.projected();
    expect(await search(fresh)).toEqual([fresh]);
  });

  it('answers a prefix or identifier query from the indexes, not by reading every row', async () => {
    const db = reporting.app.get(DataSource);
    // 200,000 datasets (as the projection stores them) besides the fixture's, then the plan.
    await db.query(`INSERT INTO dataset_item (id, title, description, themes, keywords,
        conforms_to, distributions, open_data, inspire, hierarchy_level, endpoint_ids, source,
        file_identifier, version, updated_at, last_event_id)
      SELECT gen_random_uuid(), 'Datensatz ' || n, 'Beschreibung ' || n, '{}', '{}', '{}', '[]',
        false, false, 'dataset', '{}', 'harvested', 'file-' || n, 1, now(), 'bench'
      FROM generate_series(1, 200000) n`);
    await db.query('ANALYZE dataset_item');
    const explain = async (condition: string) =>
      (
        (await db.query(`EXPLAIN SELECT id FROM inventory_item WHERE ${condition}`)) as {
          'QUERY PLAN': string;
        }[]
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    const prefix = await explain(
      `(search @@ (websearch_to_tsquery('german', '') && to_tsquery('german', 'Geograph:*'))
        OR lower(file_identifier) = 'file-7' OR lower(resource_identifier) = 'file-7')`,
    );
    expect(prefix).toContain('dataset_item_search_idx');
    expect(prefix).toContain('dataset_item_file_identifier_idx');
    expect(prefix).not.toContain('Seq Scan on dataset_item');
    // Control: the substring search this replaced reads every dataset.
    expect(await explain(`title ILIKE '%Geograph%'`)).toContain('Seq Scan on dataset_item');
    // Loading 200,000 rows with their GIN entries takes minutes on a busy shared machine.
  }, 300_000);
});
