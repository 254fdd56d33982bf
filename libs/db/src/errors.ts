/** PostgreSQL SQLSTATEs that mean "try again later", not "this input is wrong". */
const TRANSIENT_SQLSTATES = new Set([
  '40001',
  '40P01',
  '53300',
  '55P03',
  '57P01',
  '57P02',
  '57P03',
]);
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const withCode = error as { code?: unknown; driverError?: unknown };
  if (typeof withCode.code === 'string') return withCode.code;
  return withCode.driverError ? codeOf(withCode.driverError) : undefined;
}

/** True when the database was unreachable or busy: worth retrying however long it takes. */
export function isTransientDbError(error: unknown): boolean {
  const code = codeOf(error);
  if (
    code &&
    (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || TRANSIENT_NODE_CODES.has(code))
  )
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** True for a unique-constraint violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === '23505';
}
