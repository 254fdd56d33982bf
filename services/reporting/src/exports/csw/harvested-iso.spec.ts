import { parseIsoRecords, type IsoRecord } from '@dpi/csw';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { harvestedIsoRecord, provenanceNote, type HarvestProvenance } from './harvested-iso';

const FIXTURES = join(__dirname, '../../../../../../shared/fixtures/csw');

async function documents(file: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await parseIsoRecords(
    readFileSync(join(FIXTURES, file), 'utf8'),
    (r: IsoRecord) => void out.set(r.fileIdentifier ?? '', r.document ?? ''),
    { keepDocument: true },
  );
  return out;
}

const provenance: HarvestProvenance = {
  sourceName: 'GDI-DE Geodatenkatalog',
  sourceFileIdentifier: '142d56bb-108b-4e6a-96a6-8239b80af77e',
  harvestedAt: new Date('2026-12-01T10:00:00Z'),
  recordId: '00000000-0000-4000-8c5e-000000000008',
  recordUrl: 'https://inventar.example/api/v1/csw?request=GetRecordById&Id=x',
};

const MAINTENANCE =
  /<gmd:metadataMaintenance xmlns:gco="[^"]+" xmlns:gmd="[^"]+">.*?<\/gmd:metadataMaintenance>/s;
const NOTE = /<gmd:maintenanceNote xmlns:gco="[^"]+" xmlns:gmd="[^"]+">.*?<\/gmd:maintenanceNote>/s;

describe('harvested ISO: the source document plus our provenance', () => {
  it('full: every fixture record byte for byte, plus one metadataMaintenance naming source, time and our record', async () => {
    const all = new Map([
      ...(await documents('ingrid-harvester-gdk/GetRecordsResults.xml')),
      ...(await documents('owslib/inspire-getrecords-response.xml')),
      ...(await documents('owslib/iso19139_srv.xml')),
      ...(await documents('ckanext-spatial/iso19139_dataset.xml')),
    ]);
    expect(all.size).toBe(9);
    for (const [id, document] of all) {
      const full = (await harvestedIsoRecord(document, 'full', provenance)) as string;
      const added = MAINTENANCE.exec(full)?.[0] ?? NOTE.exec(full)?.[0];
      expect({ id, note: added?.includes(provenanceNote(provenance).slice(0, 40)) }).toEqual({
        id,
        note: true,
      });
      // Negative control built in: what remains after removing our addition is the original.
      expect({ id, same: full.replace(added as string, '') === document }).toEqual({
        id,
        same: true,
      });
    }
  });

  it('places the note in a metadataMaintenance the record has, before its contact', async () => {
    const gmd = 'http://www.isotc211.org/2005/gmd';
    const gco = 'http://www.isotc211.org/2005/gco';
    const doc =
      `<gmd:MD_Metadata xmlns:gco="${gco}" xmlns:gmd="${gmd}"><gmd:fileIdentifier><gco:CharacterString>m</gco:CharacterString></gmd:fileIdentifier>` +
      `<gmd:metadataMaintenance><gmd:MD_MaintenanceInformation><gmd:maintenanceAndUpdateFrequency></gmd:maintenanceAndUpdateFrequency>` +
      `<gmd:contact></gmd:contact></gmd:MD_MaintenanceInformation></gmd:metadataMaintenance><gmd:series></gmd:series></gmd:MD_Metadata>`;
    const full = (await harvestedIsoRecord(doc, 'full', provenance)) as string;
    expect(full).toMatch(
      /<\/gmd:maintenanceAndUpdateFrequency><gmd:maintenanceNote [^>]+><gco:CharacterString>Dieses Dokument ist das unveränderte.*<\/gmd:maintenanceNote><gmd:contact>/,
    );
    expect(full.match(/metadataMaintenance>/g)).toHaveLength(2);
    // A metadataMaintenance by reference leaves no place for the note: not served as is.
    const byReference = doc.replace(
      /<gmd:metadataMaintenance>.*<\/gmd:metadataMaintenance>/,
      '<gmd:metadataMaintenance xlink:href="#m" xmlns:xlink="http://www.w3.org/1999/xlink"></gmd:metadataMaintenance>',
    );
    expect(await harvestedIsoRecord(byReference, 'full', provenance)).toBeNull();
    expect(await harvestedIsoRecord('<other/>', 'full', provenance)).toBeNull();
  });

  it('brief and summary: the source elements of those sets, in the source form', async () => {
    const document = (await documents('ingrid-harvester-gdk/GetRecordsResults.xml')).get(
      '142d56bb-108b-4e6a-96a6-8239b80af77e',
    ) as string;
    const brief = (await harvestedIsoRecord(document, 'brief', provenance)) as string;
    const summary = (await harvestedIsoRecord(document, 'summary', provenance)) as string;
    for (const set of [brief, summary]) {
      expect(set).toMatch(
        /<gmd:fileIdentifier>\s*<gco:CharacterString>142d56bb-108b-4e6a-96a6-8239b80af77e<\/gco:CharacterString>/,
      );
      expect(set).toContain('<gmd:dateStamp>');
      expect(set).toContain('<gmd:contact>');
      expect(set).toContain('<gmd:EX_GeographicBoundingBox>');
      expect(set).not.toContain('maintenanceNote');
      expect(set).not.toContain('<gmd:dataQualityInfo>');
    }
    expect(brief).not.toContain('<gmd:descriptiveKeywords>');
    expect(brief).not.toContain('<gmd:distributionInfo>');
    expect(summary).toContain('<gmd:descriptiveKeywords>');
    expect(summary).toContain('<gmd:distributionInfo>');
    expect(brief.length).toBeLessThan(summary.length);
    expect(summary.length).toBeLessThan(document.length);
  });
});
