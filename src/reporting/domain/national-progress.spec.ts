import { AggregateRow, buildProgress, ProgrammeInfo } from './ledger';
import { nationalProgress } from './national-progress';

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
const row = (bucket: string, n: number, amount: string, costed = n): AggregateRow => ({
  bucket,
  inBaseline: true,
  month: 0,
  n: String(n),
  costed: String(costed),
  amount,
});
const report = (rows: AggregateRow[], agency: { id: string; code: string; name: string } | null) =>
  buildProgress(rows, {
    programme: NQ66,
    agency,
    asOf: new Date('2026-05-01T00:00:00Z'),
    itemsUrl: (b) => `/reports/progress/items?bucket=${b}`,
  });

describe('the published national figures', () => {
  it('keeps the totals and shares, drops drill-down URLs, ids and the series', () => {
    // 10 in the baseline, 5 costed (50 % < 90 %): the cost share cannot read as reached.
    const n = nationalProgress(
      report([row('baseline', 10, '1000', 5), row('approved', 4, '400')], null),
    );
    expect(n.baseline).toEqual({
      count: 10,
      annualCost: '1000',
      costedCount: 5,
      coveragePct: 50,
      lowCoverage: true,
      minCoveragePct: 90,
    });
    expect(n.approved).toMatchObject({ count: 4, savings: '400', countPct: 40, costPct: 40 });
    expect(n.target.approvedReached).toEqual({
      count: true,
      cost: false,
      costStatus: 'low_coverage',
    });
    expect(n.programme).toEqual({
      code: 'NQ66',
      name: 'Nghị quyết 66/NQ-CP',
      startDate: '2025-03-26',
      endDate: '2026-12-31',
      baselineDate: '2024-12-31',
    });
    const text = JSON.stringify(n);
    expect(text).not.toContain('/reports/progress/items');
    expect(text).not.toContain('p66');
    expect(n).not.toHaveProperty('series');
  });

  it('refuses to publish one agency’s report', () => {
    expect(() => nationalProgress(report([], { id: 'a1', code: 'BYT', name: 'Bộ Y tế' }))).toThrow(
      /national/,
    );
  });
});
