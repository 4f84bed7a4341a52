import { compareEstimates, Rational } from '../../costing/domain';
import {
  affectsLedger,
  AggregateRow,
  buildProgress,
  daysOverdue,
  isOverdueState,
  monthLabel,
  monthOf,
  monthsBetween,
  ProgrammeInfo,
  stageOf,
  targetSavings,
  costTargetStatus,
} from './ledger';

const NQ66: ProgrammeInfo = {
  id: 'p66',
  code: 'NQ66',
  name: 'Nghị quyết 66/NQ-CP',
  startDate: '2025-03-26',
  endDate: '2026-12-31',
  baselineDate: '2024-12-31',
  targetCountPct: 30,
  targetCostPct: 30,
};

const build = (rows: AggregateRow[], programme = NQ66) =>
  buildProgress(rows, {
    programme,
    agency: null,
    asOf: new Date('2026-05-01T00:00:00Z'),
    itemsUrl: (b) => `/items?bucket=${b}`,
  });

const row = (
  bucket: string,
  inBaseline: boolean,
  n: number,
  amount: string,
  month = 0,
  costed = n,
): AggregateRow => ({ bucket, inBaseline, month, n: String(n), costed: String(costed), amount });

describe('stages of the ledger', () => {
  it('maps every workflow state to where it counts', () => {
    expect(
      [
        'draft',
        'review',
        'costing',
        'drafting_plan',
        'consultation',
        'responding',
        'retained',
        'withdrawn',
      ].map(stageOf),
    ).toEqual(Array(8).fill('other'));
    expect(stageOf('government_office_review')).toBe('pipeline');
    expect(stageOf('awaiting_decision')).toBe('pipeline');
    expect(stageOf('implementing')).toBe('approved');
    expect(stageOf('implemented')).toBe('implemented');
    expect(stageOf('rejected')).toBe('rejected');
  });

  it('knows the durable overdue substate', () => {
    expect(isOverdueState('implementing', { implementing: 'overdue' })).toBe(true);
    expect(isOverdueState('implementing', { implementing: 'on_track' })).toBe(false);
    expect(isOverdueState('implemented', 'implemented')).toBe(false);
  });

  it('refreshes only on transitions that move a regulation between figures', () => {
    const s = (stateName: string, state: unknown = stateName) => ({ stateName, state });
    expect(affectsLedger(s('draft'), s('review'))).toBe(false);
    expect(affectsLedger(s('responding'), s('withdrawn'))).toBe(false);
    expect(affectsLedger(s('responding'), s('government_office_review'))).toBe(true);
    expect(affectsLedger(s('government_office_review'), s('awaiting_decision'))).toBe(false);
    expect(affectsLedger(s('government_office_review'), s('drafting_plan'))).toBe(true);
    expect(
      affectsLedger(s('awaiting_decision'), s('implementing', { implementing: 'on_track' })),
    ).toBe(true);
    expect(affectsLedger(s('awaiting_decision'), s('rejected'))).toBe(true);
    expect(
      affectsLedger(
        s('implementing', { implementing: 'on_track' }),
        s('implementing', { implementing: 'overdue' }),
      ),
    ).toBe(true);
    expect(affectsLedger(s('implementing', { implementing: 'overdue' }), s('implemented'))).toBe(
      true,
    );
  });
});

