import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The twins' 3D formats in the codes of the standards they follow (issue 21, part 8; registry
 * migration 1763900000011 does the same to the registry's table). The read model holds the API
 * words the projection decoded from the contract's enum, so the old words are rewritten in place;
 * `npm run rebuild:reporting` would write the same from the events, which are unchanged.
 */
const RENAMED_FORMATS: readonly [old: string, canonical: string][] = [
  ['cityGml2', 'citygml-2'],
  ['cityGml3', 'citygml-3'],
  ['cityJson', 'cityjson'],
  ['3dTiles', '3d-tiles'],
];

function rewrite(pairs: readonly (readonly [from: string, to: string])[]): string {
  const cases = pairs.map(([from, to]) => `WHEN '${from}' THEN '${to}'`).join(' ');
  const from = pairs.map(([f]) => `'${f}'`).join(', ');
  return `UPDATE twin_item SET formats = ARRAY(SELECT CASE f ${cases} ELSE f END
      FROM unnest(formats) WITH ORDINALITY AS u(f, i) ORDER BY i)
    WHERE formats && ARRAY[${from}]::text[]`;
}

export class NormalisedThreeDFormats1763900000100 implements MigrationInterface {
  name = 'NormalisedThreeDFormats1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(rewrite(RENAMED_FORMATS));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(rewrite(RENAMED_FORMATS.map(([old, canonical]) => [canonical, old] as const)));
  }
}
