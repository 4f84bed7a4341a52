import fc from 'fast-check';
import {
  ActivityInput,
  CostEstimateInput,
  calculateEstimate,
  compareEstimates,
} from './cost-calculator';
import { CostParameterInput, resolveHourlyRate } from './hourly-rate';
import { NumericInput } from './numeric-input';
import { Rational } from './rational';

/*
 * Independent oracle: plain [numerator, denominator] BigInt pairs, never reduced, with its own
 * parsing and its own half-up rounding, so it shares no code with Rational or the calculator.
 */
type Q = readonly [bigint, bigint];
const qAdd = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const qSub = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
const qMul = (a: Q, b: Q): Q => [a[0] * b[0], a[1] * b[1]];
const qDiv = (a: Q, b: Q): Q => [a[0] * b[1], a[1] * b[0]];
const qSum = (xs: Q[]): Q => xs.reduce(qAdd, [0n, 1n] as Q);
const qCmp = (a: Q, b: Q) => {
  const d = a[0] * b[1] - b[0] * a[1];
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

function qParse(v: NumericInput): Q {
  const [int, frac = ''] = String(v).split('.');
  return [BigInt(int + frac), 10n ** BigInt(frac.length)];
}

/** Half up = floor(|x| · 10^dp + 1/2), sign restored; formatted with dp decimals. */
function qRound([n, d]: Q, dp: number): string {
  const neg = n < 0n !== d < 0n && n !== 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an * 10n ** BigInt(dp) + ad) / (2n * ad);
  const s = q.toString().padStart(dp + 1, '0');
  const body = dp === 0 ? s : `${s.slice(0, s.length - dp)}.${s.slice(s.length - dp)}`;
  return neg && q !== 0n ? `-${body}` : body;
}

/** Exact decimal of a value whose denominator is a power of ten, trailing zeros dropped. */
function qDecimal([n, d]: Q): string {
  const dp = d.toString().length - 1;
  const s = qRound([n, d], dp);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function oracleRate(p: CostParameterInput): Q {
  if (p.hourlyRate != null) return qParse(p.hourlyRate);
  const hoursPerYear = qMul(
    qMul(qParse(p.monthsPerYear ?? 12), qParse(p.workingDaysPerMonth ?? 22)),
    qParse(p.hoursPerDay ?? 8),
  );
  return qDiv(qParse(p.annualIncomePerCapita!), hoursPerYear);
}

function oracle(e: CostEstimateInput, rate: Q) {
  const money = qSum([e.hiredServices, e.feesAndCharges, e.otherCosts].map(qParse));
  const run = (hours: Q, frequency: Q, subjects: Q) => {
    const timeCost = qMul(hours, rate);
    const unitCost = qAdd(timeCost, money);
    return { hours, timeCost, unitCost, annualCost: qMul(qMul(unitCost, frequency), subjects) };
  };
  const opt = (v: NumericInput | null | undefined, fallback: NumericInput) => qParse(v ?? fallback);
  return {
    central: run(
      qSum(e.activities.map((a) => qParse(a.hours))),
      qParse(e.frequencyPerYear),
      qParse(e.subjectsPerYear),
    ),
    low: run(
      qSum(e.activities.map((a) => opt(a.hoursLow, a.hours))),
      opt(e.frequencyLow, e.frequencyPerYear),
      opt(e.subjectsLow, e.subjectsPerYear),
    ),
    high: run(
      qSum(e.activities.map((a) => opt(a.hoursHigh, a.hours))),
      opt(e.frequencyHigh, e.frequencyPerYear),
      opt(e.subjectsHigh, e.subjectsPerYear),
    ),
  };
}

/* Generators: decimal values as strings or, when they round-trip, as JS numbers. */

function decimal(maxUnits: bigint, maxDp: number, min = 0n): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: maxDp }).chain((dp) =>
    fc.bigInt({ min: min * 10n ** BigInt(dp), max: maxUnits * 10n ** BigInt(dp) }).map((units) => {
      const s = units.toString().padStart(dp + 1, '0');
      return dp === 0 ? s : `${s.slice(0, s.length - dp)}.${s.slice(s.length - dp)}`;
    }),
  );
}

function asInput(s: string): fc.Arbitrary<NumericInput> {
  // Offer the JS number too when it denotes exactly the same value in plain notation.
  const n = String(Number(s));
  return !n.includes('e') && qCmp(qParse(n), qParse(s)) === 0
    ? fc.constantFrom<NumericInput>(s, Number(s))
    : fc.constant<NumericInput>(s);
}

const numeric = (maxUnits: bigint, maxDp: number, min = 0n) =>
  decimal(maxUnits, maxDp, min).chain(asInput);

