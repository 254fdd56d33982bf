import { STANDARDS } from '@dpi/domain';
import { STANDARDS_V1 } from './standards.v1';
import { STANDARDS_V2, STANDARDS_V2_ADDED } from './standards.v2';

describe('standards reference list in the database', () => {
  it('is what the migrations seeded: an edit of @dpi/domain STANDARDS needs a migration', () => {
    // When this fails, add a migration that brings the table `standard` to the new list (and
    // compare against that migration's pinned list here); editing standards.v2.ts instead would
    // change fresh databases only. v2: migration 1763900000011.
    expect(STANDARDS).toEqual(STANDARDS_V2);
  });

  it('v2 is v1 plus what migration 1763900000011 inserts, v1 untouched', () => {
    expect(STANDARDS_V1).toHaveLength(16);
    expect(STANDARDS_V2.filter((s) => !STANDARDS_V1.includes(s))).toEqual(STANDARDS_V2_ADDED);
    expect(STANDARDS_V2).toHaveLength(STANDARDS_V1.length + STANDARDS_V2_ADDED.length);
  });
});
