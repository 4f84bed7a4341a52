import { CostDecimal } from './decimal';
import { Rational } from './rational';

/** A request number: a JS number or a plain decimal string ("12", "0.2", "1000000"). */
export type NumericInput = number | string;

/** Money (VND) may carry at most 2 decimals: exact to the đồng-hundredth, like displayed unit costs. */
export const MONEY_DECIMAL_PLACES = 2;
/** Hours, frequency, subjects: enough for any JS number a client may send (e.g. 1/3 as a double). */
export const QUANTITY_DECIMAL_PLACES = 20;
/** Longer strings are refused before BigInt parsing; no legitimate value needs more. */
export const MAX_NUMERIC_STRING_LENGTH = 64;

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

export interface NumericRule {
  maxDecimalPlaces: number;
  /** Zero is refused too (rates, divisors); otherwise zero is allowed and only negatives are refused. */
  positive?: boolean;
  /** Inclusive upper bound. */
  max?: Rational;
}

export type NumericParse = { ok: true; value: Rational } | { ok: false; message: string };

function fail(message: string): NumericParse {
  return { ok: false, message };
}

/**
 * Strict, exact parsing of one request number. A JS number goes through its shortest decimal
 * string (String(n)), never through float arithmetic; strings must be plain decimals, so "1e400",
 * "0x10", "", " 1", "Infinity" and "NaN" are all refused.
 */
export function parseNumeric(value: unknown, rule: NumericRule): NumericParse {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('must be a finite number');
    // Beyond 2^53 a JSON number has already lost digits on the way in.
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      return fail('is too large for a JSON number; send it as a decimal string');
    }
    // String(1e-7) is "1e-7"; Decimal turns the shortest representation into plain digits.
    text = new CostDecimal(String(value)).toFixed();
  } else if (typeof value === 'string') {
    if (value.length === 0) return fail('must not be empty');
    if (value.length > MAX_NUMERIC_STRING_LENGTH) return fail('is too long');
    if (!PLAIN_DECIMAL.test(value))
      return fail('must be a plain decimal number such as 12 or 12.5');
    text = value;
  } else {
    return fail('must be a number or a decimal string');
  }

  const parsed = Rational.fromDecimalString(text);
  if (parsed.sign() < 0) return fail('must not be negative');
  if (rule.positive && parsed.isZero()) return fail('must be greater than zero');
  // Trailing zeros do not count: "100.000" is exactly 100.
  const fraction = text.includes('.') ? text.slice(text.indexOf('.') + 1).replace(/0+$/, '') : '';
  const places = fraction.length;
  if (places > rule.maxDecimalPlaces) {
    return fail(
      rule.maxDecimalPlaces === 0
        ? 'must be a whole number'
        : `must have at most ${rule.maxDecimalPlaces} decimal places`,
    );
  }
  if (rule.max && parsed.gt(rule.max)) return fail(`must not exceed ${rule.max.toDecimalString()}`);
  return { ok: true, value: parsed };
}

/** Turns a configured limit (number or decimal string) into an exact value; throws on nonsense. */
export function limitValue(name: string, value: NumericInput): Rational {
  const r = parseNumeric(value, { maxDecimalPlaces: QUANTITY_DECIMAL_PLACES, positive: true });
  if (!r.ok) throw new RangeError(`Invalid cost limit ${name}: ${r.message}`);
  return r.value;
}
