import { hideInvisibleLinkChanges, hideInvisibleLinks, VisibleIds } from './visible-links';

/** The reader may see every id but 'secret-*' ones; records the query was asked about are noted. */
const asked: { table: string; ids: readonly string[] }[] = [];
const visibleIds: VisibleIds = async (table, ids) => {
  asked.push({ table, ids });
  return new Set(ids.filter((id) => !id.startsWith('secret')));
};

describe('link fields as a reader may see them (issue 17)', () => {
  beforeEach(() => (asked.length = 0));

  it("drops hidden ids from a twin's platformIds and datasetIds, one lookup per linked table", async () => {
    const twin = { id: 't', platformIds: ['p1', 'secret-p'], datasetIds: ['secret-d', 'd1'] };
    const [shown] = await hideInvisibleLinks('digital_twin', [twin], visibleIds);
    expect(shown).toEqual({ id: 't', platformIds: ['p1'], datasetIds: ['d1'] });
    expect(twin.platformIds).toEqual(['p1', 'secret-p']); // the loaded record is not changed
    expect(asked.map((a) => a.table).sort()).toEqual(['dataset', 'platform']);
  });

  it('leaves kinds without links alone and asks nothing', async () => {
    const organisation = { id: 'o', name: 'LGB' };
    expect(await hideInvisibleLinks('organisation', [organisation], visibleIds)).toEqual([
      organisation,
    ]);
    expect(asked).toEqual([]);
  });

  it('drops hidden ids from link changes in the history, and changes of hidden ids only', async () => {
    const [create, update] = await hideInvisibleLinkChanges(
      'platform',
      [
        [
          { field: 'name', old: null, new: 'Plattform' },
          { field: 'datasetIds', old: null, new: ['d1', 'secret-d'] },
        ],
        [{ field: 'datasetIds', old: ['d1', 'secret-d'], new: ['d1'] }],
      ],
      visibleIds,
    );
    expect(create).toEqual([
      { field: 'name', old: null, new: 'Plattform' },
      { field: 'datasetIds', old: null, new: ['d1'] },
    ]);
    expect(update).toEqual([]);
  });
});
