/**
 * Reading and validating a bulk-import file (XLSX or CSV) into typed rows and per-cell errors.
 * Pure: no database; the caller decides what to write (all rows when there is no error, or the
 * valid rows only when asked) and checks what needs the database (document already stored…).
 */
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
import { Cell, CellProblem, cellDate, cellProcedureCode, cellText, isBlankCell } from './cells';
import { IMPORT_COLUMN_BY_FIELD, IMPORT_COLUMNS, ImportField, matchHeader } from './columns';
import {
  CsvEncodingError,
  CsvFieldTooLongError,
  CsvParser,
  CsvSyntaxError,
  decodeCsvBytes,
  detectDelimiter,
} from './csv';
import { ImportFileError, ImportRowError, ImportTooLargeError } from './errors';
import { checkXlsxArchive, describeNonSpreadsheet, ImportFormat } from './format';
import { DEFAULT_XLSX_BUDGETS, openXlsx, SheetRow, XlsxBudgets } from './xlsx-stream';

export interface ImportOptions {
  /** Most data rows accepted (blank rows are not counted); more → ImportTooLargeError (413). */
  maxRows: number;
  /** The current sector list; cells may give a sector's code or name. */
  sectors: readonly Sector[];
  /** XLSX only: most bytes the workbook may unpack to, counted as they flow. Default 256 MiB. */
  maxUncompressedBytes?: number;
  /** Budgets per cell, row and sheet while reading (defaults: DEFAULT_XLSX_BUDGETS). */
  budgets?: Partial<XlsxBudgets>;
  /** Most row errors kept (all are counted in `errorCount`). Default: all. */
  maxErrors?: number;
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
  /** Every bad cell, by row then column (the first `maxErrors`). Empty when the file is valid. */
  errors: ImportRowError[];
  /** All bad cells, also those beyond `maxErrors`. */
  errorCount: number;
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

/** The header may sit below a title block; it is looked for among the first non-blank rows. */
const HEADER_SEARCH_ROWS = 10;

// ---------------------------------------------------------------------------------------------
// Reading rows

/**
 * CSV rows in batches, decoded and parsed slice by slice (the upload is already bounded in size;
 * no cell may hold more than the cell budget, so one unterminated quote cannot build a huge cell).
 */
async function* csvRows(buffer: Buffer, budgets: XlsxBudgets): AsyncGenerator<SheetRow[]> {
  let text: string;
  try {
    text = decodeCsvBytes(buffer);
  } catch (e) {
    if (e instanceof CsvEncodingError) throw new ImportFileError('encoding', e.message);
    throw e;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const parser = new CsvParser(detectDelimiter(text), budgets.cellChars);
  let rowNumber = 0;
  const number = (records: string[][]): SheetRow[] =>
    records.map((cells) => ({ rowNumber: ++rowNumber, cells }));
  // Parsed in slices so that a file over the row limit is refused without parsing all of it.
  const SLICE = 1 << 16;
  try {
    for (let i = 0; i < text.length; i += SLICE) {
      const records = parser.push(text.slice(i, i + SLICE));
      if (records.length > 0) yield number(records);
    }
    const last = parser.end();
    if (last.length > 0) yield number(last);
  } catch (e) {
    if (e instanceof CsvFieldTooLongError) {
      throw new ImportTooLargeError(
        'bytes',
        budgets.cellChars,
        `a cell near line ${e.line} holds more than ${budgets.cellChars} characters, more than the import allows`,
      );
    }
    if (e instanceof CsvSyntaxError) {
      throw new ImportFileError('corrupt', `the CSV file is malformed: ${e.message}`);
    }
    throw e;
  }
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

async function validateRows(
  header: Header,
  rows: AsyncIterable<SheetRow[]>,
  options: ImportOptions,
  format: ImportFormat,
): Promise<ImportResult> {
  const validator = new RowValidator(header, options.sectors);
  const valid: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  const maxErrors = options.maxErrors ?? Infinity;
  let errorCount = 0;
  let totalRows = 0;
  let invalidRows = 0;
  // Leaving the loop early (the row limit) closes the reader and frees its inflater.
  for await (const batch of rows) {
    for (const row of batch) {
      if (validator.isBlank(row)) continue;
      totalRows++;
      if (totalRows > options.maxRows) throw new ImportTooLargeError('rows', options.maxRows);
      const outcome = validator.validate(row);
      if (outcome.row !== null) valid.push(outcome.row);
      if (outcome.errors.length > 0) {
        invalidRows++;
        errorCount += outcome.errors.length;
        for (const e of outcome.errors) if (errors.length < maxErrors) errors.push(e);
      }
    }
  }
  return {
    format,
    rows: valid,
    errors,
    errorCount,
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

interface SplitSheet {
  header: Header | null;
  rest: AsyncIterable<SheetRow[]>;
  /** Stops reading the sheet (frees its inflater) when it is not the one imported. */
  close(): Promise<void>;
}

/** Reads up to HEADER_SEARCH_ROWS non-blank rows, finds the header, and yields the rows after it. */
async function splitHeader(rows: AsyncGenerator<SheetRow[]>): Promise<SplitSheet> {
  const lookahead: SheetRow[] = [];
  let leftover: SheetRow[] = [];
  while (lookahead.length < HEADER_SEARCH_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    const batch = next.value;
    let i = 0;
    for (; i < batch.length && lookahead.length < HEADER_SEARCH_ROWS; i++) {
      if (batch[i].cells.some((c) => !isBlankCell(c))) lookahead.push(batch[i]);
    }
    leftover = batch.slice(i);
  }
  const header = chooseHeader(lookahead);
  const start = header === null ? lookahead.length : header.index + 1;
  const first = [...lookahead.slice(start), ...leftover];
  const rest: AsyncIterable<SheetRow[]> = {
    async *[Symbol.asyncIterator]() {
      if (first.length > 0) yield first;
      try {
        for (let next = await rows.next(); !next.done; next = await rows.next()) yield next.value;
      } finally {
        await rows.return(undefined);
      }
    },
  };
  return { header, rest, close: async () => void (await rows.return(undefined)) };
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
 * ".xlsx" is refused as a PNG. Both formats are read as a stream, within the byte budgets.
 *
 * Throws ImportFileError (400) for anything that is not a readable spreadsheet or lacks required
 * columns, ImportTooLargeError (413) over `maxRows` data rows, `maxUncompressedBytes` or a budget.
 */
export async function parseImportFile(
  buffer: Buffer,
  declared: ImportFormat | undefined,
  options: ImportOptions,
): Promise<ImportResult> {
  checkOptions(options);
  const budgets: XlsxBudgets = { ...DEFAULT_XLSX_BUDGETS, ...options.budgets };
  if (options.maxUncompressedBytes !== undefined) budgets.totalBytes = options.maxUncompressedBytes;
  const problem = describeNonSpreadsheet(buffer);
  if (problem !== null) {
    throw new ImportFileError(buffer.length === 0 ? 'empty' : 'not_spreadsheet', problem);
  }
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b;
  if (!isZip) {
    const { header, rest } = await splitHeader(csvRows(buffer, budgets));
    if (header === null && declared === 'xlsx') {
      throw new ImportFileError(
        'not_spreadsheet',
        'the file is not an XLSX workbook: it is plain text without the import columns',
      );
    }
    return validateRows(checkHeader(header), rest, options, 'csv');
  }

  // The declared sizes refuse an honest bomb at once; the reader counts the real bytes anyway.
  checkXlsxArchive(buffer, budgets.totalBytes);
  const all = await openXlsx(buffer, budgets);
  const sheets = all.filter((s) => matchKey(s.name) !== INSTRUCTIONS_SHEET_KEY);
  // Visible sheets first: hidden ones usually hold lookup lists.
  sheets.sort((a, b) => Number(!a.visible) - Number(!b.visible));
  // The first sheet with every required column; failing that, the one with the most columns, so
  // that the error names what is missing there (its rows are then not needed).
  let best: Header | null = null;
  for (const sheet of sheets) {
    const candidate = await splitHeader(sheet.rows());
    const fields = candidate.header?.fields;
    if (fields !== undefined && REQUIRED_FIELDS.every((f) => fields.has(f))) {
      return validateRows(checkHeader(candidate.header), candidate.rest, options, 'xlsx');
    }
    await candidate.close();
    if (best === null || (fields?.size ?? 0) > best.fields.size) best = candidate.header;
  }
  if (sheets.length === 0) {
    throw new ImportFileError('no_header', 'the workbook has no worksheet to import');
  }
  checkHeader(best);
  throw new Error('unreachable: a header without every required column passed the check');
}