/** Sorted triple → low/central/high, each bound present or not. */
function ranged(maxUnits: bigint, maxDp: number) {
  return fc
    .tuple(
      fc.array(decimal(maxUnits, maxDp), { minLength: 3, maxLength: 3 }),
      fc.boolean(),
      fc.boolean(),
    )
    .chain(([values, withLow, withHigh]) => {
      const [low, central, high] = [...values].sort((a, b) => qCmp(qParse(a), qParse(b)));
      return fc.record({
        central: asInput(central),
        low: withLow ? asInput(low) : fc.constant(undefined),
        high: withHigh ? asInput(high) : fc.constant(undefined),
      });
    });
}

const activityArb: fc.Arbitrary<ActivityInput> = ranged(10_000n, 3).map((h) => ({
  name: 'activity',
  hours: h.central,
  ...(h.low !== undefined && { hoursLow: h.low }),
  ...(h.high !== undefined && { hoursHigh: h.high }),
}));

const estimateArb: fc.Arbitrary<CostEstimateInput> = fc
  .record({
    subjectType: fc.constantFrom('business', 'citizen', 'administration' as const),
    costKind: fc.constantFrom('recurring', 'one_off' as const),
    activities: fc.array(activityArb, { maxLength: 6 }),
    hiredServices: numeric(1_000_000_000_000n, 2),
    feesAndCharges: numeric(100_000_000n, 2),
    otherCosts: numeric(10_000_000n, 2),
    frequency: ranged(1_000_000n, 4),
    subjects: ranged(1_000_000_000n, 2),
  })
  .map(({ frequency, subjects, ...rest }) => ({
    ...rest,
    frequencyPerYear: frequency.central,
    frequencyLow: frequency.low,
    frequencyHigh: frequency.high,
    subjectsPerYear: subjects.central,
    subjectsLow: subjects.low,
    subjectsHigh: subjects.high,
  }));

const parametersArb: fc.Arbitrary<CostParameterInput> = fc.oneof(
  numeric(1_000_000_000n, 2, 1n).map((hourlyRate) => ({ hourlyRate })),
  fc.record(
    {
      annualIncomePerCapita: numeric(1_000_000_000_000n, 2, 1n),
      monthsPerYear: numeric(12n, 2, 1n),
      workingDaysPerMonth: numeric(31n, 2, 1n),
      hoursPerDay: numeric(24n, 2, 1n),
    },
    { requiredKeys: ['annualIncomePerCapita'] },
  ),
);

function hasRange(e: CostEstimateInput): boolean {
  return (
    [e.frequencyLow, e.frequencyHigh, e.subjectsLow, e.subjectsHigh].some((v) => v != null) ||
    e.activities.some((a) => a.hoursLow != null || a.hoursHigh != null)
  );
}

/** Cheap structural equality; jest's expect is only called on a mismatch (10k runs are hot). */
function expectSame(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const k of keys) {
    if (actual[k] !== expected[k]) {
      expect(actual).toEqual(expected);
      return;
    }
  }
}

