/**
 * Calendar arithmetic in Vietnam: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so a
 * fixed offset is exact. Pure (no clock read here): the caller passes the instant.
 */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) in Vietnam at an instant: "today" for programmes and reports. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnamese calendar day of an instant as a day number (whole days since 1970-01-01). */
export function vietnamDayNumber(at: Date): number {
  return Math.floor((at.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** The first instant (UTC ISO string) of a calendar day YYYY-MM-DD in Vietnam. */
export function vietnamStartOfDay(date: string): string {
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}

/** The last second (UTC ISO string) of a calendar day YYYY-MM-DD in Vietnam: 23:59:59+07:00. */
export function vietnamEndOfDay(date: string): string {
  return new Date(`${date}T23:59:59+07:00`).toISOString();
}

/** "05/03/2026 09:00": an instant as read in Vietnam (dd/mm/yyyy hh:mm); '' for none. */
export function vietnamDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
}
