/** Why a whole import file is refused (each maps to HTTP 400). */
export type ImportFileProblem =
  | 'empty'
  | 'not_spreadsheet'
  | 'corrupt'
  | 'encoding'
  | 'no_header'
  | 'missing_columns'
  | 'duplicate_columns'
  | 'invalid_options';

/**
 * The file cannot be read as an import at all: not a spreadsheet, corrupt, wrong encoding, or
 * without the required columns. Upstream: 400 with `message`. Per-row problems are not thrown;
 * they are returned as {@link ImportRowError}s.
 */
export class ImportFileError extends Error {
  readonly problem: ImportFileProblem;
  /** For `missing_columns`: the required columns' Vietnamese headers. */
  readonly missingColumns: readonly string[];

  constructor(problem: ImportFileProblem, message: string, missingColumns: readonly string[] = []) {
    super(message);
    this.name = 'ImportFileError';
    this.problem = problem;
    this.missingColumns = Object.freeze([...missingColumns]);
  }
}

/** The file exceeds a limit: more data rows than `maxRows`, or more bytes. Upstream: 413. */
export class ImportTooLargeError extends Error {
  readonly limit: number;
  readonly unit: 'rows' | 'bytes';

  constructor(unit: 'rows' | 'bytes', limit: number, message?: string) {
    super(
      message ??
        (unit === 'rows'
          ? `the file has more than ${limit} data rows; split it into files of at most ${limit} rows`
          : `the file is larger than ${limit} bytes`),
    );
    this.name = 'ImportTooLargeError';
    this.unit = unit;
    this.limit = limit;
  }
}

/** One bad cell (or row) of an import file, as shown in the error report (Dòng, Cột, Lỗi). */
export interface ImportRowError {
  /** The spreadsheet row number (the header row is usually 1). */
  row: number;
  /** The column header as written in the file. */
  column: string;
  /** The import field the column maps to (e.g. "documentNumber", "issuedOn"). */
  field: string;
  message: string;
}
