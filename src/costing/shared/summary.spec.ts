import { calculateEstimate, CostEstimateInput, resolveHourlyRate } from '../domain';
import { summarizeCosts } from './summary';

const rate = resolveHourlyRate({ annualIncomePerCapita: 64_500_000 });
const stored = (input: CostEstimateInput) => {
  const c = calculateEstimate(input, rate);
  return { annualCost: c.annualCost, annualCostExact: c.exact.annualCost.toString() };
};
const base = {
  subjectType: 'business' as const,
  costKind: 'recurring' as const,
  frequencyPerYear: 1,
  subjectsPerYear: 12_000,
};
const baseline = stored({
  ...base,
  activities: [
    { name: 'a', hours: 8 },
    { name: 'b', hours: 2 },
    { name: 'c', hours: 1 },
  ],
  hiredServices: 1_000_000,
  feesAndCharges: 500_000,
  otherCosts: 100_000,
});
const proposed = stored({
  ...base,
  activities: [
    { name: 'a', hours: 3 },
    { name: 'b', hours: 1 },
  ],
  hiredServices: 0,
  feesAndCharges: 200_000,
  otherCosts: 0,
});

describe('summarizeCosts', () => {
  it('reproduces the worked example of domain.md §4 from the exact stored costs', () => {
    expect(summarizeCosts(baseline, proposed, 'simplify')).toEqual({
      baselineCost: '23231250000',
      proposedCost: '3865909091',
      savings: '19365340909',
      reductionPct: 83.36,
    });
  });

  it('rounds savings once from the exact difference, not from the rounded costs', () => {
    const s = summarizeCosts(
      { annualCost: '11', annualCostExact: '21/2' },
      { annualCost: '0', annualCostExact: '2/5' },
      'amend',
    );
    // 10.5 − 0.4 = 10.1 → 10 (subtracting the rounded figures would give 11).
    expect(s.savings).toBe('10');
  });

  it('counts an abolished regulation as saving its whole baseline', () => {
    expect(summarizeCosts(baseline, null, 'abolish')).toEqual({
      baselineCost: '23231250000',
      proposedCost: '0',
      savings: '23231250000',
      reductionPct: 100,
    });
    expect(summarizeCosts(baseline, proposed, 'abolish').proposedCost).toBe('0');
  });

  it('leaves savings unknown without both sides, and the percentage without a baseline cost', () => {
    expect(summarizeCosts(baseline, null, 'simplify')).toMatchObject({
      savings: null,
      proposedCost: null,
    });
    expect(summarizeCosts(null, proposed, null)).toEqual({
      baselineCost: null,
      proposedCost: '3865909091',
      savings: null,
      reductionPct: null,
    });
    expect(summarizeCosts(null, null, 'abolish')).toMatchObject({
      proposedCost: '0',
      savings: null,
    });
    expect(
      summarizeCosts({ annualCost: '0', annualCostExact: '0' }, null, 'abolish'),
    ).toMatchObject({ savings: '0', reductionPct: null });
  });

  it('reports a plan that costs more as negative savings', () => {
    expect(summarizeCosts(proposed, baseline, 'amend')).toMatchObject({
      savings: '-19365340909',
      reductionPct: -500.93,
    });
  });
});
