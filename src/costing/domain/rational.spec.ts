import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { CostDecimal } from './decimal';
import { Rational } from './rational';

const r = (s: string) => Rational.parse(s);

describe('Rational', () => {
  it('normalises: reduced, positive denominator', () => {
    expect(Rational.of(64_500_000, 2112).toString()).toBe('671875/22');
    expect(Rational.of(6n, -4n).toString()).toBe('-3/2');
    expect(Rational.of(0, -7).toString()).toBe('0');
    expect(Rational.of(10, 5).isInteger()).toBe(true);
  });

  it('refuses a zero denominator and unsafe JS integers', () => {
    expect(() => Rational.of(1, 0)).toThrow(RangeError);
    expect(() => Rational.of(0.5)).toThrow(RangeError);
    expect(() => Rational.of(2 ** 53)).toThrow(RangeError);
  });

  it('parses plain decimals exactly and nothing else', () => {
    expect(Rational.fromDecimalString('0.1').toString()).toBe('1/10');
    expect(Rational.fromDecimalString('-12.50').toString()).toBe('-25/2');
    expect(Rational.fromDecimalString('007').toString()).toBe('7');
    for (const bad of [
      '',
      ' 1',
      '1 ',
      '1e5',
      '0x10',
      '.5',
      '5.',
      '+1',
      'NaN',
      'Infinity',
      '1,000',
    ]) {
      expect(() => Rational.fromDecimalString(bad)).toThrow(SyntaxError);
    }
  });

  it('parse() reads its own toString() form', () => {
    expect(Rational.parse('671875/22').eq(Rational.of(64_500_000, 2112))).toBe(true);
    expect(Rational.parse('-3/6').toString()).toBe('-1/2');
    expect(Rational.parse('42').toString()).toBe('42');
    expect(() => Rational.parse('1/0')).toThrow(RangeError);
    expect(() => Rational.parse('1/-2')).toThrow(SyntaxError);
  });

  it('does exact arithmetic (0.1 + 0.2 = 0.3)', () => {
    expect(r('0.1').add(r('0.2')).eq(r('0.3'))).toBe(true);
    expect(r('1/3').sub(r('1/2')).toString()).toBe('-1/6');
    expect(r('2/3').mul(r('3/4')).toString()).toBe('1/2');
    expect(r('2/3').div(r('4/9')).toString()).toBe('3/2');
    expect(() => r('1').div(Rational.ZERO)).toThrow(RangeError);
    expect(r('5/2').neg().toString()).toBe('-5/2');
    expect(Rational.sum([r('1/2'), r('1/3'), r('1/6')]).eq(Rational.ONE)).toBe(true);
    expect(Rational.sum([]).isZero()).toBe(true);
  });

  it('compares', () => {
    expect(r('1/3').cmp(r('0.3333'))).toBe(1);
    expect(r('1/3').cmp(r('2/6'))).toBe(0);
    expect(r('-1').lt(Rational.ZERO)).toBe(true);
    expect(r('1').lte(r('1'))).toBe(true);
    expect(r('2').gt(r('1'))).toBe(true);
    expect(r('1').gte(r('2'))).toBe(false);
    expect([r('-2').sign(), Rational.ZERO.sign(), r('2').sign()]).toEqual([-1, 0, 1]);
  });

  it('rounds half up (ties away from zero), never banker-style, never "-0"', () => {
    expect(r('0.5').toFixed(0)).toBe('1');
    expect(r('2.5').toFixed(0)).toBe('3');
    expect(r('1.4999999999').toFixed(0)).toBe('1');
    expect(r('-2.5').toFixed(0)).toBe('-3');
    expect(r('-0.4').toFixed(0)).toBe('0');
    expect(r('-0.004').toFixed(2)).toBe('0.00');
    expect(r('0.125').toFixed(2)).toBe('0.13');
    expect(r('0.005').toFixed(2)).toBe('0.01');
    expect(r('0.0049999').toFixed(2)).toBe('0.00');
    expect(r('1/3').toFixed(2)).toBe('0.33');
    expect(r('2/3').toFixed(2)).toBe('0.67');
    expect(r('7').toFixed(2)).toBe('7.00');
    expect(r('671875/22').toFixed(2)).toBe('30539.77');
    expect(() => r('1').toFixed(-1)).toThrow(RangeError);
  });

  it('gives exact decimal strings only for terminating values', () => {
    expect(r('11').toDecimalString()).toBe('11');
    expect(r('21/2').toDecimalString()).toBe('10.5');
    expect(r('3/20').toDecimalString()).toBe('0.15');
    expect(r('-1/16').toDecimalString()).toBe('-0.0625');
    expect(() => r('1/3').toDecimalString()).toThrow(RangeError);
  });

  it('uses a private Decimal clone and leaves the global configuration alone', () => {
    expect(CostDecimal.precision).toBe(60);
    expect(CostDecimal.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(20);
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(CostDecimal).not.toBe(Decimal);
  });

  it('serialises to JSON losslessly and approximates as Decimal', () => {
    expect(JSON.stringify({ a: r('671875/22') })).toBe('{"a":"671875/22"}');
    expect(r('671875/22').toDecimal().toFixed(10)).toBe('30539.7727272727');
  });

  it('toFixed agrees with the (cloned) Decimal ROUND_HALF_UP on terminating decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.nat(12),
        fc.nat(8),
        (n, scale, dp) => {
          const d = new CostDecimal(n.toString()).div(new CostDecimal(10).pow(scale));
          expect(Rational.of(n, 10n ** BigInt(scale)).toFixed(dp)).toBe(
            d.toFixed(dp, CostDecimal.ROUND_HALF_UP).replace(/^-(0\.?0*)$/, '$1'),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips through toString/parse', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 40n }), (n, d) => {
        const x = Rational.of(n, d);
        expect(Rational.parse(x.toString()).eq(x)).toBe(true);
      }),
    );
  });
});
