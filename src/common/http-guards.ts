import type { Duplex, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { msg, translate } from './i18n/catalogue';
import { ProblemException } from './problem';

export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, counted without recursion (so it cannot overflow). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  return deepest(value, limit).depth;
}

/** The depth, and the path (`items[0].a`) of the first value found deeper than `limit`. */
function deepest(value: unknown, limit: number): { depth: number; path?: string } {
  let max = 0;
  const stack: Array<[unknown, number, string]> = [[value, 1, '']];
  while (stack.length) {
    const [v, d, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return { depth: max, path };
    const entries = Object.entries(v as object);
    // Reversed, so the first key is visited first (the path names the first offender).
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      stack.push([child, d + 1, Array.isArray(v) ? `${path}[${key}]` : joinPath(path, key)]);
    }
  }
  return { depth: max };
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Where a JSON text stopped being valid, as a field path (`items[1].hours`; `body` at the top
 * level): scans the text before the error's position, tracking objects, arrays and keys.
 */
export function jsonErrorPath(text: string, position: number): string {
  const stack: Array<{ array: boolean; key: string; index: number; expectKey: boolean }> = [];
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      let str = '';
      while (j < end && text[j] !== '"') {
        if (text[j] === '\\') j++;
        str += text[j] ?? '';
        j++;
      }
      if (top && !top.array && top.expectKey) top.key = str;
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push({ array: c === '[', key: '', index: 0, expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ':' && top && !top.array) {
      top.expectKey = false;
    } else if (c === ',' && top) {
      if (top.array) top.index++;
      else {
        top.expectKey = true;
        top.key = '';
      }
    }
  }
  let path = '';
  for (const frame of stack) {
    if (frame.array) path += `[${frame.index}]`;
    else if (frame.key && !frame.expectKey) path = joinPath(path, frame.key);
    else break;
  }
  return path || 'body';
}

/**
 * The JSON body parser: `JSON.parse` as before (an empty body is `{}`), then two refusals that
 * name the field: malformed JSON (where the text stopped being valid) and absurdly nested JSON
 * (validation would walk it recursively and overflow the stack into a 500).
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const at = jsonSyntaxErrorAt(text);
    const field = at >= 0 ? jsonErrorPath(text, at) : 'body';
    throw new ProblemException(400, 'entity.parse.failed', 'The request body is not valid JSON.', {
      errors: [{ field, message: `is not valid JSON${at >= 0 ? ` (at offset ${at})` : ''}` }],
    });
  }
  if (value && typeof value === 'object') {
    const { depth, path } = deepest(value, MAX_JSON_DEPTH);
    if (depth > MAX_JSON_DEPTH) {
      throw new ProblemException(
        400,
        'validation',
        `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
        {
          errors: [
            { field: path || 'body', message: `is nested deeper than ${MAX_JSON_DEPTH} levels` },
          ],
        },
      );
    }
  }
  return value;
}

/**
 * Postgres cannot store or compare text with U+0000: a query parameter holding one would reach
 * the database as a data error without a name. Refused before routing (a Fastify hook), naming it.
 */
export function rejectNulInQuery(query: unknown): void {
  const bad = findNul(query, '');
  if (bad !== undefined) {
    const message = 'must not contain a NUL character';
    throw new ProblemException(400, 'validation', `${bad}: ${message}`, {
      errors: [{ field: bad, message }],
    });
  }
}

function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findNul(
        child,
        Array.isArray(value) ? `${path}[${key}]` : joinPath(path, key.replace(/\u0000/g, '')),
      );
      if (found !== undefined) return found || 'query';
      if (key.includes('\u0000')) return joinPath(path, key.replace(/\u0000/g, '')) || 'query';
    }
  }
  return undefined;
}

/**
 * A body sent gzip, deflate or br-compressed is read decompressed (as Express's body parser did);
 * zlib's refusal of a body that is not what it says becomes a 400 in the ProblemFilter, and an
 * encoding we do not know a 415. The decoded length still counts against the body limit.
 */
export function decodeContentEncoding(
  encodingHeader: string | undefined,
  payload: Readable,
): Readable {
  const encoding = (encodingHeader ?? 'identity').trim().toLowerCase();
  const decoder =
    encoding === 'identity'
      ? undefined
      : encoding === 'gzip' || encoding === 'x-gzip'
        ? createGunzip()
        : encoding === 'deflate'
          ? createInflate()
          : encoding === 'br'
            ? createBrotliDecompress()
            : null;
  if (decoder === undefined) return payload;
  if (decoder === null) {
    throw new ProblemException(
      415,
      'encoding.unsupported',
      msg('http.encodingUnsupported', { encoding }),
      {
        errors: [
          {
            field: 'Content-Encoding',
            message: translate('http.encodingUnsupportedField', { encoding }, 'en'),
          },
        ],
      },
    );
  }
  const decoded = payload.pipe(decoder) as Readable & { receivedEncodedLength?: number };
  // Fastify compares this with the body limit too (the encoded size of the body).
  decoded.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => (decoded.receivedEncodedLength! += chunk.length));
  payload.on('error', (err) => decoded.destroy(err));
  return decoded;
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (oversized headers or URL,
 * malformed request lines) still get a problem+json answer (Fastify's `clientErrorHandler`).
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const title =
    status === 431
      ? 'Request Header Fields Too Large'
      : status === 408
        ? 'Request Timeout'
        : 'Bad Request';
  const body = JSON.stringify({
    type: 'about:blank',
    title,
    status,
    detail: 'The request could not be read.',
  });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The offset of the first syntax error in a JSON text (its length when it ends too early; -1 when
 * it is valid). Iterative, so any nesting is safe; V8's messages do not always give a position.
 */
export function jsonSyntaxErrorAt(text: string): number {
  const n = text.length;
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const after = (): Expect => (stack.length ? 'commaOrEnd' : 'done');
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
      i++;
    if (i >= n) return expect === 'done' ? -1 : n;
    const c = text[i];
    if (expect === 'done') return i;
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'commaOrEnd') {
      const top = stack[stack.length - 1];
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
        expect = after();
      } else return i;
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && c === '}') {
        stack.pop();
        i++;
        expect = after();
      } else {
        if (c !== '"') return i;
        const end = stringEnd(text, i);
        if (end < 0) return -end - 1;
        i = end;
        expect = 'colon';
      }
    } else if (expect === 'valueOrEnd' && c === ']') {
      stack.pop();
      i++;
      expect = after();
    } else if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
    } else {
      let end: number;
      if (c === '"') {
        end = stringEnd(text, i);
        if (end < 0) return -end - 1;
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) end = i + 4;
      else if (text.startsWith('false', i)) end = i + 5;
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return i;
        end = NUMBER.lastIndex;
      }
      i = end;
      expect = after();
    }
  }
}

/** End (exclusive) of the string starting at `i`, or -(offset of the error) - 1. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) j++;
    else if (c < 0x20) return -j - 1;
  }
  return -text.length - 1;
}
