import {
  CostEstimateInput,
  calculateEstimate,
  calculateParsedEstimate,
  compareEstimates,
  parseEstimate,
  percentOf,
  roundVnd,
  validateEstimate,
} from './cost-calculator';
import { CostInputError } from './errors';
import { resolveHourlyRate } from './hourly-rate';
import { Rational } from './rational';

const rate2020 = resolveHourlyRate({ annualIncomePerCapita: 64_500_000 });

const baselineInput: CostEstimateInput = {
  subjectType: 'business',
  costKind: 'recurring',
  activities: [
    { name: 'Prepare dossier', hours: 8 },
    { name: 'Submit', hours: 2 },
    { name: 'Receive result', hours: 1 },
  ],
  hiredServices: 1_000_000,
  feesAndCharges: 500_000,
  otherCosts: 100_000,
  frequencyPerYear: 1,
  subjectsPerYear: 12_000,
};

const proposedInput: CostEstimateInput = {
  subjectType: 'business',
  costKind: 'recurring',
  activities: [
    { name: 'Prepare dossier', hours: 3 },
    { name: 'Submit online', hours: 1 },
  ],
  hiredServices: 0,
  feesAndCharges: 200_000,
  otherCosts: 0,
  frequencyPerYear: 1,
  subjectsPerYear: 12_000,
};

/** A simple estimate with an explicit rate of 1 VND/h, so hours map straight to VND. */
function simple(overrides: Partial<CostEstimateInput> = {}): CostEstimateInput {
  return {
    subjectType: 'citizen',
    costKind: 'one_off',
    activities: [],
    hiredServices: 0,
    feesAndCharges: 0,
    otherCosts: 0,
    frequencyPerYear: 1,
    subjectsPerYear: 1,
    ...overrides,
  };
}
const rateOne = resolveHourlyRate({ hourlyRate: 1 });

function errorsOf(input: unknown, limits?: Parameters<typeof validateEstimate>[1]) {
  const v = validateEstimate(input, limits);
  expect(v.ok).toBe(false);
  return v.errors;
}

describe('worked example (domain.md §4), to the đồng', () => {
  const baseline = calculateEstimate(baselineInput, rate2020);
  const proposed = calculateEstimate(proposedInput, rate2020);

  it('baseline', () => {
    expect(baseline).toMatchObject({
      hourlyRate: '30539.77',
      totalHours: '11',
      timeCost: '335937.50',
      hiredServices: '1000000.00',
      feesAndCharges: '500000.00',
      otherCosts: '100000.00',
      unitCost: '1935937.50',
      annualCost: '23231250000',
      hasRange: false,
    });
    expect(baseline.exact.hourlyRate.eq(Rational.of(64_500_000, 2112))).toBe(true);
    expect(baseline.exact.annualCost.toString()).toBe('23231250000');
    expect(baseline.annualCostLow).toBeUndefined();
    expect(baseline.annualCostHigh).toBeUndefined();
  });

  it('proposed', () => {
    expect(proposed).toMatchObject({
      totalHours: '4',
      timeCost: '122159.09',
      unitCost: '322159.09',
      annualCost: '3865909091',
    });
    // Exact: 3,865,909,090.90…; rounded once.
    expect(proposed.exact.annualCost.toString()).toBe('42525000000/11');
  });

  it('savings and reduction from the exact figures', () => {
    const c = compareEstimates(baseline, proposed);
    expect(c.savings).toBe('19365340909');
    expect(c.reductionPct).toBe(83.36);
    expect(c.baselineAnnualCost).toBe('23231250000');
    expect(c.proposedAnnualCost).toBe('3865909091');
    expect(c.exact.savings.toString()).toBe('213018750000/11'); // 19,365,340,909.09…
    // Same with the exact Rationals passed directly.
    expect(compareEstimates(baseline.exact.annualCost, proposed.exact.annualCost).savings).toBe(
      '19365340909',
    );
  });

  it('is the same with every number sent as a string', () => {
    const asStrings = JSON.parse(JSON.stringify(baselineInput), (_k, v) =>
      typeof v === 'number' ? String(v) : v,
    );
    expect(calculateEstimate(asStrings, rate2020).annualCost).toBe('23231250000');
  });

  it('abolition saves the whole baseline', () => {
    const c = compareEstimates(baseline, 'abolish');
    expect(c).toMatchObject({
      savings: '23231250000',
      reductionPct: 100,
      proposedAnnualCost: '0',
    });
  });
});

