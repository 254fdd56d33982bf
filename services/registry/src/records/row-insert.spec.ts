import { DataSource } from 'typeorm';
import { PlatformEntity } from '../platforms/entities/platform.entity';
import { rowInsertOf } from './row-insert';

/** Metadata only: the statements are made without a connection. */
async function metadataOnly(): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    schema: 'registry',
    entities: [PlatformEntity],
  });
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource;
}

const platform = (overrides: Partial<PlatformEntity> = {}): PlatformEntity =>
  Object.assign(new PlatformEntity(), {
    id: '0b6c1c9e-8f0e-4a57-9d0e-1f0a3c7e2b11',
    landCode: 'DE-BB',
    name: 'Urbane Datenplattform Potsdam',
    description: 'Daten der Stadt',
    homepage: null,
    type: 'urbanDataPlatform',
    status: 'production',
    operatorOrganisationId: null,
    administrativeLevel: 'municipality',
    themes: ['GOVE'],
    standards: [],
    openSource: true,
    repositoryUrl: null,
    components: [],
    reusability: 'none',
    funding: [],
    accessRights: 'PUBLIC',
    geometry: { type: 'Point', coordinates: [13.06, 52.4] },
    endpointIds: [],
    datasetIds: [],
    source: 'manual',
    createdBy: 'admin',
    createdAt: new Date('2026-11-24T08:00:00Z'),
    updatedAt: new Date('2026-11-24T08:00:00Z'),
    version: 1,
    deletedAt: null,
    ...overrides,
  });

describe('rowInsertOf', () => {
  it('binds every column, geometry as GeoJSON text through ST_GeomFromGeoJSON', async () => {
    const insert = rowInsertOf(await metadataOnly(), PlatformEntity);
    const { text, values } = insert(platform());
    expect(text).toMatch(/^INSERT INTO "registry"\."platform" \("id", "land_code", "name", /);
    expect(text).toContain('ST_SetSRID(ST_GeomFromGeoJSON($18::text), 4326)::geometry');
    expect(text).not.toContain('DEFAULT');
    expect(values).toHaveLength(26);
    expect(values[17]).toBe('{"type":"Point","coordinates":[13.06,52.4]}');
    expect(values[9]).toEqual(['GOVE']);
    expect(values[22]).toEqual(new Date('2026-11-24T08:00:00Z'));
    expect(values[25]).toBeNull();
  });

  it('writes DEFAULT for an undefined property and numbers the parameters after it on', async () => {
    const insert = rowInsertOf(await metadataOnly(), PlatformEntity);
    const { text, values } = insert(platform({ description: undefined, geometry: null }));
    expect(text).toContain('VALUES ($1, $2, $3, DEFAULT, $4,');
    expect(values).toHaveLength(25);
    expect(values[2]).toBe('Urbane Datenplattform Potsdam');
    expect(values[3]).toBeNull(); // homepage
    expect(values[16]).toBeNull(); // geometry null stays NULL, not the text "null"
  });

  it('reuses one text per set of undefined properties (a prepared statement stays the same)', async () => {
    const insert = rowInsertOf(await metadataOnly(), PlatformEntity);
    const a = insert(platform());
    const b = insert(platform({ name: 'Andere Plattform', themes: ['ENVI', 'TRAN'] }));
    expect(b.text).toBe(a.text);
    expect(b.values[2]).toBe('Andere Plattform');
  });
});
