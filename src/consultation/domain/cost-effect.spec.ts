import {
  combineEffects,
  costEffectView,
  savingsExact,
  StoredCostEffect,
  totalEffect,
} from './cost-effect';

// The worked example of domain.md §4: baseline 23,231,250,000; proposed 3,865,909,090.90…
const BASELINE = '46462500000/2';
const PROPOSED = '42525000000/11';

describe('cost effect of a re-estimate', () => {
  it('computes savings exactly, abolish counting as zero', () => {
    expect(savingsExact(BASELINE, PROPOSED, 'simplify')).toBe('213018750000/11');
    expect(savingsExact(BASELINE, null, 'abolish')).toBe('23231250000');
    expect(savingsExact(BASELINE, null, 'simplify')).toBeNull();
    expect(savingsExact(null, PROPOSED, 'simplify')).toBeNull();
  });

  const effect = (before: string, after: string, value: [string, string]): StoredCostEffect => ({
    estimate: 'proposed',
    field: 'feesAndCharges',
    before: {
      value: value[0],
      estimateVersion: 1,
      annualCostExact: before,
      baselineExact: BASELINE,
      savingsExact: savingsExact(BASELINE, before, 'simplify'),
    },
    after: {
      value: value[1],
      estimateVersion: 2,
      annualCostExact: after,
      baselineExact: BASELINE,
      savingsExact: savingsExact(BASELINE, after, 'simplify'),
    },
  });

  it('shows whole VND rounded once and the reduction before and after', () => {
    // Fees 200,000 → 300,000 on 12,000 subjects: +1,200,000,000 a year.
    const e = effect(PROPOSED, '55725000000/11', ['200000', '300000']);
    expect(costEffectView(e)).toEqual({
      estimate: 'proposed',
      field: 'feesAndCharges',
      valueBefore: '200000',
      valueAfter: '300000',
      estimateVersionBefore: 1,
      estimateVersionAfter: 2,
      annualCostBefore: '3865909091',
      annualCostAfter: '5065909091',
      savingsBefore: '19365340909',
      savingsAfter: '18165340909',
      savingsChange: '-1200000000',
      reductionPctBefore: 83.36,
      reductionPctAfter: 78.19,
    });
  });

  it('combines a corrected answer from its first before to its latest after', () => {
    const first = effect(PROPOSED, '55725000000/11', ['200000', '300000']);
    const second = effect('55725000000/11', '49125000000/11', ['300000', '250000']);
    const combined = costEffectView(combineEffects(first, second));
    expect(combined).toMatchObject({
      valueBefore: '200000',
      valueAfter: '250000',
      savingsChange: '-600000000',
    });
    expect(totalEffect([first, second])).toEqual({
      savingsBefore: '19365340909',
      savingsAfter: '18765340909',
      savingsChange: '-600000000',
    });
    expect(totalEffect([])).toEqual({
      savingsBefore: null,
      savingsAfter: null,
      savingsChange: null,
    });
  });
});
