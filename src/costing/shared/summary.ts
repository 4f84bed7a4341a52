import { compareEstimates, Rational } from '../domain';
import { StoredEstimate } from './rows';

/** The cost figures of one regulation, as the regulation view and the estimates overview show them. */
export interface CostSummary {
  /** Whole VND per year, or null without a baseline estimate. */
  baselineCost: string | null;
  /** Whole VND per year; "0" when the plan abolishes the regulation; null without an estimate. */
  proposedCost: string | null;
  /** baseline − proposed, rounded once from the exact annual costs; null when either is missing. */
  savings: string | null;
  /** savings / baseline × 100, 2 decimals; null when savings are unknown or the baseline is 0. */
  reductionPct: number | null;
}

/** Pure: the figures of domain.md §4 from the stored exact annual costs and the plan's action. */
export function summarizeCosts(
  baseline: Pick<StoredEstimate, 'annualCost' | 'annualCostExact'> | null,
  proposed: Pick<StoredEstimate, 'annualCost' | 'annualCostExact'> | null,
  planAction: string | null,
): CostSummary {
  const abolish = planAction === 'abolish';
  const proposedCost = abolish ? '0' : (proposed?.annualCost ?? null);
  if (!baseline || (!abolish && !proposed)) {
    return {
      baselineCost: baseline?.annualCost ?? null,
      proposedCost,
      savings: null,
      reductionPct: null,
    };
  }
  const comparison = compareEstimates(
    Rational.parse(baseline.annualCostExact),
    abolish ? 'abolish' : Rational.parse(proposed!.annualCostExact),
  );
  return {
    baselineCost: baseline.annualCost,
    proposedCost,
    savings: comparison.savings,
    reductionPct: comparison.reductionPct,
  };
}
