import { ValidationProblem } from './problem';

/**
 * Reads `If-Match: <version>` (also `"3"` or `W/"3"`, as an ETag would be echoed back).
 * Undefined when absent; a 400 naming the header when it is not a version.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header[0] : header).trim();
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw);
  if (!m)
    throw new ValidationProblem([
      { field: 'If-Match', message: 'must be the record version, e.g. If-Match: 3' },
    ]);
  return Number(m[1]);
}

export const etagOf = (version: number) => `"${version}"`;
