import { CostInputError } from './errors';
import { hourlyRateFromExact, resolveHourlyRate, validateCostParameters } from './hourly-rate';
import { Rational } from './rational';

function errorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CostInputError);
    return (e as CostInputError).errors;
  }
  throw new Error('expected a CostInputError');
}

describe('resolveHourlyRate', () => {
  it('derives the 2020 rate as the exact fraction 64,500,000 / 2,112', () => {
    const rate = resolveHourlyRate({ annualIncomePerCapita: 64_500_000 });
    expect(rate.exact.eq(Rational.of(64_500_000, 2112))).toBe(true);
    expect(rate.display).toBe('30539.77');
    expect(rate.source).toBe('derived');
    expect(rate.hoursPerYear?.toString()).toBe('2112');
    expect(rate.annualIncomePerCapita?.toString()).toBe('64500000');
  });

  it('accepts strings and custom (also fractional) divisors', () => {
    const rate = resolveHourlyRate({
      annualIncomePerCapita: '64500000',
      monthsPerYear: '12',
      workingDaysPerMonth: 21.5,
      hoursPerDay: '7.5',
    });
    expect(rate.hoursPerYear?.toString()).toBe('1935');
    expect(rate.exact.eq(Rational.of(64_500_000, 1935))).toBe(true);
    expect(rate.display).toBe('33333.33');
  });

  it('treats null divisors as the defaults', () => {
    const rate = resolveHourlyRate({
      annualIncomePerCapita: 2112,
      hourlyRate: null,
      monthsPerYear: null,
      workingDaysPerMonth: undefined,
      hoursPerDay: null,
    });
    expect(rate.exact.toString()).toBe('1');
  });

  it('rounds the display half up at 2 decimals', () => {
    expect(resolveHourlyRate({ annualIncomePerCapita: 264 }).display).toBe('0.13'); // 0.125
    expect(resolveHourlyRate({ annualIncomePerCapita: '263.99' }).display).toBe('0.12');
  });

  it('keeps an explicit rate as given', () => {
    const rate = resolveHourlyRate({ hourlyRate: '30000.5' });
    expect(rate).toMatchObject({
      display: '30000.50',
      source: 'explicit',
      hoursPerYear: null,
      annualIncomePerCapita: null,
    });
    expect(rate.exact.toString()).toBe('60001/2');
  });

  it('requires exactly one of hourlyRate and annualIncomePerCapita', () => {
    expect(errorsOf(() => resolveHourlyRate({}))).toEqual([
      {
        field: 'annualIncomePerCapita',
        message: 'either annualIncomePerCapita or hourlyRate is required',
      },
    ]);
    expect(errorsOf(() => resolveHourlyRate({ hourlyRate: 1, annualIncomePerCapita: 2 }))).toEqual([
      { field: 'hourlyRate', message: 'give either hourlyRate or annualIncomePerCapita, not both' },
    ]);
    expect(errorsOf(() => resolveHourlyRate(null as never))).toEqual([
      { field: 'body', message: 'must be an object' },
    ]);
  });

  it('reports every invalid field at once', () => {
    expect(
      errorsOf(() =>
        resolveHourlyRate({
          annualIncomePerCapita: -5,
          monthsPerYear: 0,
          workingDaysPerMonth: '32',
          hoursPerDay: 'eight',
        }),
      ),
    ).toEqual([
      { field: 'annualIncomePerCapita', message: 'must not be negative' },
      { field: 'monthsPerYear', message: 'must be greater than zero' },
      { field: 'workingDaysPerMonth', message: 'must not exceed 31' },
      { field: 'hoursPerDay', message: 'must be a plain decimal number such as 12 or 12.5' },
    ]);
  });

  it.each([
    [{ hourlyRate: 0 }, 'hourlyRate', 'must be greater than zero'],
    [{ hourlyRate: '-1' }, 'hourlyRate', 'must not be negative'],
    [{ hourlyRate: '1.001' }, 'hourlyRate', 'must have at most 2 decimal places'],
    [{ hourlyRate: NaN }, 'hourlyRate', 'must be a finite number'],
    [{ hourlyRate: '1e3' }, 'hourlyRate', 'must be a plain decimal number such as 12 or 12.5'],
    [{ annualIncomePerCapita: 0 }, 'annualIncomePerCapita', 'must be greater than zero'],
    [
      { annualIncomePerCapita: '1000000000001' },
      'annualIncomePerCapita',
      'must not exceed 1000000000000',
    ],
    [{ annualIncomePerCapita: 1, monthsPerYear: 13 }, 'monthsPerYear', 'must not exceed 12'],
    [{ annualIncomePerCapita: 1, hoursPerDay: 25 }, 'hoursPerDay', 'must not exceed 24'],
    [{ annualIncomePerCapita: 1, hoursPerDay: '' }, 'hoursPerDay', 'must not be empty'],
    [{ hourlyRate: 1, hoursPerDay: -8 }, 'hoursPerDay', 'must not be negative'],
  ])('refuses %p', (input, field, message) => {
    expect(errorsOf(() => resolveHourlyRate(input))).toEqual([{ field, message }]);
    expect(validateCostParameters(input)).toEqual([{ field, message }]);
  });

  it('validateCostParameters returns [] for a valid set', () => {
    expect(validateCostParameters({ annualIncomePerCapita: 64_500_000 })).toEqual([]);
  });

  it('CostInputError exposes field and message of the first error', () => {
    const e = new CostInputError([
      { field: 'a', message: 'x' },
      { field: 'b', message: 'y' },
    ]);
    expect(e.field).toBe('a');
    expect(e.message).toBe('2 invalid fields: a: x; b: y');
    expect(e.name).toBe('CostInputError');
    expect(CostInputError.single('f', 'm').message).toBe('f: m');
    expect(() => new CostInputError([])).toThrow(RangeError);
  });
});

describe('hourlyRateFromExact', () => {
  it('wraps a stored exact rate and refuses non-positive ones', () => {
    const rate = hourlyRateFromExact(Rational.parse('671875/22'), 'derived');
    expect(rate.display).toBe('30539.77');
    expect(rate.source).toBe('derived');
    expect(() => hourlyRateFromExact(Rational.ZERO)).toThrow(CostInputError);
  });
});
