/**
 * Vietnamese number, money and date formatting. Money arrives from the API as strings of whole VND
 * (or decimal strings for unit costs) and is formatted AS A STRING: it never goes through a float.
 */

const GROUP = '.';
const DECIMAL = ',';
const DECIMAL_STRING = /^(-?)(\d+)(?:\.(\d+))?$/;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
}

/** "1935937.50" → "1.935.937,50"; "-12000" → "-12.000". Integers (bigint, safe number) too. */
export function formatDecimal(
  value: string | number | bigint | null | undefined,
  fractionDigits?: number,
): string {
  if (value === null || value === undefined || value === '') return '—';
  let text = typeof value === 'string' ? value.trim() : String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '—';
    // Only for counts and percentages (never money): fixed places avoid exponent notation.
    text = fractionDigits === undefined ? String(value) : value.toFixed(fractionDigits);
  }
  const m = DECIMAL_STRING.exec(text);
  if (!m) return text;
  const [, sign, int, frac = ''] = m;
  let fraction = frac;
  if (fractionDigits !== undefined && typeof value !== 'number') {
    // Strings are cut or padded, never rounded through a float (the API already rounded them).
    fraction = frac.padEnd(fractionDigits, '0').slice(0, fractionDigits);
  }
  const head = groupThousands(int.replace(/^0+(?=\d)/, ''));
  const negative = sign && /[1-9]/.test(int + fraction) ? '-' : '';
  return `${negative}${head}${fraction ? DECIMAL + fraction : ''}`;
}

/** Whole or decimal VND: "23231250000" → "23.231.250.000 ₫". */
export function formatMoney(value: string | bigint | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${formatDecimal(value)} ₫`;
}

/** A percentage number from the API (2 decimals): 83.36 → "83,36 %". */
export function formatPercent(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${formatDecimal(typeof value === 'string' ? value : value, 2)} %`;
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000; // UTC+7, no daylight saving
const pad = (n: number) => String(n).padStart(2, '0');

function vietnamParts(value: string | Date) {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return { y, m, d, time: null as string | null };
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const v = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return {
    y: String(v.getUTCFullYear()),
    m: pad(v.getUTCMonth() + 1),
    d: pad(v.getUTCDate()),
    time: `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`,
  };
}

/** dd/mm/yyyy in Vietnam time; a calendar date ("2026-12-31") is shown as is. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = vietnamParts(value);
  return p ? `${p.d}/${p.m}/${p.y}` : String(value);
}

/** dd/mm/yyyy HH:mm in Vietnam time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = vietnamParts(value);
  if (!p) return String(value);
  return p.time ? `${p.d}/${p.m}/${p.y} ${p.time}` : `${p.d}/${p.m}/${p.y}`;
}

/** Today's calendar date in Vietnam, "YYYY-MM-DD" (for date inputs and deadlines). */
export function vietnamToday(now: Date = new Date()): string {
  const p = vietnamParts(now)!;
  return `${p.y}-${p.m}-${p.d}`;
}

/**
 * What a person typed into a number field, as the API's decimal string (or null when it is not
 * a number). Accepts Vietnamese separators ("1.935.937,5", "0,2") and plain ones ("0.2", "12000").
 * Money and counts read dots as thousands separators when they group by three ("12.000");
 * other quantities (hours, frequency) read a single dot as the decimal point ("1.5").
 */
export function parseNumberInput(
  text: string,
  kind: 'money' | 'count' | 'quantity' = 'quantity',
): string | null {
  let s = text.replace(/[\s\u00a0₫]/g, '');
  if (s === '') return null;
  const grouped = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
  if (s.includes(',')) {
    // Comma = decimal separator; dots before it group thousands.
    if (!/^-?[\d.]*,\d*$/.test(s)) return null;
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (grouped.test(s) && (kind !== 'quantity' || (s.match(/\./g) ?? []).length > 1)) {
    s = s.replace(/\./g, '');
  }
  if (s.endsWith('.')) s = s.slice(0, -1);
  return /^-?\d+(\.\d+)?$/.test(s) ? s : null;
}