describe('property: calculator agrees exactly with an independent BigInt-fraction computation', () => {
  it('10,000 random estimate pairs, including every rounding', () => {
    fc.assert(
      fc.property(parametersArb, estimateArb, estimateArb, (params, baseline, proposed) => {
        const rate = resolveHourlyRate(params);
        const qRate = oracleRate(params);
        expectSame(
          { display: rate.display, exact: rate.exact.cmp(Rational.of(qRate[0], qRate[1])) },
          { display: qRound(qRate, 2), exact: 0 },
        );

        const calcs = [baseline, proposed].map((e) => {
          const c = calculateEstimate(e, rate);
          const o = oracle(e, qRate);
          const ranged = hasRange(e);
          const { exact, ...shown } = c;
          expectSame(
            {
              ...shown,
              exactAnnual: exact.annualCost.cmp(
                Rational.of(o.central.annualCost[0], o.central.annualCost[1]),
              ),
            },
            {
              hourlyRate: qRound(qRate, 2),
              totalHours: qDecimal(o.central.hours),
              timeCost: qRound(o.central.timeCost, 2),
              hiredServices: qRound(qParse(e.hiredServices), 2),
              feesAndCharges: qRound(qParse(e.feesAndCharges), 2),
              otherCosts: qRound(qParse(e.otherCosts), 2),
              unitCost: qRound(o.central.unitCost, 2),
              annualCost: qRound(o.central.annualCost, 0),
              hasRange: ranged,
              ...(ranged && {
                totalHoursLow: qDecimal(o.low.hours),
                totalHoursHigh: qDecimal(o.high.hours),
                unitCostLow: qRound(o.low.unitCost, 2),
                unitCostHigh: qRound(o.high.unitCost, 2),
                annualCostLow: qRound(o.low.annualCost, 0),
                annualCostHigh: qRound(o.high.annualCost, 0),
              }),
              exactAnnual: 0,
            },
          );
          return { c, annual: o.central.annualCost };
        });

        const cmp = compareEstimates(calcs[0].c, calcs[1].c);
        const [b, p] = [calcs[0].annual, calcs[1].annual];
        const savings = qSub(b, p);
        expectSame(
          { savings: cmp.savings, reductionPct: cmp.reductionPct },
          {
            savings: qRound(savings, 0),
            reductionPct:
              b[0] === 0n ? null : Number(qRound(qMul(qDiv(savings, b), [100n, 1n]), 2)),
          },
        );
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('property: monotonicity', () => {
  const bump = (v: NumericInput, by: string): string => {
    const [n, d] = qAdd(qParse(v), qParse(by));
    return qDecimal([n, d]);
  };
  type Field =
    | 'hiredServices'
    | 'feesAndCharges'
    | 'otherCosts'
    | 'frequencyPerYear'
    | 'subjectsPerYear'
    | 'hours'
    | 'newActivity';

  const noCaps = {
    maxHoursPerActivity: '1' + '0'.repeat(20),
    maxMoneyPerCompliance: '1' + '0'.repeat(20),
    maxFrequencyPerYear: '1' + '0'.repeat(20),
    maxSubjectsPerYear: '1' + '0'.repeat(20),
  };

  it('annual cost never decreases when any input grows', () => {
    const fieldArb = fc.constantFrom<Field>(
      'hiredServices',
      'feesAndCharges',
      'otherCosts',
      'frequencyPerYear',
      'subjectsPerYear',
      'hours',
      'newActivity',
    );
    fc.assert(
      fc.property(
        parametersArb,
        estimateArb,
        fieldArb,
        decimal(1000n, 2),
        (params, e, field, by) => {
          const rate = resolveHourlyRate(params);
          // Drop ranges here: growing a central value could otherwise pass its high bound.
          const base: CostEstimateInput = {
            ...e,
            activities: e.activities.map(({ name, hours }) => ({ name, hours })),
            frequencyLow: undefined,
            frequencyHigh: undefined,
            subjectsLow: undefined,
            subjectsHigh: undefined,
          };
          const grown: CostEstimateInput = { ...base, activities: [...base.activities] };
          if (field === 'hours') {
            if (grown.activities.length === 0) return;
            grown.activities[0] = {
              ...grown.activities[0],
              hours: bump(grown.activities[0].hours, by),
            };
          } else if (field === 'newActivity') {
            grown.activities.push({ name: 'extra', hours: by });
          } else {
            grown[field] = bump(grown[field], by);
          }
          // Lifted caps: a bump may push a value just past the default plausibility limits.
          const before = calculateEstimate(base, rate, noCaps);
          const after = calculateEstimate(grown, rate, noCaps);
          expect(after.exact.annualCost.gte(before.exact.annualCost)).toBe(true);
          expect(BigInt(after.annualCost) >= BigInt(before.annualCost)).toBe(true);
          expect(after.exact.unitCost.gte(before.exact.unitCost)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('annual cost never decreases when the hourly rate grows', () => {
    fc.assert(
      fc.property(
        estimateArb,
        decimal(1_000_000_000n, 2, 1n),
        decimal(1_000_000n, 2),
        (e, rate, by) => {
          const a = calculateEstimate(e, resolveHourlyRate({ hourlyRate: rate }));
          const b = calculateEstimate(e, resolveHourlyRate({ hourlyRate: bump(rate, by) }));
          expect(b.exact.annualCost.gte(a.exact.annualCost)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('low ≤ central ≤ high', () => {
    fc.assert(
      fc.property(parametersArb, estimateArb, (params, e) => {
        const c = calculateEstimate(e, resolveHourlyRate(params));
        if (!c.hasRange) return;
        expect(c.exact.annualCostLow!.lte(c.exact.annualCost)).toBe(true);
        expect(c.exact.annualCost.lte(c.exact.annualCostHigh!)).toBe(true);
        expect(BigInt(c.annualCostLow!) <= BigInt(c.annualCost)).toBe(true);
        expect(BigInt(c.annualCost) <= BigInt(c.annualCostHigh!)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('property: savings', () => {
  const annualArb = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 6n }))
    .map(([n, d]) => Rational.of(n, d));

  it('savings = baseline − proposed exactly, rounded once; within 1 VND of the rounded difference', () => {
    fc.assert(
      fc.property(annualArb, fc.oneof(annualArb, fc.constant('abolish' as const)), (b, p) => {
        const c = compareEstimates(b, p);
        const proposed = p === 'abolish' ? Rational.ZERO : p;
        expect(c.exact.savings.eq(b.sub(proposed))).toBe(true);
        expect(c.exact.savings.add(proposed).eq(b)).toBe(true);
        expect(c.savings).toBe(b.sub(proposed).toFixed(0));
        const naive = BigInt(b.toFixed(0)) - BigInt(proposed.toFixed(0));
        const diff = BigInt(c.savings) - naive;
        expect(diff >= -1n && diff <= 1n).toBe(true);
        if (p === 'abolish') {
          expect(c.savings).toBe(b.toFixed(0));
          expect(c.reductionPct).toBe(b.isZero() ? null : 100);
        }
        if (!b.isZero()) {
          expect(c.exact.reductionPct!.eq(c.exact.savings.div(b).mul(Rational.of(100)))).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
