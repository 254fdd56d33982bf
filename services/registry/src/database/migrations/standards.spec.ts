import { STANDARDS } from '@dpi/domain';
import { STANDARDS_V1 } from './standards.v1';

describe('standards reference list in the database', () => {
  it('is what the migrations seeded: an edit of @dpi/domain STANDARDS needs a migration', () => {
    // When this fails, add a migration that brings the table `standard` to the new list (and
    // compare against that migration's pinned list here); editing standards.v1.ts instead would
    // change fresh databases only.
    expect(STANDARDS).toEqual(STANDARDS_V1);
  });
});
