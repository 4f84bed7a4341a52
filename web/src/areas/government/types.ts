/**
 * Shapes of the Government Office's reads, as the service answers them (src/reporting, src/decisions,
 * src/register): the routes have no response schema in the OpenAPI document yet.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Programme {
  id: string;
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  baselineDate: string;
  targetCountPct: number;
  targetCostPct: number;
  minConsultationDays: number;
  categories: string[];
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  kind: string;
  active: boolean;
}

export interface Figure {
  count: number;
  savings: string;
}

export interface TargetFigure extends Figure {
  countPct: number | null;
  costPct: number | null;
}

export interface SeriesPoint {
  month: string;
  approved: Figure;
  implemented: Figure;
  cumulative: { approved: TargetFigure; implemented: TargetFigure };
}

export interface ProgressReport {
  programme: Programme;
  agencyId: string | null;
  agency: { id: string; code: string; name: string } | null;
  asOf: string;
  baseline: {
    count: number;
    annualCost: string;
    costedCount: number;
    coveragePct: number | null;
    /** Too few baseline regulations costed for the cost share to prove the target (README). */
    lowCoverage?: boolean;
    minCoveragePct?: number;
  };
  pipeline: TargetFigure;
  approved: TargetFigure;
  implemented: TargetFigure;
  overdue: Figure & { denominator: { implementingCount: number } };
  target: {
    countPct: number;
    costPct: number;
    approvedReached: { count: boolean; cost: boolean; costStatus?: CostTargetStatus };
    implementedReached: { count: boolean; cost: boolean; costStatus?: CostTargetStatus };
  };
  series: SeriesPoint[];
}

/** `low_coverage`: the share cannot show the target reached while few regulations are costed. */
export type CostTargetStatus = 'reached' | 'not_reached' | 'low_coverage';

export interface OverdueItem {
  regulationId: string;
  title: string;
  provision: string;
  agency: { id: string; code: string; name: string };
  decision: { number: string | null; date: string | null };
  implementationDeadline: string;
  daysOverdue: number;
  planProgramme: string | null;
  savings: string | null;
}

export interface RegulationRow {
  id: string;
  title: string;
  provision: string;
  agencyId: string;
  stateName: string;
  version: number;
  legalDocument: { id: string; number: string; title: string } | null;
}

export interface Decision {
  id: string;
  decisionNumber: string;
  decisionDate: string;
  outcome: 'approved' | 'rejected';
  implementationDeadline: string | null;
  agency: { id: string; code: string; name: string };
  regulations: Array<{ id: string; title: string; stateName: string; savings: string | null }>;
}
