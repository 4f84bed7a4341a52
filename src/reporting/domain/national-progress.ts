import { ProgressReport } from './ledger';

/**
 * The national figures of a programme as the public reads them (the Government Office
 * publishes them): the ledger's nation-wide totals and shares of the targets, without
 * drill-down URLs, per-agency figures, series or items. Pure; national-progress.spec.ts.
 */
export interface NationalFigure {
  count: number;
  /** whole VND per year */
  savings: string;
  countPct: number | null;
  costPct: number | null;
  coveragePct: number | null;
  lowCoverage: boolean;
}

export interface NationalProgress {
  programme: {
    code: string;
    name: string;
    startDate: string;
    endDate: string;
    baselineDate: string;
  };
  asOf: string;
  baseline: {
    count: number;
    annualCost: string;
    costedCount: number;
    coveragePct: number | null;
    lowCoverage: boolean;
    minCoveragePct: number;
  };
  pipeline: NationalFigure;
  approved: NationalFigure;
  implemented: NationalFigure;
  overdue: { count: number };
  /** The targets and whether they are reached, as in the full report. */
  target: ProgressReport['target'];
}

/** Only a national report (no agency) may be published. */
export function nationalProgress(r: ProgressReport): NationalProgress {
  if (r.agencyId !== null) throw new Error('national figures only: this report is of one agency');
  const figure = (f: ProgressReport['pipeline']): NationalFigure => ({
    count: f.count,
    savings: f.savings,
    countPct: f.countPct,
    costPct: f.costPct,
    coveragePct: f.coveragePct,
    lowCoverage: f.lowCoverage,
  });
  const { programme: p, baseline: b, target: t } = r;
  return {
    programme: {
      code: p.code,
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
      baselineDate: p.baselineDate,
    },
    asOf: r.asOf,
    baseline: {
      count: b.count,
      annualCost: b.annualCost,
      costedCount: b.costedCount,
      coveragePct: b.coveragePct,
      lowCoverage: b.lowCoverage,
      minCoveragePct: b.minCoveragePct,
    },
    pipeline: figure(r.pipeline),
    approved: figure(r.approved),
    implemented: figure(r.implemented),
    overdue: { count: r.overdue.count },
    target: {
      countPct: t.countPct,
      costPct: t.costPct,
      minCoveragePct: t.minCoveragePct,
      lowCoverage: t.lowCoverage,
      approvedReached: { ...t.approvedReached },
      implementedReached: { ...t.implementedReached },
    },
  };
}
