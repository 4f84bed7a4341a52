import { NumericRule, parseNumeric, limitValue } from './numeric-input';
import { Rational } from './rational';

const money: NumericRule = { maxDecimalPlaces: 2, max: Rational.of(1_000_000_000_000) };
const qty: NumericRule = { maxDecimalPlaces: 20 };

function ok(value: unknown, rule: NumericRule = qty): string {
  const r = parseNumeric(value, rule);
  if (!r.ok) throw new Error(`expected ${String(value)} to parse: ${r.message}`);
  return r.value.toString();
}
function err(value: unknown, rule: NumericRule = qty): string {
  const r = parseNumeric(value, rule);
  if (r.ok) throw new Error(`expected ${String(value)} to be refused`);
  return r.message;
}

describe('parseNumeric', () => {
  it('reads JS numbers through their shortest decimal string, not through float maths', () => {
    expect(ok(0.1)).toBe('1/10');
    expect(ok(0.2)).toBe('1/5');
    expect(ok(0.1 + 0.2)).toBe('7500000000000001/25000000000000000'); // what the client really sent
    expect(ok(1e-7)).toBe('1/10000000');
    expect(ok(12000)).toBe('12000');
    expect(ok(-0)).toBe('0');
    expect(ok(Number.MAX_SAFE_INTEGER)).toBe(String(Number.MAX_SAFE_INTEGER));
  });

  it('reads plain decimal strings exactly', () => {
    expect(ok('64500000')).toBe('64500000');
    expect(ok('0.2')).toBe('1/5');
    expect(ok('1000000.50', money)).toBe('2000001/2');
    expect(ok('100.000', money)).toBe('100'); // trailing zeros are not decimal places
    expect(ok('0')).toBe('0');
    expect(ok('-0')).toBe('0');
  });

  it.each([
    [NaN, 'must be a finite number'],
    [Infinity, 'must be a finite number'],
    [-Infinity, 'must be a finite number'],
    [2 ** 53, 'is too large for a JSON number; send it as a decimal string'],
    ['', 'must not be empty'],
    ['1'.repeat(65), 'is too long'],
    ['1e400', 'must be a plain decimal number such as 12 or 12.5'],
    ['1E5', 'must be a plain decimal number such as 12 or 12.5'],
    ['0x10', 'must be a plain decimal number such as 12 or 12.5'],
    ['NaN', 'must be a plain decimal number such as 12 or 12.5'],
    ['Infinity', 'must be a plain decimal number such as 12 or 12.5'],
    [' 12', 'must be a plain decimal number such as 12 or 12.5'],
    ['12 ', 'must be a plain decimal number such as 12 or 12.5'],
    ['1,5', 'must be a plain decimal number such as 12 or 12.5'],
    ['1_000', 'must be a plain decimal number such as 12 or 12.5'],
    ['+5', 'must be a plain decimal number such as 12 or 12.5'],
    ['.5', 'must be a plain decimal number such as 12 or 12.5'],
    ['abc', 'must be a plain decimal number such as 12 or 12.5'],
    [-1, 'must not be negative'],
    ['-0.01', 'must not be negative'],
    [true, 'must be a number or a decimal string'],
    [null, 'must be a number or a decimal string'],
    [{}, 'must be a number or a decimal string'],
    [[1], 'must be a number or a decimal string'],
    [10n, 'must be a number or a decimal string'],
  ])('refuses %p', (value, message) => {
    expect(err(value)).toBe(message);
  });

  it('enforces decimal places, positivity and the cap', () => {
    expect(err('1.005', money)).toBe('must have at most 2 decimal places');
    expect(err(0.001, money)).toBe('must have at most 2 decimal places');
    expect(err('1.5', { maxDecimalPlaces: 0 })).toBe('must be a whole number');
    expect(err('0', { maxDecimalPlaces: 2, positive: true })).toBe('must be greater than zero');
    expect(err('1000000000000.01', money)).toBe('must not exceed 1000000000000');
    expect(ok('1000000000000', money)).toBe('1000000000000');
    expect(err('0.' + '0'.repeat(20) + '1')).toBe('must have at most 20 decimal places');
  });

  it('validates configured limits', () => {
    expect(limitValue('x', '10000').toString()).toBe('10000');
    expect(() => limitValue('x', 0)).toThrow(RangeError);
    expect(() => limitValue('x', 'lots')).toThrow(/Invalid cost limit x/);
  });
});
