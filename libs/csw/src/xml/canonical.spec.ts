import { parseIsoRecords } from '../iso/parser';
import type { IsoRecord } from '../iso/types';

async function documentsOf(xml: string, keepDocument = true): Promise<(string | undefined)[]> {
  const records: IsoRecord[] = [];
  await parseIsoRecords(xml, (r) => void records.push(r), { keepDocument });
  return records.map((r) => r.document);
}

const GMD = 'http://www.isotc211.org/2005/gmd';
const GCO = 'http://www.isotc211.org/2005/gco';

describe('keepDocument: the record as Canonical XML 1.0', () => {
  it('declares on the record what the response declared around it, sorted, and escapes as C14N does', async () => {
    const xml =
      `<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:gmd="${GMD}">` +
      `<csw:SearchResults numberOfRecordsMatched="1" numberOfRecordsReturned="1" nextRecord="0" xmlns:gco="${GCO}">` +
      `<gmd:MD_Metadata b='2' a="x&amp;y&#10;"><gmd:fileIdentifier><gco:CharacterString>id-1</gco:CharacterString></gmd:fileIdentifier>` +
      `<gmd:abstract><gco:CharacterString><![CDATA[a < b & c > d]]></gco:CharacterString></gmd:abstract>` +
      `<!-- dropped --><gmd:dateStamp/></gmd:MD_Metadata></csw:SearchResults></csw:GetRecordsResponse>`;
    const [document] = await documentsOf(xml);
    expect(document).toBe(
      `<gmd:MD_Metadata xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:gco="${GCO}" xmlns:gmd="${GMD}" a="x&amp;y&#xA;" b="2">` +
        `<gmd:fileIdentifier><gco:CharacterString>id-1</gco:CharacterString></gmd:fileIdentifier>` +
        `<gmd:abstract><gco:CharacterString>a &lt; b &amp; c &gt; d</gco:CharacterString></gmd:abstract>` +
        `<gmd:dateStamp></gmd:dateStamp></gmd:MD_Metadata>`,
    );
  });

  it('declares an undeclared well-known prefix where it is used, and an inner one only once', async () => {
    const xml =
      `<gmd:MD_Metadata xmlns:gmd="${GMD}"><gmd:fileIdentifier><gco:CharacterString>x</gco:CharacterString></gmd:fileIdentifier>` +
      `<gmd:contact xmlns:gco="${GCO}"><gco:CharacterString xmlns:gco="${GCO}">y</gco:CharacterString></gmd:contact></gmd:MD_Metadata>`;
    const [document] = await documentsOf(xml);
    expect(document).toBe(
      `<gmd:MD_Metadata xmlns:gmd="${GMD}"><gmd:fileIdentifier><gco:CharacterString xmlns:gco="${GCO}">x</gco:CharacterString></gmd:fileIdentifier>` +
        `<gmd:contact xmlns:gco="${GCO}"><gco:CharacterString>y</gco:CharacterString></gmd:contact></gmd:MD_Metadata>`,
    );
  });

  it('gives the same document however the source serialised it, and none unless asked', async () => {
    const a = `<gmd:MD_Metadata xmlns:gmd="${GMD}" xmlns:gco="${GCO}"><gmd:fileIdentifier><gco:CharacterString>z</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>`;
    const b = `<?xml version="1.0"?>\n<m:MD_Metadata xmlns:gco='${GCO}' xmlns:m='${GMD}'><m:fileIdentifier><gco:CharacterString>&#122;</gco:CharacterString></m:fileIdentifier></m:MD_Metadata>`;
    const [da] = await documentsOf(a);
    const [db] = await documentsOf(b);
    expect(da).toContain('<gco:CharacterString>z</gco:CharacterString>');
    expect(db).toContain('<gco:CharacterString>z</gco:CharacterString>');
    expect(await documentsOf(a, false)).toEqual([undefined]);
  });

  it('gives one namespace-neutral checksum to every spelling of a record, and another to other content', async () => {
    const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
    const body = (p: string, title = 'Titel') =>
      `<${p}fileIdentifier><gco:CharacterString>n-1</gco:CharacterString></${p}fileIdentifier>` +
      `<${p}title xsi:type="${p}PT_FreeText_PropertyType"><gco:CharacterString>${title}</gco:CharacterString></${p}title>`;
    const spellings = [
      `<gmd:MD_Metadata xmlns:gmd="${GMD}" xmlns:gco="${GCO}" xmlns:xsi="${XSI}">${body('gmd:')}</gmd:MD_Metadata>`,
      `<iso:MD_Metadata xmlns:iso="${GMD}" xmlns:gco="${GCO}" xmlns:xsi="${XSI}">${body('iso:')}</iso:MD_Metadata>`,
      `<MD_Metadata xmlns="${GMD}" xmlns:gco="${GCO}" xmlns:xsi="${XSI}">${body('')}</MD_Metadata>`,
      // Declarations on the response around the record, one of them unused.
      `<csw:GetRecordByIdResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:g="${GMD}" xmlns:gco="${GCO}" xmlns:xsi="${XSI}">` +
        `<g:MD_Metadata>${body('g:')}</g:MD_Metadata></csw:GetRecordByIdResponse>`,
    ];
    const parsed = await Promise.all(spellings.map(checksumsOf));
    // The canonical documents differ (C14N keeps prefixes) …
    expect(new Set(parsed.map((p) => p.document)).size).toBe(spellings.length);
    // … their neutral checksums do not.
    expect(new Set(parsed.map((p) => p.documentChecksum)).size).toBe(1);
    expect(parsed[0].documentChecksum).toMatch(/^[0-9a-f]{64}$/);
    // Negative controls: other content, another namespace under the same prefix, another type.
    const others = [
      spellings[0].replace('Titel', 'Titel 2'),
      spellings[0].replace(`xmlns:gco="${GCO}"`, 'xmlns:gco="urn:other"'),
      spellings[0].replace('gmd:PT_FreeText_PropertyType', 'gmd:CharacterString_PropertyType'),
      spellings[0].replace('xsi:type="gmd:', 'xsi:type="gco:'),
      // Content no field of IsoRecord reads (the CSW serves the document, so it counts).
      spellings[0].replace('<gmd:fileIdentifier>', '<gmd:fileIdentifier id="f1">'),
    ];
    for (const [i, other] of others.entries())
      expect([i, (await checksumsOf(other)).documentChecksum]).not.toEqual([
        i,
        parsed[0].documentChecksum,
      ]);
  });
});

async function checksumsOf(xml: string): Promise<Pick<IsoRecord, 'document' | 'documentChecksum'>> {
  const records: IsoRecord[] = [];
  await parseIsoRecords(xml, (r) => void records.push(r), { keepDocument: true });
  expect(records).toHaveLength(1);
  return { document: records[0].document, documentChecksum: records[0].documentChecksum };
}
