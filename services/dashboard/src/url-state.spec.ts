import fc from 'fast-check';
import {
  activeFilterCount,
  DEFAULT_STATE,
  effectiveKinds,
  filtersDiffer,
  itemsQuery,
  parseState,
  serializeState,
  type ViewState,
  withChanges,
} from './url-state';

describe('parseState', () => {
  it('reads every filter from the query string', () => {
    expect(
      parseState(
        '?land=DE-HH&kind=platform&type=geoportal&status=production&theme=TRAN&maturity=3&openData=true&q=Geo&measure=twins&coverage=euTheme&finding=land-without-digital-twin:DE-HB&lang=en',
      ),
    ).toEqual({
      land: 'DE-HH',
      kind: 'platform',
      type: 'geoportal',
      status: 'production',
      theme: 'TRAN',
      maturity: 3,
      openData: true,
      q: 'Geo',
      measure: 'twins',
      coverage: 'euTheme',
      finding: 'land-without-digital-twin:DE-HB',
      lang: 'en',
    });
  });

  it('keeps a survey round id and drops anything else as round', () => {
    const id = '0b5f7c2e-4a57-4c1e-9f61-3d2f3c7b9a10';
    expect(parseState(`?round=${id.toUpperCase()}&measure=round`)).toEqual({
      ...DEFAULT_STATE,
      measure: 'round',
      round: id,
    });
    expect(parseState('?round=1%3B%20drop')).toEqual(DEFAULT_STATE);
  });

  it('falls back to the defaults for an empty query', () => {
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('drops what the API would refuse instead of failing the whole link', () => {
    expect(
      parseState(
        '?land=Hamburg&kind=building&type=geo%20portal&status=live&theme=T1&maturity=5&openData=yes&measure=size&coverage=x&lang=fr&finding=<script>',
      ),
    ).toEqual(DEFAULT_STATE);
  });

  it('accepts a lower-case Land code and trims blanks', () => {
    expect(parseState('?land=de-hh&q=%20Geoportal%20').land).toBe('DE-HH');
    expect(parseState('?q=%20Geoportal%20').q).toBe('Geoportal');
  });

  it('reads openData=false as a filter, not as "no filter"', () => {
    expect(parseState('?openData=false').openData).toBe(false);
  });
});

describe('serializeState', () => {
  it('leaves the defaults out, so the plain view has a plain URL', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    expect(serializeState({ ...DEFAULT_STATE, land: 'DE-BB' })).toBe('?land=DE-BB');
  });

  it('round-trips any valid state', () => {
    const state = fc.record(
      {
        land: fc.constantFrom('DE-HH', 'DE-BB', 'DE-TH'),
        kind: fc.constantFrom('platform' as const, 'twin' as const, 'dataset' as const),
        type: fc.constantFrom('geoportal', 'urban', 'wfs'),
        status: fc.constantFrom('planned', 'production'),
        theme: fc.constantFrom('TRAN', 'mobility'),
        maturity: fc.integer({ min: 1, max: 4 }),
        openData: fc.boolean(),
        q: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== ''),
        finding: fc.constantFrom('land-without-digital-twin:DE-HB', 'dataset-without-bbox:DE-HH'),
        round: fc.constantFrom('0b5f7c2e-4a57-4c1e-9f61-3d2f3c7b9a10'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        state,
        fc.constantFrom('platforms' as const, 'quality' as const, 'round' as const),
        fc.constantFrom('de' as const, 'en' as const),
        (filters, measure, lang) => {
          const full: ViewState = { ...DEFAULT_STATE, ...filters, measure, lang };
          expect(parseState(serializeState(full))).toEqual(full);
        },
      ),
    );
  });
});

describe('withChanges and filtersDiffer', () => {
  it('removes a filter set to undefined', () => {
    const state = withChanges(DEFAULT_STATE, { land: 'DE-HH', type: 'geoportal' });
    expect(withChanges(state, { land: undefined })).toEqual({
      ...DEFAULT_STATE,
      type: 'geoportal',
    });
  });

  it('counts only filters as changes of what the lists show', () => {
    expect(filtersDiffer(DEFAULT_STATE, { ...DEFAULT_STATE, measure: 'twins', lang: 'en' })).toBe(
      false,
    );
    expect(filtersDiffer(DEFAULT_STATE, { ...DEFAULT_STATE, maturity: 2 })).toBe(true);
    expect(activeFilterCount({ ...DEFAULT_STATE, land: 'DE-HH', openData: false })).toBe(2);
  });
});

describe('effectiveKinds and itemsQuery', () => {
  it('loads platforms and twins unless a kind is chosen; open data means datasets', () => {
    expect(effectiveKinds(DEFAULT_STATE)).toEqual(['platform', 'twin']);
    expect(effectiveKinds({ ...DEFAULT_STATE, kind: 'endpoint' })).toEqual(['endpoint']);
    expect(effectiveKinds({ ...DEFAULT_STATE, openData: true })).toEqual(['dataset']);
  });

  it('maps the state onto the reporting API’s parameter names', () => {
    const state: ViewState = {
      ...DEFAULT_STATE,
      land: 'DE-HH',
      maturity: 2,
      openData: false,
      q: 'Zwilling',
    };
    expect(itemsQuery(state, 'twin').toString()).toBe(
      'landCode=DE-HH&kind=twin&maturity=2&openData=false&q=Zwilling',
    );
    expect(itemsQuery(DEFAULT_STATE, undefined).toString()).toBe('');
  });
});
