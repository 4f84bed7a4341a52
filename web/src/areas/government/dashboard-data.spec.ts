import { groupByAgency, monthLabel, reasonsOf, seriesUpTo, sortByProgress } from './dashboard-data';
import type { AgencyProgress } from './dashboard-data';
import type { RegulationRow, SeriesPoint } from './types';

const point = (month: string, approved: number, implemented: number): SeriesPoint => ({
  month,
  approved: { count: 0, savings: '0' },
  implemented: { count: 0, savings: '0' },
  cumulative: {
    approved: { count: 1, savings: '1', countPct: approved, costPct: approved },
    implemented: { count: 1, savings: '1', countPct: implemented, costPct: implemented },
  },
});

describe('dashboard data', () => {
  it('cuts the series at the month of asOf', () => {
    const s = [point('2026-11', 5, 0), point('2026-12', 12.5, 3), point('2027-01', 12.5, 3)];
    expect(seriesUpTo(s, '2026-12-03T10:00:00.000Z')).toEqual([
      { month: '2026-11', approved: 5, implemented: 0 },
      { month: '2026-12', approved: 12.5, implemented: 3 },
    ]);
    expect(monthLabel('2021-10')).toBe('10/2021');
  });

  it('puts agencies furthest behind first and those without a baseline last', () => {
    const row = (code: string, baselineCount: number, approvedCostPct: number) =>
      ({
        agency: { id: code, code, name: code, kind: 'ministry', active: true },
        baselineCount,
        approvedCostPct,
      }) as AgencyProgress;
    const sorted = sortByProgress([row('A', 0, 0), row('B', 3, 40), row('C', 2, 10)]);
    expect(sorted.map((r) => r.agency.code)).toEqual(['C', 'B', 'A']);
  });

  it('groups regulations by agency and reads one reason per line', () => {
    const r = (id: string, agencyId: string) => ({ id, agencyId }) as RegulationRow;
    const g = groupByAgency([r('1', 'x'), r('2', 'y'), r('3', 'x')]);
    expect([...g.get('x')!.map((x) => x.id)]).toEqual(['1', '3']);
    expect(reasonsOf(' Thiếu số liệu \n\n Chưa lấy ý kiến VCCI ')).toEqual([
      'Thiếu số liệu',
      'Chưa lấy ý kiến VCCI',
    ]);
  });
});