describe('rounding', () => {
  it('rounds x.5 VND of annual cost up', () => {
    expect(
      calculateEstimate(simple({ activities: [{ name: 'a', hours: 0.5 }] }), rateOne).annualCost,
    ).toBe('1');
    expect(calculateEstimate(simple({ otherCosts: '2.5' }), rateOne).annualCost).toBe('3');
    expect(calculateEstimate(simple({ otherCosts: '2.49' }), rateOne).annualCost).toBe('2');
    expect(
      calculateEstimate(simple({ otherCosts: '0.5', subjectsPerYear: 3 }), rateOne).annualCost,
    ).toBe('2');
  });

  it('rounds display figures half up at 2 decimals', () => {
    const c = calculateEstimate(simple({ activities: [{ name: 'a', hours: '0.005' }] }), rateOne);
    expect(c.timeCost).toBe('0.01');
    expect(c.unitCost).toBe('0.01');
    const d = calculateEstimate(simple({ activities: [{ name: 'a', hours: '0.0049' }] }), rateOne);
    expect(d.unitCost).toBe('0.00');
  });

  it('rounds once: unit cost and annual cost both come from the unrounded rate', () => {
    // 1 h at 64,500,000/2,112 = 30,539.7727…; × 1,000 subjects = 30,539,772.7… → 30,539,773
    // (rounding the rate first would give 30,539,770).
    const c = calculateEstimate(
      simple({ activities: [{ name: 'a', hours: 1 }], subjectsPerYear: 1000 }),
      rate2020,
    );
    expect(c.unitCost).toBe('30539.77');
    expect(c.annualCost).toBe('30539773');
  });

  it('helpers', () => {
    expect(roundVnd(Rational.parse('21/2'))).toBe('11');
    expect(percentOf(Rational.of(1), Rational.of(3))).toBe(33.33);
    expect(percentOf(Rational.of(2), Rational.of(3))).toBe(66.67);
    expect(percentOf(Rational.of(1), Rational.of(800))).toBe(0.13); // 0.125 → 0.13
    expect(percentOf(Rational.of(1), Rational.ZERO)).toBeNull();
  });
});

