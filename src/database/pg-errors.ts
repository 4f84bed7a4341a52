/**
 * Postgres error codes as the drivers report them: `pg` sets `code` on its error, TypeORM's
 * QueryFailedError copies it and keeps the original as `driverError`. Pure: no driver import.
 */

/** unique_violation */
export const UNIQUE_VIOLATION = '23505';
/** serialization_failure, deadlock_detected: the whole transaction may simply run again. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['40001', '40P01']);

/** The SQLSTATE of a database error, or undefined for anything else. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique violation, optionally on one constraint (an index or primary key by name). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (pgErrorCode(err) !== UNIQUE_VIOLATION) return false;
  if (constraint === undefined) return true;
  const e = err as { constraint?: unknown; driverError?: { constraint?: unknown } };
  return (e.constraint ?? e.driverError?.constraint) === constraint;
}

/** A serialization failure or a deadlock: nothing was written, the transaction may run again. */
export function isTransientFailure(err: unknown): boolean {
  const code = pgErrorCode(err);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/** Two requests with one Idempotency-Key at once: the loser runs again and finds the answer. */
export function isIdempotencyKeyRace(err: unknown): boolean {
  return isUniqueViolation(err, 'idempotency_key_pkey');
}