describe('savings toward the cost target', () => {
  const biz = (annualCostExact: string) => ({
    subjectType: 'business',
    costKind: 'recurring',
    annualCostExact,
  });

  it('reproduces the worked example of domain.md §4', () => {
    // Proposed: (4 h × 64,500,000/2,112 + 200,000) × 12,000 = 8,164,800,000,000/2,112 exactly.
    const baseline = biz('23231250000');
    const proposed = biz('8164800000000/2112');
    expect(targetSavings(baseline, proposed, 'simplify')).toBe('19365340909');
    expect(
      compareEstimates(Rational.parse('23231250000'), Rational.parse('8164800000000/2112')).savings,
    ).toBe('19365340909');
    expect(targetSavings(baseline, null, 'abolish')).toBe('23231250000');
  });

  it('counts only recurring business costs, on both sides', () => {
    const citizen = { subjectType: 'citizen', costKind: 'recurring', annualCostExact: '1000' };
    const oneOff = { subjectType: 'business', costKind: 'one_off', annualCostExact: '1000' };
    expect(targetSavings(citizen, citizen, 'simplify')).toBe('0');
    expect(targetSavings(oneOff, null, 'abolish')).toBe('0');
    // A burden moved from businesses to citizens is a business saving, and the reverse a cost.
    expect(targetSavings(biz('1000'), citizen, 'amend')).toBe('1000');
    expect(targetSavings(citizen, biz('250'), 'amend')).toBe('-250');
  });

  it('rounds once, half away from zero, from the exact figures', () => {
    expect(targetSavings(biz('21/2'), biz('2/5'), 'simplify')).toBe('10'); // 10.1
    expect(targetSavings(biz('5/2'), biz('0'), 'simplify')).toBe('3'); // 2.5
    expect(targetSavings(biz('0'), biz('5/2'), 'simplify')).toBe('-3'); // −2.5
  });

  it('is unknown without a plan, a baseline, or a proposed estimate the plan needs', () => {
    expect(targetSavings(biz('1'), biz('1'), null)).toBeNull();
    expect(targetSavings(null, biz('1'), 'simplify')).toBeNull();
    expect(targetSavings(biz('1'), null, 'simplify')).toBeNull();
  });
});

