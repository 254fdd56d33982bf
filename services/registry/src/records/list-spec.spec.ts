import { PLATFORM_LIST } from '../platforms/platform.kind';
import { buildListSql, readFacets, sortColumn, sortKeys } from './list-spec';

describe('list SQL', () => {
  it('turns filters, q, bbox and a cursor into one WHERE with named parameters', () => {
    const sql = buildListSql(
      PLATFORM_LIST,
      {
        filters: {
          landCode: 'DE-HH',
          theme: 'TRAN',
          updatedSince: '2026-01-01T00:00:00Z',
          type: undefined,
        },
        q: 'Geoportal',
        bbox: [9, 53, 10, 54],
        sort: '-name',
        limit: 50,
        after: { value: 'M', id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
      },
      'r.id AS "id"',
    );
    expect(sql.where).toBe(
      [
        'r.deleted_at IS NULL',
        'r.land_code = :landCode',
        ':theme = ANY(r.themes)',
        'r.updated_at >= :updatedSince',
        "(r.search @@ (websearch_to_tsquery('german', :q0) && to_tsquery('german', :q1)))",
        'r.geometry && ST_MakeEnvelope(:west, :south, :east, :north, 4326)',
        '(r.name, r.id) < (:afterValue, :afterId)',
      ].join(' AND '),
    );
    expect(sql.params).toMatchObject({
      landCode: 'DE-HH',
      q0: '',
      q1: 'Geoportal:*',
      west: 9,
      north: 54,
    });
    expect(sql.orderBy).toEqual({ column: 'name', direction: 'DESC' });
    // The matches (m) are found once; facets count all of them: the cursor only picks the page.
    const [matches, page] = sql.text.split(' p AS ');
    expect(matches).toContain(':landCode');
    expect(matches).not.toContain('afterValue');
    expect(page).toContain(
      '(r.name, r.id) < (:afterValue, :afterId) ORDER BY r.name DESC, r.id DESC LIMIT :limit',
    );
    expect(page).toContain('unnest(m.themes)');
    expect(sql.params).toMatchObject({ limit: 50 });
  });

  it('knows the sorts of a kind', () => {
    expect(sortKeys(PLATFORM_LIST)).toEqual(
      expect.arrayContaining(['createdAt', '-createdAt', 'updatedAt', 'name', '-name']),
    );
    expect(sortColumn(PLATFORM_LIST, 'title')).toBeNull();
  });

  it('reads total and facets from the facet rows', () => {
    expect(
      readFacets(PLATFORM_LIST, [
        { facet: 'total', value: null, n: '3' },
        { facet: 'type', value: 'geoportal', n: '2' },
        { facet: 'type', value: 'twinViewer', n: '1' },
        { facet: 'theme', value: null, n: '1' },
      ]),
    ).toEqual({
      total: 3,
      facets: {
        landCode: {},
        type: { geoportal: 2, twinViewer: 1 },
        status: {},
        theme: {},
        standard: {},
      },
    });
  });
});