describe('calculation', () => {
  it('supports fractional frequency (once in five years)', () => {
    const c = calculateEstimate({ ...baselineInput, frequencyPerYear: 0.2 }, rate2020);
    expect(c.annualCost).toBe('4646250000');
    const s = calculateEstimate({ ...baselineInput, frequencyPerYear: '0.2' }, rate2020);
    expect(s.exact.annualCost.eq(c.exact.annualCost)).toBe(true);
  });

  it('allows zero activities and zero subjects', () => {
    const c = calculateEstimate(simple({ feesAndCharges: 50_000, subjectsPerYear: 10 }), rate2020);
    expect(c).toMatchObject({
      totalHours: '0',
      timeCost: '0.00',
      unitCost: '50000.00',
      annualCost: '500000',
    });
    expect(
      calculateEstimate(simple({ feesAndCharges: 1, subjectsPerYear: 0 }), rateOne).annualCost,
    ).toBe('0');
  });

  it('uses an explicit hourly rate, passed as HourlyRate or as a Rational', () => {
    const explicit = resolveHourlyRate({ hourlyRate: '25000' });
    const input = simple({ activities: [{ name: 'a', hours: '1.5' }], subjectsPerYear: 100 });
    const a = calculateEstimate(input, explicit);
    expect(a).toMatchObject({
      hourlyRate: '25000.00',
      unitCost: '37500.00',
      annualCost: '3750000',
    });
    expect(calculateEstimate(input, Rational.of(25_000)).annualCost).toBe('3750000');
  });

  it('refuses a non-positive rate', () => {
    expect(() => calculateEstimate(simple(), Rational.ZERO)).toThrow(CostInputError);
  });

  it('gives low / central / high when any range is given', () => {
    const c = calculateEstimate(
      {
        ...baselineInput,
        activities: [
          { name: 'Prepare dossier', hours: 8, hoursLow: 6, hoursHigh: 12 },
          { name: 'Submit', hours: 2 },
          { name: 'Receive result', hours: 1, hoursHigh: '1.5' },
        ],
        frequencyLow: 1,
        frequencyHigh: 2,
        subjectsLow: 10_000,
        subjectsHigh: '15000',
      },
      rate2020,
    );
    expect(c.hasRange).toBe(true);
    expect(c.annualCost).toBe('23231250000');
    expect(c.totalHoursLow).toBe('9');
    expect(c.totalHoursHigh).toBe('15.5');
    // low: (9 × 64,500,000/2,112 + 1,600,000) × 1 × 10,000
    const low = Rational.of(9 * 64_500_000, 2112)
      .add(Rational.of(1_600_000))
      .mul(Rational.of(10_000));
    expect(c.exact.annualCostLow?.eq(low)).toBe(true);
    expect(c.annualCostLow).toBe(low.toFixed(0));
    expect(c.annualCostLow).toBe('18748579545'); // 18,748,579,545.45…
    // high: (15.5 × rate + 1,600,000) × 2 × 15,000
    const high = Rational.of(31 * 64_500_000, 2 * 2112)
      .add(Rational.of(1_600_000))
      .mul(Rational.of(30_000));
    expect(c.annualCostHigh).toBe(high.toFixed(0));
    expect(c.annualCostHigh).toBe('62200994318'); // 62,200,994,318.18…
    expect(c.unitCostLow).toBe(low.div(Rational.of(10_000)).toFixed(2));
  });

  it('a single range field is enough; the missing side falls back to the central value', () => {
    const c = calculateEstimate({ ...baselineInput, subjectsHigh: 24_000 }, rate2020);
    expect(c.annualCostLow).toBe('23231250000');
    expect(c.annualCostHigh).toBe('46462500000');
    expect(c.unitCostLow).toBe('1935937.50');
  });

  it('treats null range fields as absent', () => {
    const c = calculateEstimate(
      { ...baselineInput, frequencyLow: null, subjectsHigh: null } as CostEstimateInput,
      rate2020,
    );
    expect(c.hasRange).toBe(false);
  });

  it('calculateParsedEstimate works on a parsed estimate', () => {
    const parsed = parseEstimate(baselineInput);
    expect(parsed.activities.map((a) => a.name)).toEqual([
      'Prepare dossier',
      'Submit',
      'Receive result',
    ]);
    expect(calculateParsedEstimate(parsed, rate2020).annualCost).toBe('23231250000');
  });

  it('exact figures serialise losslessly', () => {
    const c = calculateEstimate(proposedInput, rate2020);
    const json = JSON.parse(JSON.stringify(c.exact));
    expect(json.annualCost).toBe('42525000000/11');
    expect(Rational.parse(json.annualCost).eq(c.exact.annualCost)).toBe(true);
  });
});

describe('compareEstimates', () => {
  it('rounds savings once from the exact difference (may differ by 1 VND from rounded figures)', () => {
    const c = compareEstimates(Rational.parse('21/2'), Rational.parse('2/5'));
    expect(c.baselineAnnualCost).toBe('11');
    expect(c.proposedAnnualCost).toBe('0');
    expect(c.savings).toBe('10'); // 10.1, not 11 − 0
    expect(c.reductionPct).toBe(96.19);
  });

  it('null reduction for a zero baseline; negative savings when the plan costs more', () => {
    expect(compareEstimates(Rational.ZERO, 'abolish')).toMatchObject({
      savings: '0',
      reductionPct: null,
    });
    const c = compareEstimates(Rational.of(100), Rational.parse('100.5'));
    expect(c.savings).toBe('-1'); // −0.5, half away from zero
    expect(c.reductionPct).toBe(-0.5);
    expect(compareEstimates(Rational.ZERO, Rational.of(5))).toMatchObject({
      savings: '-5',
      reductionPct: null,
    });
  });

  it('refuses negative annual costs', () => {
    expect(() => compareEstimates(Rational.of(-1), 'abolish')).toThrow(RangeError);
    expect(() => compareEstimates(Rational.of(1), Rational.of(-1))).toThrow(RangeError);
  });
});

