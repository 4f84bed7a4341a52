/**
 * Reading and validating a bulk-import file (XLSX or CSV) into typed rows and per-cell errors.
 * Pure: no database; the caller decides what to write (all rows when there is no error, or the
 * valid rows only when asked) and checks what needs the database (document already stored…).
 */
import { Workbook, type Worksheet } from 'exceljs';
import {
  LegalDocumentFields,
  LegalDocumentType,
  legalDocumentKey,
  matchDocumentType,
  validateLegalDocument,
} from '../domain/legal-document';
import {
  matchCategory,
  matchSubjectTypes,
  RegulationCategory,
  RegulationFields,
  Sector,
  sectorMatcher,
  SubjectType,
  validateRegulationFields,
} from '../domain/regulation-fields';
import { matchKey } from '../domain/text';
import {
  Cell,
  CellProblem,
  cellDate,
  cellProcedureCode,
  cellText,
  fromExcelValue,
  isBlankCell,
} from './cells';
import { IMPORT_COLUMN_BY_FIELD, IMPORT_COLUMNS, ImportField, matchHeader } from './columns';
import {
  CsvEncodingError,
  CsvParser,
  CsvSyntaxError,
  decodeCsvBytes,
  detectDelimiter,
} from './csv';
import { ImportFileError, ImportRowError, ImportTooLargeError } from './errors';
import { checkXlsxArchive, describeNonSpreadsheet, ImportFormat } from './format';

export interface ImportOptions {
  /** Most data rows accepted (blank rows are not counted); more → ImportTooLargeError (413). */
  maxRows: number;
  /** The current sector list; cells may give a sector's code or name. */
  sectors: readonly Sector[];
  /** XLSX only: most bytes the workbook may unpack to (declared sizes). Default 256 MiB. */
  maxUncompressedBytes?: number;
}

/** One valid row: a regulation and its legal document, normalised and ready to store. */
export interface ImportRow {
  /** The spreadsheet row number (1-based, as Excel shows it; for CSV, the record number). */
  rowNumber: number;
  document: LegalDocumentFields;
  regulation: RegulationFields;
  /** `legalDocumentKey(document)`: rows with the same key describe the same document. */
  documentKey: string;
}

export interface ImportResult {
  /** The format found by content (the declared one is only a hint). */
  format: ImportFormat;
  /** Valid rows only, in file order. */
  rows: ImportRow[];
  /** Every bad cell, by row then column. Empty when the whole file is valid. */
  errors: ImportRowError[];
  /** Non-blank data rows, valid or not. */
  totalRows: number;
  /** Rows with at least one error (totalRows = rows.length + invalidRows). */
  invalidRows: number;
  /** The row holding the column headers. */
  headerRow: number;
  /** The recognised columns, with their headers as written in the file. */
  columns: { field: ImportField; header: string }[];
  /** Headers of columns that are not imported (e.g. "STT"). */
  ignoredColumns: string[];
}

const DEFAULT_MAX_UNCOMPRESSED = 256 * 1024 * 1024;
/** The header may sit below a title block; it is looked for among the first non-blank rows. */
const HEADER_SEARCH_ROWS = 10;

interface SheetRow {
  rowNumber: number;
  cells: readonly Cell[];
}

// ---------------------------------------------------------------------------------------------
// Reading rows

function* csvRows(buffer: Buffer): Generator<SheetRow> {
  let text: string;
  try {
    text = decodeCsvBytes(buffer);
  } catch (e) {
    if (e instanceof CsvEncodingError) throw new ImportFileError('encoding', e.message);
    throw e;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const parser = new CsvParser(detectDelimiter(text));
  let rowNumber = 0;
  // Parsed in slices so that a file over the row limit is refused without parsing all of it.
  const SLICE = 1 << 16;
  for (let i = 0; i < text.length; i += SLICE) {
    for (const cells of parser.push(text.slice(i, i + SLICE)))
      yield { rowNumber: ++rowNumber, cells };
  }
  let last: string[][];
  try {
    last = parser.end();
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      throw new ImportFileError('corrupt', `the CSV file is malformed: ${e.message}`);
    }
    throw e;
  }
  for (const cells of last) yield { rowNumber: ++rowNumber, cells };
}

