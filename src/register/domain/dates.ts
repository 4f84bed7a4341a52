/**
 * Calendar dates of the register (ngày ban hành, ngày hiệu lực, ngày hết hiệu lực) are ISO strings
 * `YYYY-MM-DD` with no time and no time zone: a document is effective on a day in Vietnam, not at
 * an instant. Plain string comparison orders them correctly.
 */

/** The earliest plausible year of a legal document still relevant (the Democratic Republic, 1945). */
export const MIN_DOCUMENT_YEAR = 1945;
/** Beyond this a year is a typing mistake, not a plan. */
export const MAX_DOCUMENT_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real day of the Gregorian calendar (no 31 April, 29 February only in leap years). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoDateYear(value: string): number {
  return Number(value.slice(0, 4));
}

/**
 * Why a date input is refused, or null when it is a plausible document date. Absence is the
 * caller's business (required or optional).
 */
export function documentDateProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a date string such as "2020-05-31"';
  const m = ISO_DATE.exec(value);
  if (!m) return 'must be a date in the form YYYY-MM-DD, such as "2020-05-31"';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(year, month, day)) return `${value} is not a real calendar date`;
  if (year < MIN_DOCUMENT_YEAR || year > MAX_DOCUMENT_YEAR) {
    return `the year ${year} is not plausible (${MIN_DOCUMENT_YEAR}–${MAX_DOCUMENT_YEAR})`;
  }
  return null;
}
