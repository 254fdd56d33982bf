import { ForbiddenException } from '@nestjs/common';
import { Principal } from './principal';

/**
 * Who may write a record of the given Länder: admins anything, a Land editor only records of
 * its own Land (before and after the change), reviewers nothing. null stands for a federal
 * record (no Land), which only admins write.
 */
export function assertMayWrite(principal: Principal, ...landCodes: (string | null)[]): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'reviewer') {
    throw new ForbiddenException('reviewer tokens can read, not write');
  }
  const foreign = landCodes.find((code) => code !== principal.landCode);
  if (foreign !== undefined) {
    const what = foreign === null ? 'federal records (no Land)' : foreign;
    throw new ForbiddenException(
      `this token may only write records of ${principal.landCode}, not of ${what}`,
    );
  }
}
