import { stateOf } from '../../src/workflow/domain';
import { FixtureState, reach } from '../../src/workflow/domain/workflow.fixtures';
import { TestApp } from '../support/test-app';

/**
 * Moves a regulation to another workflow fixture state directly (as the workflow would after
 * e.g. CONFIRM_BASELINE), keeping its estimates and plan: costing tests need a baseline entered
 * in `costing` and a proposed one in `drafting_plan` on the same regulation.
 */
export async function moveTo(t: TestApp, regulationId: string, state: FixtureState) {
  const snapshot = reach(state);
  const { state: value, stateName } = stateOf(snapshot);
  await t.dataSource.query(
    `UPDATE regulation SET workflow_snapshot = $2, state = $3, state_name = $4, published = $5,
       plan_public = $6, version = version + 1 WHERE id = $1`,
    [
      regulationId,
      JSON.stringify(snapshot),
      JSON.stringify(value),
      stateName,
      stateName !== 'draft',
      ['consultation', 'responding', 'government_office_review', 'awaiting_decision'].includes(
        stateName,
      ),
    ],
  );
}

/** The baseline of domain.md §4's worked example. */
export const WORKED_BASELINE = {
  subjectType: 'business',
  costKind: 'recurring',
  activities: [
    { name: 'Chuẩn bị hồ sơ', hours: 8 },
    { name: 'Nộp hồ sơ', hours: 2 },
    { name: 'Nhận kết quả', hours: 1 },
  ],
  hiredServices: '1000000',
  feesAndCharges: 500000,
  otherCosts: '100000',
  frequencyPerYear: 1,
  subjectsPerYear: 12000,
};

/** The proposed estimate of the worked example. */
export const WORKED_PROPOSED = {
  subjectType: 'business',
  costKind: 'recurring',
  activities: [
    { name: 'Chuẩn bị hồ sơ', hours: '3' },
    { name: 'Nộp hồ sơ trực tuyến', hours: 1 },
  ],
  hiredServices: 0,
  feesAndCharges: '200000',
  otherCosts: 0,
  frequencyPerYear: '1',
  subjectsPerYear: '12000',
};
