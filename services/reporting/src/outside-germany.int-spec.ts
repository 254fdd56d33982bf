import { randomUUID } from 'node:crypto';
import { ReportingUnderTest, startReporting } from './reporting.test-helper';

interface Item {
  id: string;
  landCode: string | null;
  landName: string | null;
}

/** Issue 21: records without a Land are federal unless their extent lies outside Germany. */
describe('records outside Germany (real PostgreSQL and Kafka)', () => {
  let r: ReportingUnderTest;

  beforeAll(async () => {
    r = await startReporting('outside');
  });
  afterAll(async () => r?.close());

  it('names a record without a Land "außerhalb Deutschlands" when its extent lies outside, keeps it listed', async () => {
    // Extents of the real fixture records (../shared/fixtures/csw) and of a Land.
    const cases = {
      scotland: { landCode: '', bbox: [-8.97114288, 54.529947158, 0.205857204, 61.06066944] },
      flanders: { landCode: '', bbox: [2.549, 50.697, 5.902, 51.495] },
      austria: { landCode: '', bbox: [9.53357, 46.40749, 17.16639, 49.01875] },
      gn250: { landCode: '', bbox: [6.098, 47.239, 15.579, 55.054] },
      berlin: { landCode: '', bbox: [13.09, 52.34, 13.75, 52.66] },
      noExtent: { landCode: '', bbox: [] },
      hamburg: { landCode: 'DE-HH', bbox: [9.7, 53.3, 10.4, 53.8] },
      // A Land's record keeps its Land, wherever its extent (as registered).
      hamburgAbroad: { landCode: 'DE-HH', bbox: [-8.9, 54.5, 0.2, 61.0] },
    };
    const ids = Object.fromEntries(Object.keys(cases).map((name) => [name, randomUUID()]));
    await r.producer.send(
      Object.entries(cases).map(([name, fields]) => r.events.dataset(ids[name], 1, fields)),
    );
    await r.projected();
    const { items } = await r.get<{ items: Item[] }>('/api/v1/items?kind=dataset&limit=500');
    const landName = (name: string) => {
      const item = items.find((i) => i.id === ids[name]);
      expect(item).toBeDefined();
      return item?.landName;
    };
    expect(Object.fromEntries(Object.keys(cases).map((name) => [name, landName(name)]))).toEqual({
      scotland: 'außerhalb Deutschlands',
      flanders: 'außerhalb Deutschlands',
      austria: 'außerhalb Deutschlands',
      gn250: null,
      berlin: null,
      noExtent: null,
      hamburg: 'Hamburg',
      hamburgAbroad: 'Hamburg',
    });
  });
});
