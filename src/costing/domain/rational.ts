import { CostDecimal } from './decimal';

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const FRACTION = /^(-?\d+)\/(\d+)$/;

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function toBigInt(n: bigint | number, what: string): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a safe integer, got ${n}`);
  return BigInt(n);
}

/**
 * An exact fraction on BigInt numerator/denominator, always reduced with a positive denominator.
 * The derived hourly rate (e.g. 64,500,000/2,112) has no finite decimal form, so every cost figure
 * is carried as a fraction and rounded exactly once, when shown or stored.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = toBigInt(num, 'numerator');
    const d = toBigInt(den, 'denominator');
    if (d === 0n) throw new RangeError('Rational denominator must not be zero');
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n, d) || 1n;
    return new Rational((sign * n) / g, (sign * d) / g);
  }

  /** Exact value of a plain decimal string such as "12", "-0.25" (no exponent, no spaces). */
  static fromDecimalString(s: string): Rational {
    const m = PLAIN_DECIMAL.exec(s);
    if (!m) throw new SyntaxError(`Not a plain decimal number: ${JSON.stringify(s)}`);
    const frac = m[3] ?? '';
    const digits = BigInt(m[2] + frac);
    return Rational.of(m[1] === '-' ? -digits : digits, 10n ** BigInt(frac.length));
  }

  /** Inverse of toString(): accepts "n/d", an integer or a plain decimal string. */
  static parse(s: string): Rational {
    const m = FRACTION.exec(s);
    if (m) return Rational.of(BigInt(m[1]), BigInt(m[2]));
    return Rational.fromDecimalString(s);
  }

  static sum(values: Iterable<Rational>): Rational {
    let total = Rational.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }

  add(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }

  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }

  lte(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }

  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }

  gte(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }

  /**
   * Rounded to `dp` decimals, half up (ties away from zero, as Decimal.ROUND_HALF_UP), as a plain
   * string. This is the single rounding step of every figure; exact, no intermediate decimal.
   */
  toFixed(dp = 0): string {
    if (!Number.isSafeInteger(dp) || dp < 0) throw new RangeError(`Invalid decimal places: ${dp}`);
    const scaled = abs(this.num) * 10n ** BigInt(dp);
    let q = scaled / this.den;
    if (2n * (scaled % this.den) >= this.den) q += 1n;
    let digits = q.toString();
    if (dp > 0) {
      digits = digits.padStart(dp + 1, '0');
      digits = `${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
    }
    return this.num < 0n && q !== 0n ? `-${digits}` : digits;
  }

  /** The exact decimal form with no trailing zeros; throws if the value does not terminate. */
  toDecimalString(): string {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    if (d !== 1n) throw new RangeError(`${this.toString()} has no finite decimal form`);
    return this.toFixed(Math.max(twos, fives));
  }

  /** A Decimal approximation (60 significant digits); for display or logging, not for money. */
  toDecimal(): InstanceType<typeof CostDecimal> {
    return new CostDecimal(this.num.toString()).div(this.den.toString());
  }

  /** "n/d", or "n" for integers; lossless, suitable for storage (see Rational.parse). */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** BigInt cannot be JSON-serialised; a Rational serialises as its lossless string form. */
  toJSON(): string {
    return this.toString();
  }
}
