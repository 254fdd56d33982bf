import type { LandProgress } from './model';

/** A Land's progress in a round as the specs need it: 4 records in scope, all open, unless changed. */
export const landProgress = (
  landCode: string,
  changes: Partial<LandProgress> = {},
): LandProgress => ({
  landCode,
  inScope: 4,
  open: 4,
  confirmed: 0,
  updated: 0,
  withdrawn: 0,
  new: 0,
  late: 0,
  complete: false,
  completedAt: null,
  completedLate: false,
  ...changes,
});
