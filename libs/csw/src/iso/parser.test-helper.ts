import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIsoRecords, type IsoParseOptions } from './parser';
import type { ForeignRecord, IsoParseResult, IsoRecord } from './types';

export const GMD = 'http://www.isotc211.org/2005/gmd';
export const GCO = 'http://www.isotc211.org/2005/gco';
export const CSW = 'http://www.opengis.net/cat/csw/2.0.2';

/** The ISO records of a document given as a string, bytes or chunks. */
export async function collect(
  xml: string | Buffer | AsyncIterable<Buffer | string>,
  options?: IsoParseOptions,
): Promise<IsoRecord[]> {
  const records: IsoRecord[] = [];
  await parseIsoRecords(xml, (r) => void records.push(r), options);
  return records;
}

/** A small valid record; `body` goes inside MD_Metadata after the fileIdentifier. */
export function record(id: string | null, body = '', title = 'Titel'): string {
  return (
    `<gmd:MD_Metadata xmlns:gmd="${GMD}" xmlns:gco="${GCO}">` +
    (id === null
      ? ''
      : `<gmd:fileIdentifier><gco:CharacterString>${id}</gco:CharacterString></gmd:fileIdentifier>`) +
    `<gmd:hierarchyLevel><gmd:MD_ScopeCode codeListValue="dataset"/></gmd:hierarchyLevel>` +
    `<gmd:dateStamp><gco:Date>2024-01-02</gco:Date></gmd:dateStamp>` +
    `<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>` +
    `<gmd:title><gco:CharacterString>${title}</gco:CharacterString></gmd:title>` +
    `</gmd:CI_Citation></gmd:citation>${body}</gmd:MD_DataIdentification></gmd:identificationInfo>` +
    `</gmd:MD_Metadata>`
  );
}

/** A GetRecords response page holding `records`. */
export function page(
  records: string[],
  attrs = 'numberOfRecordsMatched="9" numberOfRecordsReturned="2" nextRecord="3"',
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="${CSW}">` +
    `<csw:SearchResults ${attrs}>${records.join('')}</csw:SearchResults></csw:GetRecordsResponse>`
  );
}

/** The real catalogue responses of ../shared/fixtures/csw. */
export const FIXTURES = join(__dirname, '../../../../../shared/fixtures/csw');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Feeds the file in small chunks, as a socket would, to exercise chunk boundaries. */
async function* chunked(data: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** Parses a fixture file in chunks: the result, its ISO records and its foreign records. */
export async function parse(
  name: string,
): Promise<{ result: IsoParseResult; records: IsoRecord[]; foreign: ForeignRecord[] }> {
  const records: IsoRecord[] = [];
  const foreign: ForeignRecord[] = [];
  const result = await parseIsoRecords(chunked(fixture(name)), (r) => void records.push(r), {
    onForeignRecord: (r) => void foreign.push(r),
  });
  return { result, records, foreign };
}

export function byId(records: IsoRecord[], id: string): IsoRecord {
  const r = records.find((x) => x.fileIdentifier === id);
  if (!r) throw new Error(`record ${id} not found`);
  return r;
}

/** Each online resource's protocol as given and as normalised. */
export const normalised = (r: IsoRecord) =>
  r.onlineResources.map((o) => [o.protocol, o.protocolNormalised]);
