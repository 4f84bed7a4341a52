import type { Agency, ProgressReport, RegulationRow, SeriesPoint } from './types';

/** One agency's line on the dashboard: its shares of the targets and how far it is from them. */
export interface AgencyProgress {
  agency: Agency;
  baselineCount: number;
  approvedCostPct: number;
  implementedCostPct: number;
  approvedCountPct: number;
  implementedCountPct: number;
  pipelineCount: number;
  overdueCount: number;
  /** Approved plans reach the cost target of the programme. */
  onTrack: boolean;
}

export function agencyProgress(agency: Agency, r: ProgressReport): AgencyProgress {
  return {
    agency,
    baselineCount: r.baseline.count,
    approvedCostPct: r.approved.costPct ?? 0,
    implementedCostPct: r.implemented.costPct ?? 0,
    approvedCountPct: r.approved.countPct ?? 0,
    implementedCountPct: r.implemented.countPct ?? 0,
    pipelineCount: r.pipeline.count,
    overdueCount: r.overdue.count,
    onTrack: r.target.approvedReached.cost,
  };
}

/** Agencies furthest behind the target first, those without a baseline last. */
export function sortByProgress(rows: AgencyProgress[]): AgencyProgress[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.baselineCount > 0) - Number(a.baselineCount > 0) ||
      a.approvedCostPct - b.approvedCostPct ||
      a.agency.code.localeCompare(b.agency.code),
  );
}

/**
 * The cost-reduction series for the chart: cumulative shares of the cost target per month, cut to
 * the months up to today (the API's series runs to the programme's end).
 */
export function seriesUpTo(
  series: SeriesPoint[],
  asOf: string,
): Array<{ month: string; approved: number; implemented: number }> {
  const last = asOf.slice(0, 7);
  return series
    .filter((p) => p.month <= last)
    .map((p) => ({
      month: p.month,
      approved: p.cumulative.approved.costPct ?? 0,
      implemented: p.cumulative.implemented.costPct ?? 0,
    }));
}

/** "2021-10" → "10/2021". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

/** Regulations of one list grouped by agency (a decision covers one agency's regulations). */
export function groupByAgency(rows: RegulationRow[]): Map<string, RegulationRow[]> {
  const out = new Map<string, RegulationRow[]>();
  for (const r of rows) {
    const list = out.get(r.agencyId) ?? [];
    list.push(r);
    out.set(r.agencyId, list);
  }
  return out;
}

/** Splits "one reason per line" into the RETURN_FOR_REVISION payload's list. */
export function reasonsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
