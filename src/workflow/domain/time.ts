import { vietnamEndOfDay } from '../../common/vietnam-time';
/**
 * Pure date/time helpers for the workflow. No clock is read here: "now" always comes in from the
 * caller (WorkflowFacts.now), so tests run on a fixed clock.
 */

const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

export class DateTimeFormatError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'DateTimeFormatError';
  }
}

function isValidCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this month.
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= lastDay;
}

function describe(input: unknown): string {
  return typeof input === 'string' ? `"${input}"` : typeof input;
}

/**
 * Parses a calendar date "YYYY-MM-DD" (e.g. a decision date or an effective date) and returns it
 * unchanged once validated. Throws DateTimeFormatError otherwise.
 */
export function parseCalendarDate(input: unknown): string {
  if (typeof input !== 'string') {
    throw new DateTimeFormatError(`expected a date YYYY-MM-DD, got ${describe(input)}`);
  }
  const m = DATE_ONLY.exec(input.trim());
  if (!m || !isValidCalendarDate(+m[1], +m[2], +m[3])) {
    throw new DateTimeFormatError(`expected a valid date YYYY-MM-DD, got ${describe(input)}`);
  }
  return input.trim();
}

/**
 * Parses an ISO 8601 date-time that carries an explicit offset ("Z" or "+07:00") and returns it
 * as a UTC ISO string. A date-time without an offset is ambiguous (whose midnight?) and refused.
 */
export function parseInstant(input: unknown): string {
  if (typeof input !== 'string') {
    throw new DateTimeFormatError(`expected an ISO 8601 date-time, got ${describe(input)}`);
  }
  const m = DATE_TIME.exec(input.trim());
  if (!m) {
    throw new DateTimeFormatError(
      `expected an ISO 8601 date-time such as 2026-12-31T17:00:00+07:00, got ${describe(input)}`,
    );
  }
  const [, y, mo, d, h, mi, s = '0', frac = '0', offset] = m;
  if (offset === undefined) {
    throw new DateTimeFormatError(
      `date-time ${describe(input)} has no time zone offset; add "Z" or e.g. "+07:00"`,
    );
  }
  if (!isValidCalendarDate(+y, +mo, +d) || +h > 23 || +mi > 59 || +s > 59) {
    throw new DateTimeFormatError(`${describe(input)} is not a valid date-time`);
  }
  let offsetMinutes = 0;
  if (offset !== 'Z' && offset !== 'z') {
    const digits = offset.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = +digits.slice(2, 4);
    if (oh > 23 || om > 59) {
      throw new DateTimeFormatError(`${describe(input)} has an invalid offset`);
    }
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Math.floor(+`0.${frac}` * 1000);
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms) - offsetMinutes * 60 * 1000;
  return new Date(utc).toISOString();
}

/**
 * Parses a deadline (hạn chót). A date alone ("2026-12-31") means the end of that day in
 * Asia/Ho_Chi_Minh, 23:59:59+07:00 ("2026-12-31T16:59:59.000Z"); a date-time must carry an
 * offset. Returns a UTC ISO string; throws DateTimeFormatError on anything else.
 */
export function parseDeadline(input: unknown): string {
  if (typeof input === 'string' && DATE_ONLY.test(input.trim())) {
    const date = parseCalendarDate(input);
    return parseInstant(vietnamEndOfDay(date));
  }
  return parseInstant(input);
}

/** Milliseconds since the epoch of a UTC ISO string produced by the parsers above. */
export function toMillis(iso: string): number {
  return Date.parse(iso);
}

export function addMillis(iso: string, ms: number): string {
  return new Date(toMillis(iso) + ms).toISOString();
}