describe('validation: every error, with its field path', () => {
  it('accepts a valid estimate', () => {
    const v = validateEstimate(baselineInput);
    expect(v.ok).toBe(true);
    expect(v.errors).toEqual([]);
  });

  it('refuses a non-object body', () => {
    for (const body of [null, undefined, 'x', 5, []]) {
      expect(errorsOf(body)).toEqual([{ field: 'body', message: 'must be an object' }]);
    }
  });

  it('reports all missing required fields', () => {
    expect(errorsOf({})).toEqual([
      { field: 'subjectType', message: 'is required' },
      { field: 'costKind', message: 'is required' },
      { field: 'activities', message: 'is required (may be an empty list)' },
      { field: 'hiredServices', message: 'is required' },
      { field: 'feesAndCharges', message: 'is required' },
      { field: 'otherCosts', message: 'is required' },
      { field: 'frequencyPerYear', message: 'is required' },
      { field: 'subjectsPerYear', message: 'is required' },
    ]);
  });

  it('reports every invalid field of a bad estimate at once', () => {
    const errors = errorsOf({
      subjectType: 'company',
      costKind: 'monthly',
      activities: [
        { name: 'ok', hours: 1 },
        { name: '', hours: -1 },
        'nope',
        { hours: 'abc', hoursLow: 2, hoursHigh: '1e3' },
        { name: 7, hours: 10_001 },
        { name: 'x'.repeat(501), hours: 5, hoursLow: 6, hoursHigh: 4 },
      ],
      hiredServices: '1.234',
      feesAndCharges: -5,
      otherCosts: '1000000000001',
      frequencyPerYear: 1,
      frequencyLow: 2,
      frequencyHigh: 0.5,
      subjectsPerYear: '',
      subjectsLow: NaN,
      subjectsHigh: Infinity,
    });
    expect(errors).toEqual([
      { field: 'subjectType', message: 'must be one of business, citizen, administration' },
      { field: 'costKind', message: 'must be one of recurring, one_off' },
      { field: 'activities[1].name', message: 'must not be blank' },
      { field: 'activities[1].hours', message: 'must not be negative' },
      { field: 'activities[2]', message: 'must be an object' },
      { field: 'activities[3].name', message: 'is required' },
      {
        field: 'activities[3].hours',
        message: 'must be a plain decimal number such as 12 or 12.5',
      },
      {
        field: 'activities[3].hoursHigh',
        message: 'must be a plain decimal number such as 12 or 12.5',
      },
      { field: 'activities[4].name', message: 'must be a string' },
      { field: 'activities[4].hours', message: 'must not exceed 10000' },
      { field: 'activities[5].name', message: 'must be at most 500 characters' },
      { field: 'activities[5].hoursLow', message: 'must not exceed hours' },
      { field: 'activities[5].hoursHigh', message: 'must not be less than hours' },
      { field: 'hiredServices', message: 'must have at most 2 decimal places' },
      { field: 'feesAndCharges', message: 'must not be negative' },
      { field: 'otherCosts', message: 'must not exceed 1000000000000' },
      { field: 'frequencyLow', message: 'must not exceed frequencyPerYear' },
      { field: 'frequencyHigh', message: 'must not be less than frequencyPerYear' },
      { field: 'subjectsPerYear', message: 'must not be empty' },
      { field: 'subjectsLow', message: 'must be a finite number' },
      { field: 'subjectsHigh', message: 'must be a finite number' },
    ]);
  });

  it.each([
    ['activities', 'x', 'must be an array'],
    ['activities', {}, 'must be an array'],
    ['hiredServices', '1e5', 'must be a plain decimal number such as 12 or 12.5'],
    ['feesAndCharges', '0x10', 'must be a plain decimal number such as 12 or 12.5'],
    ['otherCosts', true, 'must be a number or a decimal string'],
    ['otherCosts', 0.001, 'must have at most 2 decimal places'],
    ['frequencyPerYear', -0.2, 'must not be negative'],
    ['frequencyPerYear', 1_000_001, 'must not exceed 1000000'],
    ['frequencyPerYear', 'Infinity', 'must be a plain decimal number such as 12 or 12.5'],
    ['frequencyPerYear', null, 'is required'],
    ['frequencyHigh', '1e400', 'must be a plain decimal number such as 12 or 12.5'],
    ['subjectsPerYear', 1_000_000_001, 'must not exceed 1000000000'],
    ['subjectsPerYear', 2 ** 53, 'is too large for a JSON number; send it as a decimal string'],
    ['subjectsLow', '-1', 'must not be negative'],
    ['subjectsHigh', '5000', 'must not be less than subjectsPerYear'],
    ['subjectsLow', 12_001, 'must not exceed subjectsPerYear'],
    ['frequencyLow', 1.5, 'must not exceed frequencyPerYear'],
    ['subjectType', 5, 'must be one of business, citizen, administration'],
  ])('%s = %p → %s', (field, value, message) => {
    expect(errorsOf({ ...baselineInput, [field]: value })).toEqual([{ field, message }]);
  });

  it('refuses too many activities', () => {
    const activities = Array.from({ length: 201 }, (_, i) => ({ name: `a${i}`, hours: 1 }));
    expect(errorsOf({ ...baselineInput, activities })).toEqual([
      { field: 'activities', message: 'must have at most 200 activities' },
    ]);
  });

  it('does not compare ranges against an invalid central value', () => {
    expect(errorsOf({ ...baselineInput, frequencyPerYear: 'x', frequencyLow: 5 })).toEqual([
      { field: 'frequencyPerYear', message: 'must be a plain decimal number such as 12 or 12.5' },
    ]);
  });

  it('accepts range values equal to the central value', () => {
    const v = validateEstimate({
      ...baselineInput,
      frequencyLow: 1,
      frequencyHigh: '1.0',
      subjectsLow: 12_000,
      subjectsHigh: 12_000,
    });
    expect(v.ok).toBe(true);
  });

  it('takes configurable caps', () => {
    const limits = {
      maxHoursPerActivity: 100,
      maxMoneyPerCompliance: '5000000',
      maxFrequencyPerYear: 12,
      maxSubjectsPerYear: 1000,
      maxActivities: 2,
      maxActivityNameLength: 5,
    };
    expect(errorsOf(baselineInput, limits)).toEqual([
      { field: 'activities', message: 'must have at most 2 activities' },
      { field: 'subjectsPerYear', message: 'must not exceed 1000' },
    ]);
    expect(
      errorsOf(
        {
          ...proposedInput,
          activities: [{ name: 'abcdef', hours: 101 }],
          feesAndCharges: 5_000_001,
          frequencyPerYear: 13,
        },
        limits,
      ),
    ).toEqual([
      { field: 'activities[0].name', message: 'must be at most 5 characters' },
      { field: 'activities[0].hours', message: 'must not exceed 100' },
      { field: 'feesAndCharges', message: 'must not exceed 5000000' },
      { field: 'frequencyPerYear', message: 'must not exceed 12' },
      { field: 'subjectsPerYear', message: 'must not exceed 1000' },
    ]);
    expect(() => validateEstimate(baselineInput, { maxSubjectsPerYear: -1 })).toThrow(RangeError);
    expect(() => validateEstimate(baselineInput, { maxActivities: 1.5 })).toThrow(RangeError);
  });

  it('calculateEstimate and parseEstimate throw CostInputError with all errors', () => {
    let caught: unknown;
    try {
      calculateEstimate({ ...baselineInput, hiredServices: -1, subjectsPerYear: 'many' }, rate2020);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CostInputError);
    const e = caught as CostInputError;
    expect(e.field).toBe('hiredServices');
    expect(e.errors.map((x) => x.field)).toEqual(['hiredServices', 'subjectsPerYear']);
    expect(() => parseEstimate({})).toThrow(CostInputError);
  });
});
