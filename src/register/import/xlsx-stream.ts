/**
 * Reads the rows of an XLSX workbook as a stream, with bounded memory whatever the file holds:
 * each ZIP entry is inflated chunk by chunk and its XML parsed as it flows, the decompressed bytes
 * are counted as they come out (the sizes the archive declares may lie), and reading stops at a
 * byte budget per cell, per row, per sheet and for the whole workbook. Nothing of exceljs's
 * in-memory model is built; the caller stops reading (and the inflater is freed) at the row limit.
 */
import { createInflateRaw } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { Cell, CellProblem } from './cells';
import { ImportFileError, ImportTooLargeError } from './errors';
import { listZipEntries, ZipEntry } from './format';

export interface XlsxBudgets {
  /** Most decompressed bytes read from the whole archive. */
  totalBytes: number;
  /** Most decompressed bytes of one worksheet. */
  sheetBytes: number;
  /** Most decompressed bytes of the shared-string table (it is held in memory). */
  sharedStringBytes: number;
  /** Most characters of one cell (also bounds any single XML token). */
  cellChars: number;
  /** Most characters of all cells of one row together. */
  rowChars: number;
}

export const DEFAULT_XLSX_BUDGETS: Readonly<XlsxBudgets> = Object.freeze({
  totalBytes: 256 * 1024 * 1024,
  sheetBytes: 192 * 1024 * 1024,
  sharedStringBytes: 96 * 1024 * 1024,
  // A description may hold 20,000 characters (up to ~60 KB of UTF-8, more once XML-escaped).
  cellChars: 128 * 1024,
  rowChars: 1024 * 1024,
});

/** Excel's own limits: rows beyond 1,048,576 or cells beyond these columns are not a real sheet. */
const MAX_SHEET_ROWS = 1_048_576;
/** Cells right of this column are not read (no import column sits there). */
const MAX_COLUMNS = 1024;
const MAX_MERGES = 100_000;
/** workbook.xml, its relationships and styles are small; a bigger one is not a real workbook. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;

export interface SheetRow {
  rowNumber: number;
  cells: readonly Cell[];
}

export interface XlsxSheet {
  name: string;
  visible: boolean;
  /** Rows in file order, in batches (one per decompressed chunk); blank rows may be omitted. */
  rows(): AsyncGenerator<SheetRow[]>;
}

const damaged = (what: string) =>
  new ImportFileError('corrupt', `the XLSX workbook cannot be read; it is damaged (${what})`);

function tooLarge(what: string, limit: number, unit = 'bytes'): ImportTooLargeError {
  return new ImportTooLargeError(
    'bytes',
    limit,
    `${what} is larger than the import allows (${limit} ${unit}); split the file into smaller ones`,
  );
}

/** Local name of an element, without a namespace prefix ("x:row" → "row"). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The byte counter shared by every entry of one archive. */
class Meter {
  used = 0;
  constructor(readonly limit: number) {}
}

/**
 * The decompressed bytes of one ZIP entry, in chunks, counted as they flow. Refuses an entry over
 * `limit` (or the archive over its total) and any run of more than `tokenLimit` bytes without a
 * "<" or ">", which bounds what the XML parser accumulates for one text, tag or attribute.
 */
async function* entryChunks(
  buffer: Buffer,
  entry: ZipEntry,
  limit: { bytes: number; what: string },
  meter: Meter,
  tokenLimit: number,
): AsyncGenerator<Buffer> {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) {
    throw damaged(`entry ${entry.name}`);
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = Math.min(buffer.length, start + entry.compressedSize);
  if (start > buffer.length) throw damaged(`entry ${entry.name}`);
  const data = buffer.subarray(start, end);
  let used = 0;
  let run = 0;
  const account = (chunk: Buffer) => {
    used += chunk.length;
    meter.used += chunk.length;
    if (used > limit.bytes) throw tooLarge(limit.what, limit.bytes);
    if (meter.used > meter.limit) throw tooLarge('the unpacked workbook', meter.limit);
    // The longest run without "<" or ">" (a plain loop: faster than indexOf on short tokens).
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x3c || byte === 0x3e) run = 0;
      else if (++run > tokenLimit) break;
    }
    if (run > tokenLimit) throw tooLarge('a cell', tokenLimit, 'characters');
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 1 << 16) {
      const chunk = data.subarray(i, i + (1 << 16));
      account(chunk);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8) throw damaged(`entry ${entry.name} uses an unsupported compression`);
  const inflater = createInflateRaw({ chunkSize: 1 << 16 });
  inflater.end(data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      account(chunk);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof ImportFileError || e instanceof ImportTooLargeError) throw e;
    // zlib's own text ("invalid distance too far back") means nothing to the user.
    throw damaged(`entry ${entry.name} cannot be unpacked`);
  } finally {
    inflater.destroy();
  }
}

