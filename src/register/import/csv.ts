/**
 * A small RFC 4180 CSV reader and writer.
 *
 * Reading is lenient where Excel is lenient (a quote inside an unquoted field, or text after a
 * closing quote, is kept literally; CR, LF and CRLF all end a record) and strict only where the
 * data would otherwise be silently wrong: an unterminated quoted field is an error, because it
 * would swallow the rest of the file into one cell.
 */

import { isUtf8 } from 'node:buffer';

/** Prepend to a CSV file so that Excel reads it as UTF-8 (otherwise Vietnamese text is garbled). */
export const CSV_UTF8_BOM = '\uFEFF';

export type CsvDelimiter = ',' | ';' | '\t';

export class CsvSyntaxError extends Error {
  /** The physical line (1-based) where the unterminated quoted field starts. */
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/** A field longer than the parser's limit (a cell bomb, or a quote that is never closed). */
export class CsvFieldTooLongError extends Error {
  constructor(
    readonly limit: number,
    readonly line: number,
  ) {
    super(`a field near line ${line} is longer than ${limit} characters`);
    this.name = 'CsvFieldTooLongError';
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

// Parser states. FIELD_START: a quote here opens a quoted field. QUOTE_IN_QUOTED: saw a quote
// inside a quoted field, either the first of an escaped pair ("") or the closing quote.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * Incremental parser: feed text chunks with {@link push} (each returns the records completed so
 * far), then call {@link end}. Chunks may split anywhere, even between CR and LF or between two
 * quotes of an escape.
 */
export class CsvParser {
  private readonly delimiter: number;
  private state: number = FIELD_START;
  private field = '';
  private record: string[] = [];
  private atRecordStart = true;
  private skipLf = false;
  private crInQuotes = false;
  private line = 1;
  private quoteLine = 1;