function* worksheetRows(sheet: Worksheet): Generator<SheetRow> {
  const last = sheet.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = sheet.findRow(r);
    if (row === undefined || !row.hasValues) continue;
    // row.values is 1-based and sparse; merged cells repeat the master cell's value, so a document
    // cell merged down over its regulations reads on every row.
    const values = row.values as unknown[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) {
      cells.push(fromExcelValue(values[c] as Parameters<typeof fromExcelValue>[0]));
    }
    yield { rowNumber: r, cells };
  }
}

async function loadWorkbook(buffer: Buffer, maxUncompressedBytes: number): Promise<Workbook> {
  checkXlsxArchive(buffer, maxUncompressedBytes);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch (e) {
    throw new ImportFileError(
      'corrupt',
      `the XLSX workbook cannot be read; it may be damaged (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  return workbook;
}

/** The instructions sheet of the template holds an example block that must not be imported. */
const INSTRUCTIONS_SHEET_KEY = matchKey('Hướng dẫn');

// ---------------------------------------------------------------------------------------------
// The header

interface Header {
  index: number; // position in the lookahead
  rowNumber: number;
  fields: Map<ImportField, number>; // field → column index
  headers: Map<ImportField, string>; // field → header as written
  duplicates: [string, string][];
  ignored: string[];
}

function readHeader(row: SheetRow, index: number): Header {
  const fields = new Map<ImportField, number>();
  const headers = new Map<ImportField, string>();
  const duplicates: [string, string][] = [];
  const ignored: string[] = [];
  row.cells.forEach((cell, column) => {
    if (isBlankCell(cell) || cell instanceof CellProblem || cell === null) return;
    const text = cellText(cell).replace(/\s+/g, ' ').trim();
    const field = matchHeader(text);
    if (field === null) ignored.push(text);
    else if (fields.has(field)) duplicates.push([headers.get(field) as string, text]);
    else {
      fields.set(field, column);
      headers.set(field, text);
    }
  });
  return { index, rowNumber: row.rowNumber, fields, headers, duplicates, ignored };
}

const REQUIRED_FIELDS = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.field);

/** The first of the candidate rows holding every required column, else the one with the most. */
function chooseHeader(candidates: readonly SheetRow[]): Header | null {
  let best: Header | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const header = readHeader(candidates[i], i);
    if (REQUIRED_FIELDS.every((f) => header.fields.has(f))) return header;
    if (header.fields.size > 0 && (best === null || header.fields.size > best.fields.size))
      best = header;
  }
  return best;
}

function checkHeader(header: Header | null): Header {
  if (header === null) {
    throw new ImportFileError(
      'no_header',
      `no header row found; the first row must name the columns, e.g. ${IMPORT_COLUMNS.slice(0, 3)
        .map((c) => `"${c.header}"`)
        .join(', ')} (download the import template)`,
    );
  }
  if (header.duplicates.length > 0) {
    const [a, b] = header.duplicates[0];
    throw new ImportFileError(
      'duplicate_columns',
      `the columns "${a}" and "${b}" (row ${header.rowNumber}) are the same field; keep one of them`,
    );
  }
  const missing = REQUIRED_FIELDS.filter((f) => !header.fields.has(f)).map(
    (f) => IMPORT_COLUMN_BY_FIELD[f].header,
  );
  if (missing.length > 0) {
    throw new ImportFileError(
      'missing_columns',
      `the file lacks the required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (header row ${header.rowNumber}; see the import template)`,
      missing,
    );
  }
  return header;
}

// ---------------------------------------------------------------------------------------------
// Rows

const DOCUMENT_FIELDS: Readonly<Record<string, ImportField>> = {
  number: 'documentNumber',
  type: 'documentType',
  issuer: 'issuer',
  title: 'documentTitle',
  issuedOn: 'issuedOn',
  effectiveOn: 'effectiveOn',
  expiredOn: 'expiredOn',
};

const NO_FIELDS: ReadonlySet<ImportField> = new Set();

interface SeenDocument {
  rowNumber: number;
  document: LegalDocumentFields;
}

class RowValidator {
  private readonly matchSector: (
    input: string,
  ) => { ok: true; value: string } | { ok: false; message: string };
  private readonly sectorCodes: ReadonlySet<string>;
  private readonly documents = new Map<string, SeenDocument>();
  private readonly regulations = new Map<string, number>();
  // Many rows repeat the same type, category and sector text: match each text once.
  private readonly categoryCache = new Map<string, ReturnType<typeof matchCategory>>();
  private readonly typeCache = new Map<string, ReturnType<typeof matchDocumentType>>();
  private readonly subjectCache = new Map<string, ReturnType<typeof matchSubjectTypes>>();
  private readonly dateCache = new Map<string, ReturnType<typeof cellDate>>();
  // Rows of one document repeat its cells: validate each distinct set of document cells once.
  private readonly documentCache = new Map<string, ReturnType<typeof validateLegalDocument>>();
  private readonly sectorCache = new Map<string, ReturnType<RowValidator['matchSector']>>();
  private readonly columnOrder: Map<ImportField, number>;

  constructor(
    private readonly header: Header,
    sectors: readonly Sector[],
  ) {
    this.matchSector = sectorMatcher(sectors);
    this.sectorCodes = new Set(sectors.map((s) => s.code));
    this.columnOrder = header.fields;
  }

  /** True when every recognised cell is blank (rows with only e.g. an "STT" number are skipped). */
  isBlank(row: SheetRow): boolean {
    for (const column of this.header.fields.values()) {
      if (!isBlankCell(row.cells[column])) return false;
    }
    return true;
  }

  validate(row: SheetRow): { row: ImportRow | null; errors: ImportRowError[] } {
    const errors: ImportRowError[] = [];
    const failed = new Set<ImportField>();
    const bad = (field: ImportField, message: string) => {
      errors.push({
        row: row.rowNumber,
        column: this.header.headers.get(field) as string,
        field,
        message,
      });
      failed.add(field);
    };
    /** The cell of a field: undefined when blank or the column is absent; problems reported. */
    const cell = (field: ImportField): Exclude<Cell, CellProblem | null> | undefined => {
      const column = this.header.fields.get(field);
      if (column === undefined) return undefined;
      const value = row.cells[column];
      if (value instanceof CellProblem) {
        bad(field, value.message);
        return undefined;
      }
      return isBlankCell(value) ? undefined : (value as Exclude<Cell, CellProblem | null>);
    };
    const text = (field: ImportField): string | undefined => {
      const value = cell(field);
      return value === undefined ? undefined : cellText(value);
    };
    const date = (field: ImportField): string | undefined => {
      const value = cell(field);
      if (value === undefined) return undefined;
      let parsed = typeof value === 'string' ? this.dateCache.get(value) : undefined;
      if (parsed === undefined) {
        parsed = cellDate(value);
        if (typeof value === 'string') this.dateCache.set(value, parsed);
      }
      if (parsed.ok) return parsed.value;
      bad(field, parsed.message);
      return undefined;
    };

    const number = text('documentNumber');
    let type: LegalDocumentType | undefined;
    const typeText = text('documentType');
    if (typeText !== undefined) {
      const typeKey = `${typeText}\u0000${number ?? ''}`;
      let m = this.typeCache.get(typeKey);
      if (m === undefined) this.typeCache.set(typeKey, (m = matchDocumentType(typeText, number)));
      if (m.ok) type = m.value;
      else bad('documentType', m.message);
    }
    const issuedOn = date('issuedOn');
    const effectiveOn = date('effectiveOn');
    const expiredOn = date('expiredOn');

    let category: RegulationCategory | undefined;
    const categoryText = text('category');
    if (categoryText !== undefined) {
      let m = this.categoryCache.get(categoryText);
      if (m === undefined) this.categoryCache.set(categoryText, (m = matchCategory(categoryText)));
      if (m.ok) category = m.value;
      else bad('category', m.message);
    }
    let sector: string | undefined;
    const sectorText = text('sector');
    if (sectorText !== undefined) {
      let m = this.sectorCache.get(sectorText);
      if (m === undefined) this.sectorCache.set(sectorText, (m = this.matchSector(sectorText)));
      if (m.ok) sector = m.value;
      else bad('sector', m.message);
    }
    let subjectTypes: SubjectType[] | undefined;
    const subjectText = text('subjectTypes');
    if (subjectText !== undefined) {
      let m = this.subjectCache.get(subjectText);
      if (m === undefined) this.subjectCache.set(subjectText, (m = matchSubjectTypes(subjectText)));
      if (m.ok) subjectTypes = m.value;
      else bad('subjectTypes', m.message);
    }
    const procedureCell = cell('procedureCode');
    const procedureCode =
      procedureCell === undefined ? undefined : cellProcedureCode(procedureCell);

    // Domain rules; a field whose cell could not be read already has its error.
    const unreadable: ReadonlySet<ImportField> = failed.size === 0 ? NO_FIELDS : new Set(failed);
    const documentInput = {
      number,
      type,
      issuer: text('issuer'),
      title: text('documentTitle'),
      issuedOn,
      effectiveOn,
      expiredOn,
    };
    const documentCells = Object.values(documentInput)
      .map((v) => (v === undefined ? '\u0001' : v))
      .join('\u0000');
    let document = this.documentCache.get(documentCells);
    if (document === undefined) {
      document = validateLegalDocument(documentInput);
      this.documentCache.set(documentCells, document);
    }
    if (!document.ok) {
      for (const e of document.errors) {
        const field = DOCUMENT_FIELDS[e.field];
        if (unreadable.size === 0 || !unreadable.has(field)) bad(field, e.message);
      }
    }
    const regulation = validateRegulationFields(
      {
        provision: text('provision'),
        title: text('title'),
        description: text('description'),
        category,
        sector,
        procedureCode,
        subjectTypes,
      },
      { sectorCodes: this.sectorCodes },
    );
    if (!regulation.ok) {
      for (const e of regulation.errors) {
        const field = e.field.replace(/\[.*$/, '') as ImportField;
        if (!unreadable.has(field)) bad(field, e.message);
      }
    }

    let result: ImportRow | null = null;
    if (document.ok) {
      const key = legalDocumentKey(document.value);
      this.checkSameDocument(row.rowNumber, key, document.value, bad);
      if (regulation.ok) {
        // Case-insensitive: "THỦ TỤC…" repeats "Thủ tục…".
        const regulationKey = [
          key,
          regulation.value.provision.toLowerCase(),
          regulation.value.title.toLowerCase(),
        ].join('\u0000');
        const first = this.regulations.get(regulationKey);
        if (first !== undefined) {
          bad('title', `repeats row ${first}: the same document, provision and regulation title`);
        } else if (errors.length === 0) {
          this.regulations.set(regulationKey, row.rowNumber);
        }
        if (errors.length === 0) {
          result = {
            rowNumber: row.rowNumber,
            document: document.value,
            regulation: regulation.value,
            documentKey: key,
          };
        }
      }
    }
    if (errors.length > 1) {
      // In the order of the file's columns, as a reader scans the row.
      const order = this.columnOrder;
      errors.sort(
        (a, b) =>
          (order.get(a.field as ImportField) ?? 0) - (order.get(b.field as ImportField) ?? 0),
      );
    }
    return { row: result, errors };
  }

  /**
   * Rows of one document (same number, issuer and issued date) must agree on its other columns;
   * the first row to describe it is the reference.
   */
  private checkSameDocument(
    rowNumber: number,
    key: string,
    document: LegalDocumentFields,
    bad: (field: ImportField, message: string) => void,
  ): void {
    const seen = this.documents.get(key);
    if (seen === undefined) {
      this.documents.set(key, { rowNumber, document });
      return;
    }
    const compare: [keyof LegalDocumentFields, ImportField][] = [
      ['type', 'documentType'],
      ['title', 'documentTitle'],
      ['effectiveOn', 'effectiveOn'],
      ['expiredOn', 'expiredOn'],
    ];
    for (const [property, field] of compare) {
      const before = seen.document[property];
      if (before !== document[property]) {
        bad(
          field,
          `differs from row ${seen.rowNumber} (${before === null ? 'blank' : `"${before}"`}), which describes the same document ${document.number} of ${document.issuer} issued ${document.issuedOn}`,
        );
      }
    }
  }
}

function validateRows(
  header: Header,
  rows: Iterable<SheetRow>,
  options: ImportOptions,
  format: ImportFormat,
): ImportResult {
  const validator = new RowValidator(header, options.sectors);
  const valid: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  let totalRows = 0;
  let invalidRows = 0;
  for (const row of rows) {
    if (validator.isBlank(row)) continue;
    totalRows++;
    if (totalRows > options.maxRows) throw new ImportTooLargeError('rows', options.maxRows);
    const outcome = validator.validate(row);
    if (outcome.row !== null) valid.push(outcome.row);
    if (outcome.errors.length > 0) {
      invalidRows++;
      errors.push(...outcome.errors);
    }
  }
  return {
    format,
    rows: valid,
    errors,
    totalRows,
    invalidRows,
    headerRow: header.rowNumber,
    columns: IMPORT_COLUMNS.filter((c) => header.fields.has(c.field)).map((c) => ({
      field: c.field,
      header: header.headers.get(c.field) as string,
    })),
    ignoredColumns: header.ignored,
  };
}

/** Reads up to HEADER_SEARCH_ROWS non-blank rows, finds the header, and yields the rows after it. */
function splitHeader(rows: Iterable<SheetRow>): {
  header: Header | null;
  rest: Iterable<SheetRow>;
} {
  const iterator = rows[Symbol.iterator]();
  const lookahead: SheetRow[] = [];
  while (lookahead.length < HEADER_SEARCH_ROWS) {
    const next = iterator.next();
    if (next.done) break;
    if (next.value.cells.some((c) => !isBlankCell(c))) lookahead.push(next.value);
  }
  const header = chooseHeader(lookahead);
  const start = header === null ? lookahead.length : header.index + 1;
  const rest: Iterable<SheetRow> = {
    *[Symbol.iterator]() {
      yield* lookahead.slice(start);
      for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
    },
  };
  return { header, rest };
}

function checkOptions(options: ImportOptions): void {
  if (!Number.isInteger(options.maxRows) || options.maxRows < 0) {
    throw new RangeError('maxRows must be a non-negative integer');
  }
  if (!Array.isArray(options.sectors)) throw new RangeError('sectors must be an array');
}

/**
 * Parses and validates an import file. The format is decided by content: `declared` (from the file
 * name or Content-Type) is only a hint, so a CSV named ".xlsx" still reads and a PNG named
 * ".xlsx" is refused as a PNG.
 *
 * Throws ImportFileError (400) for anything that is not a readable spreadsheet or lacks required
 * columns, ImportTooLargeError (413) over `maxRows` data rows or `maxUncompressedBytes`.
 */
export async function parseImportFile(
  buffer: Buffer,
  declared: ImportFormat | undefined,
  options: ImportOptions,
): Promise<ImportResult> {
  checkOptions(options);
  const problem = describeNonSpreadsheet(buffer);
  if (problem !== null) {
    throw new ImportFileError(buffer.length === 0 ? 'empty' : 'not_spreadsheet', problem);
  }
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b;
  if (!isZip) {
    const { header, rest } = splitHeader(csvRows(buffer));
    if (header === null && declared === 'xlsx') {
      throw new ImportFileError(
        'not_spreadsheet',
        'the file is not an XLSX workbook: it is plain text without the import columns',
      );
    }
    return validateRows(checkHeader(header), rest, options, 'csv');
  }

  const workbook = await loadWorkbook(
    buffer,
    options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED,
  );
  const sheets = workbook.worksheets.filter((s) => matchKey(s.name) !== INSTRUCTIONS_SHEET_KEY);
  // Visible sheets first: hidden ones usually hold lookup lists.
  sheets.sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  // The first sheet with every required column; failing that, the one with the most columns, so
  // that the error names what is missing there.
  let best: { header: Header | null; rest: Iterable<SheetRow> } | null = null;
  for (const sheet of sheets) {
    const candidate = splitHeader(worksheetRows(sheet));
    const fields = candidate.header?.fields;
    if (fields !== undefined && REQUIRED_FIELDS.every((f) => fields.has(f))) {
      best = candidate;
      break;
    }
    if (best === null || (fields?.size ?? 0) > (best.header?.fields.size ?? 0)) best = candidate;
  }
  if (best === null) {
    throw new ImportFileError('no_header', 'the workbook has no worksheet to import');
  }
  return validateRows(checkHeader(best.header), best.rest, options, 'xlsx');
}
