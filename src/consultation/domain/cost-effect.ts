/**
 * The cost effect of an accepted item: the disputed estimate's annual cost and the plan's savings
 * before and after its re-estimate. Stored exactly ("n/d" fractions) and rounded once for display,
 * like every figure of domain.md §4. Pure.
 */
import { percentOf, Rational, roundVnd } from '../../costing/domain';
import type { TargetEstimate } from './feedback-input';

/** One side (before or after) of a re-estimate, exact. */
export interface EffectPoint {
  /** The disputed field's value (decimal string). */
  value: string;
  estimateVersion: number;
  /** The disputed estimate's annual cost, "n/d". */
  annualCostExact: string;
  /** The baseline's annual cost, "n/d" (for the reduction %), null without a baseline. */
  baselineExact: string | null;
  /** baseline − proposed (proposed 0 when the plan abolishes), "n/d"; null when unknown. */
  savingsExact: string | null;
}

export interface StoredCostEffect {
  estimate: TargetEstimate;
  field: string;
  before: EffectPoint;
  after: EffectPoint;
}

/** The cost effect as the API and the report show it (money as whole-VND strings). */
export interface CostEffectView {
  estimate: TargetEstimate;
  field: string;
  valueBefore: string;
  valueAfter: string;
  estimateVersionBefore: number;
  estimateVersionAfter: number;
  annualCostBefore: string;
  annualCostAfter: string;
  savingsBefore: string | null;
  savingsAfter: string | null;
  /** savingsAfter − savingsBefore, rounded once from the exact difference. */
  savingsChange: string | null;
  reductionPctBefore: number | null;
  reductionPctAfter: number | null;
}

/** Exact savings of a plan from the exact annual costs (null when an estimate is missing). */
export function savingsExact(
  baselineExact: string | null,
  proposedExact: string | null,
  planAction: string | null,
): string | null {
  if (baselineExact === null) return null;
  if (planAction === 'abolish') return Rational.parse(baselineExact).toString();
  if (proposedExact === null) return null;
  return Rational.parse(baselineExact).sub(Rational.parse(proposedExact)).toString();
}

const pct = (savings: string | null, baseline: string | null) =>
  savings === null || baseline === null
    ? null
    : percentOf(Rational.parse(savings), Rational.parse(baseline));

export function costEffectView(e: StoredCostEffect): CostEffectView {
  const { before, after } = e;
  const change =
    before.savingsExact !== null && after.savingsExact !== null
      ? roundVnd(Rational.parse(after.savingsExact).sub(Rational.parse(before.savingsExact)))
      : null;
  return {
    estimate: e.estimate,
    field: e.field,
    valueBefore: before.value,
    valueAfter: after.value,
    estimateVersionBefore: before.estimateVersion,
    estimateVersionAfter: after.estimateVersion,
    annualCostBefore: roundVnd(Rational.parse(before.annualCostExact)),
    annualCostAfter: roundVnd(Rational.parse(after.annualCostExact)),
    savingsBefore:
      before.savingsExact === null ? null : roundVnd(Rational.parse(before.savingsExact)),
    savingsAfter: after.savingsExact === null ? null : roundVnd(Rational.parse(after.savingsExact)),
    savingsChange: change,
    reductionPctBefore: pct(before.savingsExact, before.baselineExact),
    reductionPctAfter: pct(after.savingsExact, after.baselineExact),
  };
}

/**
 * An item whose answer was corrected: its effect runs from before its first re-estimate to after
 * its latest one.
 */
export function combineEffects(
  first: StoredCostEffect | null,
  latest: StoredCostEffect,
): StoredCostEffect {
  return first ? { ...latest, before: first.before } : latest;
}

/** The savings change of a sequence of writes: from the first write's before to the last's after. */
export function totalEffect(writes: StoredCostEffect[]): {
  savingsBefore: string | null;
  savingsAfter: string | null;
  savingsChange: string | null;
} {
  if (writes.length === 0) return { savingsBefore: null, savingsAfter: null, savingsChange: null };
  const b = writes[0].before.savingsExact;
  const a = writes[writes.length - 1].after.savingsExact;
  return {
    savingsBefore: b === null ? null : roundVnd(Rational.parse(b)),
    savingsAfter: a === null ? null : roundVnd(Rational.parse(a)),
    savingsChange:
      a === null || b === null ? null : roundVnd(Rational.parse(a).sub(Rational.parse(b))),
  };
}
