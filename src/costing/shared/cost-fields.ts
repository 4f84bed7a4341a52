import { CostInputError } from '../domain';
import { StoredInputs } from './rows';

/**
 * The fields of an estimate a consultation item may dispute (api.md `target.field`): the money per
 * compliance, frequency and subjects with their ranges, and each activity's hours.
 */
const COST_FIELD =
  /^(?:(hiredServices|feesAndCharges|otherCosts|frequencyPerYear|frequencyLow|frequencyHigh|subjectsPerYear|subjectsLow|subjectsHigh)|activities\[(\d{1,3})\]\.(hours|hoursLow|hoursHigh))$/;

/** Whether `field` names a cost field at all (the activity index is checked against an estimate). */
export function isCostField(field: string): boolean {
  return COST_FIELD.test(field);
}

/**
 * Pure: an estimate's inputs with one field replaced by a re-estimated value (not yet validated:
 * the EstimateWriter validates the result as a whole, so low ≤ central ≤ high still holds).
 * Throws CostInputError naming the field when it is not a cost field of this estimate.
 */
export function withCostField(
  inputs: StoredInputs,
  field: string,
  value: unknown,
): Record<string, unknown> {
  const m = COST_FIELD.exec(field);
  if (!m) throw CostInputError.single(field, 'is not a cost field of an estimate');
  const copy: Record<string, unknown> = {
    ...inputs,
    activities: inputs.activities.map((a) => ({ ...a })),
  };
  if (m[1]) {
    copy[m[1]] = value;
    return copy;
  }
  const index = Number(m[2]);
  const activities = copy.activities as Array<Record<string, unknown>>;
  if (index >= activities.length) {
    throw CostInputError.single(field, `the estimate has ${activities.length} activities`);
  }
  activities[index][m[3]] = value;
  return copy;
}
