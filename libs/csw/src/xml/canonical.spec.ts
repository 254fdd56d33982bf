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
});
