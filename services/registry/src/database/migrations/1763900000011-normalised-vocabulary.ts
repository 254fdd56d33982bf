import { MigrationInterface, QueryRunner } from 'typeorm';
import { STANDARDS_V2_ADDED } from './standards.v2';

/**
 * One vocabulary for standards and 3D formats (issue 21, part 8). A twin's 3D formats were camelCase
 * words beside the standards' codes ("cityGml2" beside "citygml", "3dTiles" beside "3d-tiles");
 * they become the code of the standard they follow, with the major version where it matters. The
 * two 3D standards the formats follow and the list lacked (I3S, glTF) are added (standards.v2.ts).
 *
 * The contract (ThreeDFormat in proto/) is unchanged: only the API words change, so the events
 * already published stay valid; reporting's read model rewrites its copy in its own migration
 * (reporting 1763900000100-normalised-3d-formats). The API still accepts the old words and stores the new codes.
 * Platforms' standards need no rewrite: they were always checked against the `standard` table.
 */
const RENAMED_FORMATS: readonly [old: string, canonical: string][] = [
  ['cityGml2', 'citygml-2'],
  ['cityGml3', 'citygml-3'],
  ['cityJson', 'cityjson'],
  ['3dTiles', '3d-tiles'],
];

/** `formats` with every `from` word replaced by its `to` word, order kept. */
function renamed(pairs: readonly (readonly [from: string, to: string])[]): string {
  const cases = pairs.map(([from, to]) => `WHEN '${from}' THEN '${to}'`).join(' ');
  return `ARRAY(SELECT CASE f ${cases} ELSE f END
    FROM unnest(formats) WITH ORDINALITY AS u(f, i) ORDER BY i)`;
}

const words = (pairs: readonly (readonly [string, string])[], side: 0 | 1) =>
  `ARRAY[${pairs.map((p) => `'${p[side]}'`).join(', ')}]::text[]`;

export class NormalisedVocabulary1763900000011 implements MigrationInterface {
  name = 'NormalisedVocabulary1763900000011';

  async up(q: QueryRunner): Promise<void> {
    for (const s of STANDARDS_V2_ADDED) {
      await q.query(
        `INSERT INTO standard (code, title, body, version, category, url)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
        [s.code, s.title, s.body, s.version, s.category, s.url],
      );
    }
    await q.query(
      `UPDATE digital_twin SET formats = ${renamed(RENAMED_FORMATS)}
       WHERE formats && ${words(RENAMED_FORMATS, 0)}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const back = RENAMED_FORMATS.map(([old, canonical]) => [canonical, old] as const);
    await q.query(
      `UPDATE digital_twin SET formats = ${renamed(back)} WHERE formats && ${words(back, 0)}`,
    );
    await q.query('DELETE FROM standard WHERE code = ANY($1)', [
      STANDARDS_V2_ADDED.map((s) => s.code),
    ]);
  }
}
