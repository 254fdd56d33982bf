import { create } from '@bufbuild/protobuf';
import { HarvestedRecordSchema } from '@dpi/contracts';
import { gunzipSync } from 'node:zlib';
import { withCompressedDocument } from './compressed-document';

describe('withCompressedDocument', () => {
  it('carries the document gzip-compressed instead of as text, its size unchanged', () => {
    const document = '<gmd:MD_Metadata>Straßenbäume – äöü</gmd:MD_Metadata>'.repeat(200);
    const bytes = Buffer.byteLength(document);
    const out = withCompressedDocument(
      create(HarvestedRecordSchema, { isoDocument: document, isoDocumentBytes: bytes }),
    );
    expect(out.isoDocument).toBe('');
    expect(out.isoDocumentBytes).toBe(bytes);
    expect(gunzipSync(out.isoDocumentGzip).toString('utf8')).toBe(document);
    expect(out.isoDocumentGzip.length).toBeLessThan(bytes / 10);
  });

  it('leaves a record without a document (none, or left out for its size) as it is', () => {
    const out = withCompressedDocument(
      create(HarvestedRecordSchema, { isoDocument: '', isoDocumentBytes: 300_000 }),
    );
    expect(out.isoDocumentGzip).toHaveLength(0);
    expect(out.isoDocumentBytes).toBe(300_000);
  });
});
