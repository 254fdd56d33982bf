import { ForbiddenException } from '@nestjs/common';
import { Principal } from './principal';

/**
 * Who may write a record of the given Länder: admins anything, a Land editor only records of
 * its own Land (before and after the change), reviewers and operators nothing. null stands for a
 * federal record (no Land), which only admins write.
 */
export function assertMayWrite(principal: Principal, ...landCodes: (string | null)[]): void {
  switch (principal.role) {
    case 'admin':
      return;
    case 'reviewer':
      throw new ForbiddenException('reviewer tokens can read, not write');
    case 'operator':
      throw new ForbiddenException(
        'operator tokens manage harvest sources and jobs; they cannot write records',
      );
    case 'land-editor':
      break;
    default:
      // A role added later writes nothing until it is given a case here.
      throw new ForbiddenException(`${String(principal.role)} tokens cannot write records`);
  }
  const foreign = landCodes.find((code) => code !== principal.landCode);
  if (foreign !== undefined) {
    const what = foreign === null ? 'federal records (no Land)' : foreign;
    throw new ForbiddenException(
      `this token may only write records of ${principal.landCode}, not of ${what}`,
    );
  }
}
