import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { DatasetChangedSchema, HarvestedRecordSchema, type HarvestedRecord } from '@dpi/contracts';
import { decodeMessage } from '@dpi/kafka';
import { eventually, KafkaProbe } from '@dpi/testing';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RegistryUnderTest } from '../registry.test-helper';
import { JOB, SOURCE, useHarvestedDatasets } from './harvested-datasets.test-helper';

const doc = (id: string, title: string) =>
  `<gmd:MD_Metadata xmlns:gco="http://www.isotc211.org/2005/gco" xmlns:gmd="http://www.isotc211.org/2005/gmd">` +
  `<gmd:fileIdentifier><gco:CharacterString>${id}</gco:CharacterString></gmd:fileIdentifier>` +
  `<gmd:abstract><gco:CharacterString>${title} – äöü</gco:CharacterString></gmd:abstract></gmd:MD_Metadata>`;

function record(fileIdentifier: string, checksum: string, isoDocument: string, bytes?: number) {
  return create(HarvestedRecordSchema, {
    sourceId: SOURCE,
    sourceName: 'Testkatalog',
    fileIdentifier,
    checksum,
    jobId: JOB,
    harvestedAt: timestampNow(),
    hierarchyLevel: 'dataset',
    title: `Datensatz ${fileIdentifier}`,
    accessRights: 'PUBLIC',
    isoDocument,
    isoDocumentBytes: bytes ?? Buffer.byteLength(isoDocument),
  });
}

describe('registry: the harvested ISO document is stored and travels in the dataset event', () => {
  // The same registry, producer and dataset-event probe as harvested-datasets.int-spec.ts.
  const h = useHarvestedDatasets();
  let registry: RegistryUnderTest;
  let datasetEvents: KafkaProbe;

  beforeAll(() => {
    registry = h.registry();
    datasetEvents = h.datasetEvents();
  });

  const send = async (fileIdentifier: string, value: HarvestedRecord | null) => {
    await h.send([{ fileIdentifier, value }]);
  };

  /** The dataset of a fileIdentifier at `version`, its stored document and its event's provenance. */
  const state = async (fileIdentifier: string, version: number) => {
    const { rows } = await registry.db.query(
      `SELECT d.id, d.version, x.document, x.document_gzip AS gzip, x.document_bytes AS bytes,
              x.harvest_checksum AS checksum
         FROM ${registry.schema}.dataset d
         LEFT JOIN ${registry.schema}.harvested_dataset_document x ON x.dataset_id = d.id
        WHERE d.harvest_source_id = $1 AND d.harvest_file_identifier = $2`,
      [SOURCE, fileIdentifier],
    );
    const row = rows[0] as
      { id: string; version: number; document: string | null; bytes: number | null } | undefined;
    if (!row || row.version !== version) throw new Error(`${fileIdentifier} v${version} not yet`);
    const event = datasetEvents.messages.find(
      (m) =>
        m.key === row.id &&
        m.value !== null &&
        decodeMessage(DatasetChangedSchema, m.value as Buffer).dataset?.version === BigInt(version),
    );
    if (!event) throw new Error(`${fileIdentifier} v${version} not yet published`);
    const provenance = decodeMessage(DatasetChangedSchema, event.value as Buffer).dataset
      ?.provenance;
    return { row, provenance };
  };

  it('stores the document and publishes it; a record without one, or withdrawn, drops it', async () => {
    const a = doc('doc-a', 'Erste Fassung');
    await send('doc-a', record('doc-a', 'sum-a-1', a));
    await send('doc-b', record('doc-b', 'sum-b-1', doc('doc-b', 'Andere')));
    const first = await eventually(() => state('doc-a', 1), { timeoutMs: 30_000 });
    expect(first.row).toMatchObject({ document: a, bytes: Buffer.byteLength(a) });
    expect(first.provenance?.isoDocument).toBe(a);
    expect(first.provenance?.isoDocumentBytes).toBe(Buffer.byteLength(a));
    // Negative control: another record's document is not this one's.
    const other = await eventually(() => state('doc-b', 1), { timeoutMs: 30_000 });
    expect(other.provenance?.isoDocument).not.toBe(a);

    // Too large for the harvester: no document, its size travels.
    await send('doc-a', record('doc-a', 'sum-a-2', '', 300_000));
    const large = await eventually(() => state('doc-a', 2), { timeoutMs: 30_000 });
    expect(large.row).toMatchObject({ document: null, bytes: 300_000 });
    expect(large.provenance).toMatchObject({ isoDocument: '', isoDocumentBytes: 300_000 });

    // A harvester that sends none (an older one): the stored document goes.
    await send('doc-a', record('doc-a', 'sum-a-3', '', 0));
    const none = await eventually(() => state('doc-a', 3), { timeoutMs: 30_000 });
    expect(none.row).toMatchObject({ document: null, bytes: null });
    expect(none.provenance).toMatchObject({ isoDocument: '', isoDocumentBytes: 0 });

    // As harvesters send it since issue 20's follow-up: gzip-compressed bytes, stored and passed
    // on as they came (the registry never decompresses them).
    const c = doc('doc-a', 'Komprimiert');
    const gzip = gzipSync(c);
    await send('doc-a', {
      ...record('doc-a', 'sum-a-4', ''),
      isoDocumentGzip: gzip,
      isoDocumentBytes: Buffer.byteLength(c),
    });
    const compressed = await eventually(() => state('doc-a', 4), { timeoutMs: 30_000 });
    expect(compressed.row).toMatchObject({ document: null, gzip, bytes: Buffer.byteLength(c) });
    expect(compressed.provenance).toMatchObject({
      isoDocument: '',
      isoDocumentBytes: Buffer.byteLength(c),
    });
    expect(gunzipSync(compressed.provenance?.isoDocumentGzip ?? new Uint8Array()).toString()).toBe(
      c,
    );
    // Text again (an event from before): the gzip bytes stored for it go.
    await send('doc-a', record('doc-a', 'sum-a-5', a));
    const text = await eventually(() => state('doc-a', 5), { timeoutMs: 30_000 });
    expect(text.row).toMatchObject({ document: a, gzip: null });
    expect(text.provenance?.isoDocumentGzip).toHaveLength(0);

    await send('doc-b', null);
    await eventually(
      async () => {
        const { rows } = await registry.db.query(
          `SELECT count(*)::int AS n FROM ${registry.schema}.harvested_dataset_document x
             JOIN ${registry.schema}.dataset d ON d.id = x.dataset_id
            WHERE d.harvest_file_identifier = 'doc-b'`,
        );
        if (rows[0].n !== 0) throw new Error('document of a withdrawn dataset still stored');
      },
      { timeoutMs: 30_000 },
    );
  });
});
