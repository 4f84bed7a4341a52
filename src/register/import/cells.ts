/**
 * Cell values of an import file, from the XLSX stream reader or CSV, and their conversion to field values.
 */
import { formatIsoDate, isCalendarDate } from '../domain/dates';
import { foldVietnamese, normalizeSingleLine } from '../domain/text';

/** A cell whose content cannot be used at all (an Excel error, a formula without a result). */
export class CellProblem {
  constructor(readonly message: string) {}
}

/** A cell as the import sees it: CSV gives strings; XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null | CellProblem;

type Match<T> = { ok: true; value: T } | { ok: false; message: string };

// A visible character: not whitespace, not a control, not an invisible format character.
// (What common/clean-text.ts removes, plus whitespace.)
const VISIBLE =
  /[^\s\u0000-\u001F\u007F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Empty, or only spaces and invisible characters (what normalisation would turn into ""). */
export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && !VISIBLE.test(cell));
}

/** A Date cell's calendar day. exceljs builds dates at UTC from Excel's serial, so read UTC parts. */
function utcDay(date: Date): string {
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Text of a cell for a text field; dates as ISO days, numbers as JavaScript prints them. */
export function cellText(cell: Exclude<Cell, CellProblem | null>): string {
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : utcDay(cell);
  return String(cell);
}

// Excel's serial day numbers of 1945-01-01 and 2100-12-31 (day 0 is 1899-12-30).
const SERIAL_MIN = 16438;
const SERIAL_MAX = 73415;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const SHORT_YEAR = /^\d{1,2}([/.-])\d{1,2}\1\d{2}$/;
// "ngày 31 tháng 5 năm 2020", the form printed on documents (matched after folding).
const WRITTEN_DATE = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})$/;

/**
 * A date written as text: "2020-05-31", "31/05/2020" (also with "." or "-"; Vietnamese order is
 * always day/month/year), or "ngày 31 tháng 5 năm 2020". Returns an ISO day.
 */
export function parseDateText(input: string): Match<string> {
  const s = normalizeSingleLine(input);
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = ISO_DAY.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = DAY_MONTH_YEAR.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[3]), Number(match[4])];
  } else if ((match = WRITTEN_DATE.exec(foldVietnamese(s)))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if (SHORT_YEAR.test(s)) {
    return { ok: false, message: `"${s}": write the year with four digits, e.g. 31/05/2020` };
  } else {
    return {
      ok: false,
      message: `"${s}" is not a date; write it as dd/mm/yyyy (31/05/2020) or yyyy-mm-dd (2020-05-31)`,
    };
  }
  if (!isCalendarDate(y, m, d)) return { ok: false, message: `"${s}" is not a real calendar date` };
  return { ok: true, value: formatIsoDate(y, m, d) };
}

/** A date cell: an Excel date, an Excel serial number (a date cell formatted as General), or text. */
export function cellDate(cell: Exclude<Cell, CellProblem | null>): Match<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, message: 'is not a valid date' };
    return { ok: true, value: utcDay(cell) };
  }
  if (typeof cell === 'number') {
    if (cell >= SERIAL_MIN && cell < SERIAL_MAX + 1) {
      return { ok: true, value: utcDay(new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000)) };
    }
    return {
      ok: false,
      message: `the number ${cell} is not a date; write it as dd/mm/yyyy (31/05/2020)`,
    };
  }
  if (typeof cell === 'boolean') return { ok: false, message: 'is not a date' };
  return parseDateText(cell);
}

/**
 * A procedure code cell. Excel turns "1.013870" typed into a General cell into the number 1.01387,
 * dropping the trailing zero; every code has six decimals, so a number is printed back with six.
 */
export function cellProcedureCode(cell: Exclude<Cell, CellProblem | null>): string {
  if (typeof cell === 'number' && cell > 0 && cell < 10) return cell.toFixed(6);
  return cellText(cell);
}