describe('buildProgress', () => {
  // The data set of test/reporting/ledger-figures.e2e-spec.ts, summed as progress_delta would be.
  const rows: AggregateRow[] = [
    row('baseline', true, 5, '46527000000', 0, 4),
    row('pipeline', true, 1, '19365340909'),
    row('approved', true, 1, '23231250000', 202604),
    row('approved', true, 1, '0', 202605),
    row('implemented', true, 1, '23231250000', 202609),
    row('approved', false, 1, '19365340909', 202604),
    row('overdue', true, 1, '0'),
  ];

  it('gives every figure with its denominator and share of the target', () => {
    const r = build(rows);
    expect(r.baseline).toEqual({
      count: 5,
      annualCost: '46527000000',
      costedCount: 4,
      coveragePct: 80,
      lowCoverage: true,
      minCoveragePct: 90,
      items: '/items?bucket=baseline',
    });
    const denominator = { count: 5, annualCost: '46527000000', costedCount: 4 };
    expect(r.approved).toEqual({
      count: 2,
      savings: '23231250000',
      countPct: 40,
      costPct: 49.93, // 23,231,250,000 / 46,527,000,000 = 49.9307…%
      denominator,
      coveragePct: 80,
      lowCoverage: true,
      items: '/items?bucket=approved',
    });
    expect(r.implemented).toMatchObject({ count: 1, countPct: 20, costPct: 49.93 });
    expect(r.pipeline).toMatchObject({ count: 1, savings: '19365340909', countPct: 20 });
    expect(r.pipeline.costPct).toBe(41.62); // 19,365,340,909 / 46,527,000,000 = 41.6217…%
    expect(r.outsideBaseline).toEqual({
      pipeline: { count: 0, savings: '0' },
      approved: { count: 1, savings: '19365340909' },
      implemented: { count: 0, savings: '0' },
      items: '/items?bucket=outside',
    });
    // Two in the baseline and one outside approved, one implemented: two still implementing.
    expect(r.overdue).toEqual({
      count: 1,
      savings: '0',
      denominator: { implementingCount: 2 },
      items: '/items?bucket=overdue',
    });
    expect(r.target).toEqual({
      countPct: 30,
      costPct: 30,
      minCoveragePct: 90,
      lowCoverage: true,
      // 49.93% ≥ 30%, but one baseline regulation in five has no cost: not verifiable.
      approvedReached: { count: true, cost: false, costStatus: 'low_coverage' },
      implementedReached: { count: false, cost: false, costStatus: 'low_coverage' },
    });
  });

  it('never reads the cost target as reached over a mostly uncosted baseline', () => {
    // The walk of issue 16: 1 of 11 costed (9.09%), 87.52% of that cost saved.
    const low = build([
      row('baseline', true, 11, '10000', 0, 1),
      row('approved', true, 1, '8752', 202604),
    ]);
    expect(low.baseline).toMatchObject({ coveragePct: 9.09, lowCoverage: true });
    expect(low.approved).toMatchObject({ costPct: 87.52, coveragePct: 9.09, lowCoverage: true });
    expect(low.target.approvedReached).toEqual({
      count: false,
      cost: false,
      costStatus: 'low_coverage',
    });
    // At the minimum coverage the share decides.
    const covered = build([
      row('baseline', true, 10, '10000', 0, 9),
      row('approved', true, 1, '8752', 202604),
    ]);
    expect(covered.baseline).toMatchObject({ coveragePct: 90, lowCoverage: false });
    expect(covered.target.approvedReached).toEqual({
      count: false,
      cost: true,
      costStatus: 'reached',
    });
    expect(costTargetStatus(29.99, 30, false)).toBe('not_reached');
    expect(costTargetStatus(null, 30, false)).toBe('not_reached');
  });

  it('builds a monthly series over the programme period with running shares', () => {
    const { series } = build(rows);
    expect(series[0].month).toBe('2025-03');
    expect(series.at(-1)!.month).toBe('2026-12');
    expect(series).toHaveLength(22);
    const april = series.find((s) => s.month === '2026-04')!;
    expect(april.approved).toEqual({ count: 1, savings: '23231250000' });
    expect(april.cumulative.approved).toEqual({
      count: 1,
      savings: '23231250000',
      countPct: 20,
      costPct: 49.93,
    });
    const may = series.find((s) => s.month === '2026-05')!;
    expect(may.cumulative.approved).toMatchObject({ count: 2, countPct: 40 });
    const september = series.find((s) => s.month === '2026-09')!;
    expect(september.implemented.count).toBe(1);
    expect(series.at(-1)!.cumulative.implemented).toMatchObject({ count: 1, countPct: 20 });
    // Approvals outside the baseline never enter the series.
    expect(series.reduce((n, s) => n + s.approved.count, 0)).toBe(2);
  });

  it('widens the series to months with data outside the programme period', () => {
    const { series } = build([row('approved', true, 1, '5', 202412)]);
    expect(series[0].month).toBe('2024-12');
  });

  it('has no shares when the baseline is empty or uncosted, and zeros everywhere', () => {
    const r = build([]);
    expect(r.baseline).toMatchObject({ count: 0, annualCost: '0', coveragePct: null });
    expect(r.approved).toMatchObject({ count: 0, savings: '0', countPct: null, costPct: null });
    expect(r.target.approvedReached).toEqual({
      count: false,
      cost: false,
      costStatus: 'not_reached',
    });
    expect(r.baseline.lowCoverage).toBe(false);
    const uncosted = build([row('baseline', true, 3, '0', 0, 0), row('approved', true, 1, '0')]);
    expect(uncosted.approved).toMatchObject({ countPct: 33.33, costPct: null });
  });

  it('sums deltas of the same key, including negative ones', () => {
    const r = build([
      row('baseline', true, 3, '300'),
      row('baseline', true, -1, '-100', 0, -1),
      row('approved', true, 1, '50', 202601),
      row('approved', true, -1, '-50', 202601),
    ]);
    expect(r.baseline).toMatchObject({ count: 2, annualCost: '200', costedCount: 2 });
    expect(r.approved.count).toBe(0);
  });

  it('handles national sums beyond 2^53 exactly', () => {
    const r = build([row('baseline', true, 1, '123456789012345678901')]);
    expect(r.baseline.annualCost).toBe('123456789012345678901');
  });
});

describe('months and days', () => {
  it('labels and walks months', () => {
    expect(monthLabel(202110)).toBe('2021-10');
    expect(monthLabel(202101)).toBe('2021-01');
    expect(monthOf('2021-10-04')).toBe(202110);
    expect(monthsBetween(202511, 202602)).toEqual([202511, 202512, 202601, 202602]);
  });

  it('counts overdue days in Vietnam calendar days', () => {
    const deadline = new Date('2026-12-31T16:59:59Z'); // 23:59:59 on 31 Dec in Hanoi
    expect(daysOverdue(deadline, new Date('2026-12-31T16:59:59Z'))).toBe(0);
    expect(daysOverdue(deadline, new Date('2026-12-31T17:00:00Z'))).toBe(1); // 00:00 on 1 Jan
    expect(daysOverdue(deadline, new Date('2027-01-10T03:00:00Z'))).toBe(10);
    expect(daysOverdue(deadline, new Date('2026-06-01T00:00:00Z'))).toBe(0);
  });
});
