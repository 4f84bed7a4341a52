import { emptySet, parameterSetBody } from './parameter-set-form';

describe('parameter set form', () => {
  it('sends the year as a number and money typed the Vietnamese way as strings', () => {
    const v = {
      ...emptySet,
      year: '2026',
      annualIncomePerCapita: '114.000.000',
      hoursPerDay: '7,5',
    };
    expect(parameterSetBody(v, false)).toEqual({
      year: 2026,
      annualIncomePerCapita: '114000000',
      hoursPerDay: '7.5',
    });
  });

  it('on an edit, a cleared field is null (its default) and the year stays', () => {
    const v = { ...emptySet, year: '2026', hourlyRate: '30.000' };
    expect(parameterSetBody(v, true)).toEqual({
      year: 2026,
      annualIncomePerCapita: null,
      hourlyRate: '30000',
      monthsPerYear: null,
      workingDaysPerMonth: null,
      hoursPerDay: null,
    });
  });
});
