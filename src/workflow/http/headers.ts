/** Parsing of the workflow's request headers (pure; a bad header is a 400 naming it). */
import { readVersionTag } from '../../common/if-match';
import { FieldError } from '../../common/problem';

export type HeaderResult<T> = { ok: true; value: T | undefined } | { ok: false; error: FieldError };

/**
 * `If-Match: <version>`; also accepts the quoted ETag form this API sends (`"3"`, `W/"3"`).
 * Absent or empty means no precondition.
 */
export function parseIfMatch(raw: string | string[] | undefined): HeaderResult<number> {
  const version = readVersionTag(raw);
  if (version === null) {
    return {
      ok: false,
      error: { field: 'If-Match', message: 'must be the version number of the record, e.g. 3' },
    };
  }
  return { ok: true, value: version };
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** `Idempotency-Key`: 1–200 visible ASCII characters (a UUID is typical). */
export function parseIdempotencyKey(raw: string | string[] | undefined): HeaderResult<string> {
  if (raw === undefined) return { ok: true, value: undefined };
  if (Array.isArray(raw)) {
    return { ok: false, error: { field: 'Idempotency-Key', message: 'must be sent once' } };
  }
  const key = raw.trim();
  if (key === '') return { ok: true, value: undefined };
  if (!KEY.test(key)) {
    return {
      ok: false,
      error: {
        field: 'Idempotency-Key',
        message: 'must be 1 to 200 visible ASCII characters, e.g. a UUID',
      },
    };
  }
  return { ok: true, value: key };
}

/** The ETag this API sends for a record version. */
export const etagOf = (version: number) => `"${version}"`;
