import { ProblemException } from '../../common/problem';

/** Pure rules of the costing feature (domain.md §4, §5, §7), unit-tested in costing-rules.spec.ts. */

export const ESTIMATE_KINDS = ['baseline', 'proposed'] as const;
export type EstimateKind = (typeof ESTIMATE_KINDS)[number];

/** Where a version of an estimate came from (cost_estimate_history.source). */
export const ESTIMATE_SOURCES = ['manual', 'feedback', 'recalculation'] as const;
export type EstimateSource = (typeof ESTIMATE_SOURCES)[number];

export const PLAN_ACTIONS = ['abolish', 'simplify', 'amend'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * Stocktaking comes first: the baseline may be entered or corrected while the regulation is being
 * filed, reviewed, costed, or after it was retained (so kept regulations are costed too). The
 * proposed estimate and the plan belong to drafting the plan (phương án).
 */
export const WRITABLE_STATES: Readonly<Record<EstimateKind | 'plan', readonly string[]>> = {
  baseline: ['draft', 'review', 'costing', 'retained'],
  proposed: ['drafting_plan'],
  plan: ['drafting_plan'],
};

/** 409 naming the current state and the states where the write is accepted. */
export function assertWritableState(what: EstimateKind | 'plan', stateName: string): void {
  const allowed = WRITABLE_STATES[what];
  if (allowed.includes(stateName)) return;
  const label = what === 'plan' ? 'The plan' : `The ${what} estimate`;
  throw new ProblemException(
    409,
    'invalid-state',
    `${label} can only be changed in ${allowed.join(', ')}; this regulation is in ${stateName}.`,
    { stateName, allowedStates: allowed },
  );
}

export { etagOf, parseIfMatch } from '../../common/if-match';

/** 409 when the caller edited an older version than the stored one (optimistic concurrency). */
export function assertVersion(
  expected: number | undefined,
  current: number | null,
  what: string,
): void {
  if (expected === undefined) return;
  if (current === expected) return;
  throw new ProblemException(
    409,
    'version-conflict',
    current === null
      ? `If-Match: ${expected} was given but there is no ${what} yet.`
      : `The ${what} is at version ${current}, not ${expected}; reload it and try again.`,
    { currentVersion: current },
  );
}

export { vietnamDate } from '../../common/vietnam-time';

export interface ProgrammePeriod {
  id: string;
  code: string;
  startDate: string;
  endDate: string;
}

/**
 * The default programme of a plan (domain.md §7): the one with the latest start date on or before
 * today whose end date has not passed; null when none runs today.
 */
export function defaultProgramme<P extends ProgrammePeriod>(
  programmes: P[],
  today: string,
): P | null {
  let best: P | null = null;
  for (const p of programmes) {
    if (p.startDate > today || p.endDate < today) continue;
    if (!best || p.startDate > best.startDate) best = p;
  }
  return best;
}
