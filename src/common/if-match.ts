import { ValidationProblem } from './problem';

/**
 * Reads a version tag as sent in `If-Match` (`3`, or the ETag form this API sends back: `"3"`,
 * `W/"3"`). Undefined when absent or empty; null when it is not a version.
 */
export function readVersionTag(header: string | string[] | undefined): number | undefined | null {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header.join(',') : header).trim();
  if (raw === '') return undefined;
  const m = /^(?:W\/)?(?:"(\d{1,9})"|(\d{1,9}))$/.exec(raw);
  const version = m ? Number(m[1] ?? m[2]) : 0;
  return version >= 1 ? version : null;
}

/** `If-Match: <version>`: undefined when absent; a 400 naming the header when not a version. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const version = readVersionTag(header);
  if (version === null) {
    throw new ValidationProblem([
      { field: 'If-Match', message: 'must be the record version, e.g. If-Match: 3' },
    ]);
  }
  return version;
}

export const etagOf = (version: number) => `"${version}"`;