  constructor(
    delimiter: CsvDelimiter = ',',
    private readonly maxFieldLength = Infinity,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(chunk: string): string[][] {
    const out: string[][] = [];
    const n = chunk.length;
    const delimiter = this.delimiter;
    // Locals, written back at the end: this loop runs once per character of the file.
    let state = this.state;
    let field = this.field;
    let record = this.record;
    let atRecordStart = this.atRecordStart;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (state === QUOTED) {
        const q = chunk.indexOf('"', i);
        const end = q < 0 ? n : q;
        this.countLineBreaks(chunk, i, end);
        field += chunk.slice(i, end);
        if (field.length > this.maxFieldLength) {
          throw new CsvFieldTooLongError(this.maxFieldLength, this.quoteLine);
        }
        if (q < 0) break;
        state = QUOTE_IN_QUOTED;
        i = q + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (state === QUOTE_IN_QUOTED) {
        if (c === QUOTE) {
          // "" inside quotes: one literal quote.
          field += '"';
          state = QUOTED;
          this.crInQuotes = false;
          i++;
          continue;
        }
        // The previous quote closed the field; anything up to the delimiter is kept literally.
        state = UNQUOTED;
      }
      if (c === delimiter) {
        record.push(field);
        field = '';
        state = FIELD_START;
        atRecordStart = false;
        i++;
        continue;
      }
      if (c === CR || c === LF) {
        record.push(field);
        field = '';
        state = FIELD_START;
        out.push(record);
        record = [];
        atRecordStart = true;
        this.line++;
        i++;
        if (c === CR) {
          if (i === n) this.skipLf = true;
          else if (chunk.charCodeAt(i) === LF) i++;
        }
        continue;
      }
      if (c === QUOTE && state === FIELD_START) {
        state = QUOTED;
        this.crInQuotes = false;
        this.quoteLine = this.line;
        atRecordStart = false;
        i++;
        continue;
      }
      // A run of ordinary characters (a quote here is literal, as in Excel).
      const start = i++;
      while (i < n) {
        const d = chunk.charCodeAt(i);
        if (d === delimiter || d === CR || d === LF) break;
        i++;
      }
      field += chunk.slice(start, i);
      if (field.length > this.maxFieldLength) {
        throw new CsvFieldTooLongError(this.maxFieldLength, this.line);
      }
      state = UNQUOTED;
      atRecordStart = false;
    }
    this.state = state;
    this.field = field;
    this.record = record;
    this.atRecordStart = atRecordStart;
    return out;
  }

  /** Keeps the line count right inside quoted fields (CRLF, LF and CR each one break). */
  private countLineBreaks(chunk: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = chunk.charCodeAt(k);
      if (c === CR || (c === LF && !this.crInQuotes)) this.line++;
      this.crInQuotes = c === CR;
    }
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(): string[][] {
    if (this.state === QUOTED) {
      throw new CsvSyntaxError(
        `a quoted field that starts on line ${this.quoteLine} is never closed (a " is missing)`,
        this.quoteLine,
      );
    }
    if (this.atRecordStart) return [];
    this.endField();
    const last = this.record;
    this.record = [];
    this.atRecordStart = true;
    return [last];
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.state = FIELD_START;
    this.atRecordStart = false;
  }
}

/**
 * The delimiter of a file from its first record (the header line): whichever of ",", ";" and tab
 * occurs most often outside quotes; "," when none does. Excel writes ";" where the decimal
 * separator is a comma, as in Vietnamese regional settings.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  const limit = Math.min(text.length, 65536);
  for (let i = 0; i < limit; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Parses a whole CSV text (BOM already removed) into records of strings. */
export function parseCsv(
  text: string,
  delimiter: CsvDelimiter = detectDelimiter(text),
): string[][] {
  const parser = new CsvParser(delimiter);
  const records = parser.push(text);
  for (const r of parser.end()) records.push(r);
  return records;
}

const NOT_UTF8 =
  'the CSV file is not UTF-8 text; in Excel, save it as "CSV UTF-8 (Comma delimited)"';

export class CsvEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvEncodingError';
  }
}

/**
 * Bytes to text: UTF-8 with or without BOM, or UTF-16 with a BOM (Excel's "Unicode text"). Other
 * encodings (Windows-1258, TCVN3) are refused rather than guessed: a wrong guess garbles every
 * Vietnamese letter.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  const b = bytes;
  try {
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
      return new TextDecoder('utf-16le', { fatal: true }).decode(b.subarray(2));
    }
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      return new TextDecoder('utf-16be', { fatal: true }).decode(b.subarray(2));
    }
    // isUtf8 (simdutf) and toString are several times faster than a fatal TextDecoder.
    if (!isUtf8(b)) throw new CsvEncodingError(NOT_UTF8);
    const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new CsvEncodingError(NOT_UTF8);
  }
}

/**
 * Streams records from byte or text chunks (e.g. a file read stream) without holding the file.
 * The delimiter is detected from the first line unless given.
 */
export async function* iterateCsvRecords(
  source: AsyncIterable<Uint8Array | string>,
  options: { delimiter?: CsvDelimiter } = {},
): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parser: CsvParser | undefined;
  let head = '';
  const feed = (text: string): string[][] => {
    if (parser === undefined) {
      head += text;
      // Wait for the whole first line (or enough text) before choosing the delimiter.
      if (!/[\r\n]/.test(head) && head.length < 65536) return [];
      parser = new CsvParser(options.delimiter ?? detectDelimiter(head));
      const records = parser.push(head);
      head = '';
      return records;
    }
    return parser.push(text);
  };
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new CsvEncodingError(NOT_UTF8);
    }
  };
  for await (const chunk of source) {
    yield* feed(typeof chunk === 'string' ? chunk : decode(chunk));
  }
  yield* feed(decode());
  if (parser === undefined) {
    if (head === '') return;
    parser = new CsvParser(options.delimiter ?? detectDelimiter(head));
    yield* parser.push(head);
  }
  yield* parser.end();
}

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /**
   * Prefix text starting with = + - @ (or tab/CR) with an apostrophe, so a spreadsheet opening the
   * export does not run it as a formula (CSV injection). On by default for exports; numbers are
   * never changed.
   */
  escapeFormulas?: boolean;
}

/**
 * One CSV record with its CRLF terminator, quoting fields that contain the delimiter, a quote, a
 * line break or leading/trailing spaces. null/undefined write an empty field.
 */
export function writeCsvRow(
  values: readonly (string | number | null | undefined)[],
  options: CsvWriteOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const escapeFormulas = options.escapeFormulas ?? true;
  const fields = values.map((v) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    let s = v;
    if (escapeFormulas && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    if (
      s.includes(delimiter) ||
      s.includes('"') ||
      s.includes('\n') ||
      s.includes('\r') ||
      /^\s|\s$/.test(s)
    ) {
      return `"${s.replace(/"/g, '""')}"`;
    }
    return s;
  });
  return `${fields.join(delimiter)}\r\n`;
}