type Handlers = {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
};

/** A SAX parser over decoded chunks; its errors become "damaged" (no parser text reaches users). */
function xmlParser(what: string, handlers: Handlers) {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  parser.on('opentag', (tag: SaxesTagPlain) =>
    handlers.open(local(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing),
  );
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (!tag.isSelfClosing) handlers.close(local(tag.name));
  });
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  const decoder = new TextDecoder('utf-8');
  const fail = (e: unknown) => {
    if (e instanceof ImportFileError || e instanceof ImportTooLargeError) throw e;
    throw damaged(`${what} is not valid XML`);
  };
  return {
    write(chunk: Buffer) {
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (e) {
        fail(e);
      }
    },
    close() {
      try {
        parser.write(decoder.decode());
        parser.close();
      } catch (e) {
        fail(e);
      }
    },
  };
}

/** Parses a small part (workbook, relationships, styles) fully. */
async function parsePart(
  buffer: Buffer,
  entry: ZipEntry,
  meter: Meter,
  budgets: XlsxBudgets,
  handlers: Handlers,
): Promise<void> {
  const parser = xmlParser(entry.name, handlers);
  for await (const chunk of entryChunks(
    buffer,
    entry,
    { bytes: SMALL_PART_BYTES, what: entry.name },
    meter,
    budgets.cellChars,
  )) {
    parser.write(chunk);
  }
  parser.close();
}

/** "AB12" → column 28 (1-based); 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    column = column * 26 + (c - 0x60);
    if (column > 16384) return 16385;
  }
  return column;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}

// Number formats that show a date: built-in ids, or a custom code with day/month/year letters.
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57,
]);
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

interface WorkbookInfo {
  sheets: { name: string; visible: boolean; path: string }[];
  date1904: boolean;
}

async function readWorkbookInfo(
  buffer: Buffer,
  entries: Map<string, ZipEntry>,
  meter: Meter,
  budgets: XlsxBudgets,
): Promise<WorkbookInfo> {
  const sheets: { name: string; visible: boolean; rid: string }[] = [];
  let date1904 = false;
  await parsePart(buffer, entries.get('xl/workbook.xml')!, meter, budgets, {
    open(name, a) {
      if (name === 'sheet') {
        const rid = a['r:id'] ?? Object.entries(a).find(([k]) => local(k) === 'id')?.[1] ?? '';
        sheets.push({ name: a.name ?? '', visible: (a.state ?? 'visible') === 'visible', rid });
      } else if (name === 'workbookPr') {
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
      }
    },
    close() {},
    text() {},
  });
  const targets = new Map<string, string>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    await parsePart(buffer, rels, meter, budgets, {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
      },
      close() {},
      text() {},
    });
  }
  return {
    date1904,
    sheets: sheets.map((s, i) => {
      const target = targets.get(s.rid) ?? `worksheets/sheet${i + 1}.xml`;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      return { name: s.name, visible: s.visible, path };
    }),
  };
}

async function readDateStyles(
  buffer: Buffer,
  entries: Map<string, ZipEntry>,
  meter: Meter,
  budgets: XlsxBudgets,
): Promise<boolean[]> {
  const entry = entries.get('xl/styles.xml');
  if (!entry) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parsePart(buffer, entry, meter, budgets, {
    open(name, a, selfClosing) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return formats.map((id) =>
    custom.has(id) ? isDateFormatCode(custom.get(id)!) : DATE_FORMAT_IDS.has(id),
  );
}

async function readSharedStrings(
  buffer: Buffer,
  entries: Map<string, ZipEntry>,
  meter: Meter,
  budgets: XlsxBudgets,
): Promise<string[]> {
  const entry = entries.get('xl/sharedStrings.xml');
  if (!entry) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const parser = xmlParser(entry.name, {
    open(name, _a, selfClosing) {
      if (name === 'si') {
        current = '';
        if (selfClosing) {
          strings.push('');
          current = null;
        }
      } else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(current);
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (current === null || !inText || phonetic > 0) return;
      current += text;
      if (current.length > budgets.cellChars)
        throw tooLarge('a cell', budgets.cellChars, 'characters');
    },
  });
  for await (const chunk of entryChunks(
    buffer,
    entry,
    { bytes: budgets.sharedStringBytes, what: 'the shared-string table of the workbook' },
    meter,
    budgets.cellChars,
  )) {
    parser.write(chunk);
  }
  parser.close();
  return strings;
}

interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const SHEET_DATA_END = Buffer.from('sheetData>');

/**
 * First pass over a sheet: its merged ranges, which Excel writes after the rows. Only the bytes
 * after `</sheetData>` are kept (bounded); the rows themselves are skipped.
 */
