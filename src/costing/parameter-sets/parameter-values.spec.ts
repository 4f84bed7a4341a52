import { CostInputError } from '../domain';
import { mergeParameterPatch, sameValues, toParameterValues } from './parameter-values';

const derived = toParameterValues({ year: 2020, annualIncomePerCapita: 64_500_000 });

describe('parameter-set values', () => {
  it('normalises a derived set and keeps the rate as the exact fraction', () => {
    expect(derived).toEqual({
      year: 2020,
      hourlyRate: null,
      annualIncomePerCapita: '64500000',
      monthsPerYear: '12',
      workingDaysPerMonth: '22',
      hoursPerDay: '8',
      hourlyRateExact: '671875/22',
    });
    expect(
      toParameterValues({ year: 2021, hourlyRate: '30000.50', hoursPerDay: '7.5' }),
    ).toMatchObject({
      hourlyRate: '30000.5',
      annualIncomePerCapita: null,
      hoursPerDay: '7.5',
      hourlyRateExact: '60001/2',
    });
  });

  it('throws CostInputError naming every bad field', () => {
    try {
      toParameterValues({ year: 2020, annualIncomePerCapita: -1, monthsPerYear: 13 });
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(CostInputError);
      expect((err as CostInputError).errors.map((e) => e.field).sort()).toEqual([
        'annualIncomePerCapita',
        'monthsPerYear',
      ]);
    }
  });

  it('keeps fields a PATCH does not give, and switches the kind of rate when given the other', () => {
    expect(mergeParameterPatch(derived, { workingDaysPerMonth: 20 })).toMatchObject({
      year: 2020,
      annualIncomePerCapita: '64500000',
      hourlyRate: null,
      workingDaysPerMonth: 20,
    });
    const explicit = mergeParameterPatch(derived, { hourlyRate: 40000 });
    expect(explicit).toMatchObject({ hourlyRate: 40000, annualIncomePerCapita: null });
    expect(toParameterValues(explicit).hourlyRateExact).toBe('40000');
    const back = mergeParameterPatch(toParameterValues(explicit), {
      annualIncomePerCapita: '70000000',
    });
    expect(back).toMatchObject({ hourlyRate: null, annualIncomePerCapita: '70000000' });
    // Both at once is refused by the domain, as on create.
    const both = mergeParameterPatch(derived, { hourlyRate: 1, annualIncomePerCapita: 2 });
    expect(() => toParameterValues(both)).toThrow(CostInputError);
    // null resets a divisor to its default.
    const reset = mergeParameterPatch({ ...derived, monthsPerYear: '11' }, { monthsPerYear: null });
    expect(toParameterValues(reset).monthsPerYear).toBe('12');
    // Clearing the only rate leaves none: the domain asks for one.
    expect(() =>
      toParameterValues(mergeParameterPatch(derived, { annualIncomePerCapita: null })),
    ).toThrow(CostInputError);
  });

  it('sees an edit that changes nothing as no change', () => {
    const again = toParameterValues(
      mergeParameterPatch(derived, { annualIncomePerCapita: '64500000.00', hoursPerDay: 8 }),
    );
    expect(sameValues(derived, again)).toBe(true);
    expect(
      sameValues(derived, toParameterValues(mergeParameterPatch(derived, { year: 2019 }))),
    ).toBe(false);
  });
});