async function readMerges(chunks: AsyncGenerator<Buffer>): Promise<Merge[]> {
  let tail: Buffer | null = null;
  let carry = Buffer.alloc(0);
  for await (const chunk of chunks) {
    if (tail !== null) {
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > SMALL_PART_BYTES)
        throw tooLarge('the merged cells of a sheet', SMALL_PART_BYTES);
      continue;
    }
    const joined = Buffer.concat([carry, chunk]);
    let at = joined.indexOf(SHEET_DATA_END);
    while (at >= 0) {
      // A closing tag: "</sheetData>" or "</x:sheetData>".
      const lt = joined.lastIndexOf(0x3c, at);
      if (lt >= 0 && joined[lt + 1] === 0x2f && at - lt < 40) {
        tail = joined.subarray(at + SHEET_DATA_END.length);
        break;
      }
      at = joined.indexOf(SHEET_DATA_END, at + 1);
    }
    if (tail === null) carry = joined.subarray(Math.max(0, joined.length - 48));
  }
  if (tail === null) return [];
  const merges: Merge[] = [];
  const pattern =
    /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]+\d+):([A-Za-z]+\d+)["']/g;
  const text = tail.toString('utf8');
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const r1 = rowOf(m[1]);
    const c1 = columnOf(m[1]);
    const r2 = rowOf(m[2]);
    const c2 = columnOf(m[2]);
    if (r1 < 1 || c1 < 1 || r2 < r1 || c2 < c1) continue;
    if (merges.length >= MAX_MERGES)
      throw tooLarge('the list of merged cells', MAX_MERGES, 'ranges');
    merges.push({ r1, c1, r2, c2: Math.min(c2, MAX_COLUMNS) });
  }
  merges.sort((a, b) => a.r1 - b.r1);
  return merges;
}

/** Copies each merged range's top-left value over the range, row by row as rows stream past. */
class MergeFiller {
  private next = 0;
  private active: { merge: Merge; value: Cell }[] = [];

  constructor(private readonly merges: readonly Merge[]) {}

  apply(rowNumber: number, cells: Cell[]): void {
    if (this.merges.length === 0) return;
    while (this.next < this.merges.length && this.merges[this.next].r1 <= rowNumber) {
      const merge = this.merges[this.next++];
      if (merge.r2 < rowNumber) continue;
      // The master cell's row was absent (blank) when r1 < rowNumber: nothing to copy.
      const value = merge.r1 === rowNumber ? (cells[merge.c1 - 1] ?? null) : null;
      this.active.push({ merge, value });
    }
    if (this.active.length === 0) return;
    this.active = this.active.filter((a) => a.merge.r2 >= rowNumber);
    for (const { merge, value } of this.active) {
      if (value === null) continue;
      for (let c = merge.c1; c <= merge.c2; c++) {
        if (c === merge.c1 && rowNumber === merge.r1) continue;
        while (cells.length < c - 1) cells.push(null);
        cells[c - 1] = value;
      }
    }
  }
}

/** Lists the worksheets of an XLSX archive; each sheet's rows are read on demand, streaming. */
export async function openXlsx(
  buffer: Buffer,
  budgets: XlsxBudgets = DEFAULT_XLSX_BUDGETS,
): Promise<XlsxSheet[]> {
  const entries = new Map(listZipEntries(buffer).map((e) => [e.name, e]));
  if (!entries.has('xl/workbook.xml')) throw damaged('no workbook part');
  const meter = new Meter(budgets.totalBytes);
  const info = await readWorkbookInfo(buffer, entries, meter, budgets);
  const dateStyles = await readDateStyles(buffer, entries, meter, budgets);
  let shared: string[] | null = null;
  const sharedStrings = async () =>
    (shared ??= await readSharedStrings(buffer, entries, meter, budgets));
  const epoch = EXCEL_EPOCH + (info.date1904 ? 1462 * DAY_MS : 0);

  return info.sheets.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visible,
    rows: async function* () {
      const entry = entries.get(sheet.path);
      if (!entry) throw damaged(`sheet "${sheet.name}" is missing`);
      const strings = await sharedStrings();
      const limit = { bytes: budgets.sheetBytes, what: `the sheet "${sheet.name}"` };
      const merges = await readMerges(entryChunks(buffer, entry, limit, meter, budgets.cellChars));
      yield* sheetRows(entryChunks(buffer, entry, limit, meter, budgets.cellChars), {
        strings,
        dateStyles,
        epoch,
        budgets,
        merges: new MergeFiller(merges),
        what: sheet.path,
      });
    },
  }));
}

interface SheetContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  epoch: number;
  budgets: XlsxBudgets;
  merges: MergeFiller;
  what: string;
}

async function* sheetRows(
  chunks: AsyncGenerator<Buffer>,
  ctx: SheetContext,
): AsyncGenerator<SheetRow[]> {
  const { strings, dateStyles, epoch, budgets } = ctx;
  let batch: SheetRow[] = [];
  let rowNumber = 0;
  let rowCount = 0;
  let cells: Cell[] | null = null;
  let rowChars = 0;
  let column = 0;
  // The current cell.
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let hasFormula = false;
  let collecting: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;

  const cellValue = (): Cell => {
    if (value === null) {
      if (hasFormula) {
        return new CellProblem(
          'the cell holds a formula without a saved result; open the file in Excel and save it again',
        );
      }
      return null;
    }
    switch (type) {
      case 's': {
        const s = strings[Number(value)];
        return s === undefined ? null : s;
      }
      case 'str':
      case 'inlineStr':
        return value;
      case 'b':
        return value === '1' || value === 'true';
      case 'e':
        return new CellProblem(`the cell holds the error ${value}`);
      case 'd': {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : date;
      }
      default: {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n)) return value;
        if (dateStyles[style]) return new Date(Math.round(epoch + n * DAY_MS));
        return n;
      }
    }
  };

  const parser = xmlParser(ctx.what, {
    open(name, a, selfClosing) {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          if (!Number.isInteger(r) || r <= rowNumber || r > MAX_SHEET_ROWS) {
            throw damaged(`a row number is out of order or beyond Excel's ${MAX_SHEET_ROWS} rows`);
          }
          if (++rowCount > MAX_SHEET_ROWS) throw damaged(`more than ${MAX_SHEET_ROWS} rows`);
          rowNumber = r;
          cells = [];
          rowChars = 0;
          column = 0;
          if (selfClosing) endRow();
          break;
        }
        case 'c': {
          if (cells === null) break;
          column = a.r === undefined ? column + 1 : columnOf(a.r);
          if (column < 1) column = cells.length + 1;
          type = a.t ?? 'n';
          style = a.s === undefined ? 0 : Number(a.s);
          value = null;
          hasFormula = false;
          if (selfClosing) endCell();
          break;
        }
        case 'v':
          if (!selfClosing && !inInline) {
            collecting = 'v';
            value = '';
          }
          break;
        case 'f':
          hasFormula = true;
          break;
        case 'is':
          inInline = !selfClosing;
          if (value === null) value = '';
          break;
        case 'rPh':
          if (!selfClosing) phonetic++;
          break;
        case 't':
          if (inInline && !selfClosing && phonetic === 0) collecting = 't';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          collecting = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          endCell();
          break;
        case 'row':
          endRow();
          break;
      }
    },
    text(text) {
      if (collecting === null || value === null) return;
      value += text;
      if (value.length > budgets.cellChars)
        throw tooLarge('a cell', budgets.cellChars, 'characters');
    },
  });

  function endCell() {
    if (cells === null || column > MAX_COLUMNS) return;
    const cell = cellValue();
    if (typeof cell === 'string') {
      rowChars += cell.length;
      if (rowChars > budgets.rowChars)
        throw tooLarge(`row ${rowNumber}`, budgets.rowChars, 'characters');
    }
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = cell;
  }

  function endRow() {
    if (cells === null) return;
    ctx.merges.apply(rowNumber, cells);
    if (cells.length > 0) batch.push({ rowNumber, cells });
    cells = null;
  }

  for await (const chunk of chunks) {
    parser.write(chunk);
    if (batch.length > 0) {
      const out = batch;
      batch = [];
      yield out;
    }
  }
  parser.close();
  if (batch.length > 0) yield batch;
}
