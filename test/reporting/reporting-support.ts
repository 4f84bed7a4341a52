import { FixedClock } from '../../src/common/clock';
import { WorkerLifecycle } from '../../src/jobs/worker-lifecycle';
import {
  createAgency,
  createLegalDocument,
  createRegulation,
  createUser,
  reissueTokensWhenClockMoves,
  TestAgency,
  TestUser,
} from '../support/factories';
import { TestApp, TestAppOptions } from '../support/test-app';
import {
  appAtStart,
  createParameterSet2020,
  DAY_MS,
  NQ66_ID,
  NQ68_ID,
  START,
} from '../support/world-clock';

export { DAY_MS, NQ66_ID, NQ68_ID, START };

export interface Ministry {
  agency: TestAgency;
  officer: TestUser;
  lead: TestUser;
}

export interface ReportWorld {
  t: TestApp;
  clock: FixedClock;
  a: Ministry;
  b: Ministry;
  gov: TestUser;
  admin: TestUser;
  expert: TestUser;
  association: TestUser;
  /** The 2020 cost-parameter set of domain.md §4 (64,500,000 / 2,112 VND per hour). */
  parameterSetId: string;
}

// The worked example of domain.md §4: 23,231,250,000 → 3,865,909,091 VND a year.
export { WORKED_BASELINE, WORKED_PROPOSED } from '../costing/costing-helpers';

/** One hour a year for 2,112 businesses: exactly 64,500,000 VND. */
export const ONE_HOUR_BASELINE = {
  subjectType: 'business',
  costKind: 'recurring',
  activities: [{ name: 'Lập báo cáo định kỳ', hours: 1 }],
  hiredServices: 0,
  feesAndCharges: 0,
  otherCosts: 0,
  frequencyPerYear: 1,
  subjectsPerYear: 2112,
};

export const citizen = <T extends object>(estimate: T): T => ({
  ...estimate,
  subjectType: 'citizen',
});

async function ministry(t: TestApp, code?: string): Promise<Ministry> {
  const agency = await createAgency(t, 'ministry', code);
  return {
    agency,
    officer: await createUser(t, 'ministry_officer', agency),
    lead: await createUser(t, 'ministry_lead', agency),
  };
}

export async function createReportWorld(options: TestAppOptions = {}): Promise<ReportWorld> {
  const { t, clock } = await appAtStart(options);
  const a = await ministry(t);
  const b = await ministry(t);
  const gov = await createUser(t, 'gov_office');
  const admin = await createUser(t, 'admin');
  const expert = await createUser(t, 'expert');
  const association = await createUser(t, 'association');
  reissueTokensWhenClockMoves(t, clock, [
    a.officer,
    a.lead,
    b.officer,
    b.lead,
    gov,
    admin,
    expert,
    association,
  ]);
  const parameterSetId = await createParameterSet2020(t, admin);
  return { t, clock, a, b, gov, admin, expert, association, parameterSetId };
}

/** A decree in force since 2019 (in both programmes' baselines) unless told otherwise. */
export function document(
  w: ReportWorld,
  over: { effectiveOn?: string; issuedOn?: string; expiredOn?: string | null } = {},
) {
  return createLegalDocument(w.t, {
    issuedOn: over.issuedOn ?? '2019-01-15',
    effectiveOn: over.effectiveOn ?? '2019-03-01',
    expiredOn: over.expiredOn ?? null,
  });
}

/** A new draft regulation of the ministry, filed as the register would (its insert trigger runs). */
export async function draft(
  w: ReportWorld,
  m: Ministry,
  over: { legalDocumentId?: string; category?: string; title?: string } = {},
): Promise<string> {
  const legalDocumentId = over.legalDocumentId ?? (await document(w));
  return (await createRegulation(w.t, m.agency.id, { ...over, legalDocumentId })).id;
}

export async function putEstimate(
  w: ReportWorld,
  who: TestUser,
  regulationId: string,
  kind: 'baseline' | 'proposed',
  estimate: object,
) {
  const res = await w.t.http
    .put(`/regulations/${regulationId}/cost-estimates/${kind}`)
    .set('Authorization', who.auth)
    .send({ parameterSetId: w.parameterSetId, ...estimate });
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`PUT ${kind} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export async function putPlan(
  w: ReportWorld,
  who: TestUser,
  regulationId: string,
  action: 'abolish' | 'simplify' | 'amend',
  programme = 'NQ66',
) {
  const res = await w.t.http
    .put(`/regulations/${regulationId}/plan`)
    .set('Authorization', who.auth)
    .send({ action, description: 'Bỏ yêu cầu nộp bản sao chứng thực', programme });
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`PUT plan → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export async function event(
  w: ReportWorld,
  who: TestUser,
  regulationId: string,
  body: Record<string, unknown>,
) {
  const res = await w.t.http
    .post(`/regulations/${regulationId}/events`)
    .set('Authorization', who.auth)
    .send(body);
  if (res.status !== 200) {
    throw new Error(`${String(body.type)} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body as { state: unknown; stateName: string; version: number };
}

/** draft → review → costing → drafting_plan through the API, with the baseline entered in draft. */
export async function toDraftingPlan(
  w: ReportWorld,
  m: Ministry,
  regulationId: string,
  baseline: object,
) {
  await putEstimate(w, m.officer, regulationId, 'baseline', baseline);
  await event(w, m.officer, regulationId, { type: 'SUBMIT_FOR_REVIEW' });
  await event(w, m.officer, regulationId, {
    type: 'COMPLETE_REVIEW',
    necessary: true,
    legal: true,
    reasonable: false,
    notes: 'chi phí tuân thủ quá cao',
  });
  await event(w, m.officer, regulationId, { type: 'CONFIRM_BASELINE' });
}

/** The plan (and its proposed estimate unless it abolishes), then the consultation opens. */
export async function planAndConsult(
  w: ReportWorld,
  m: Ministry,
  regulationId: string,
  plan: { action: 'abolish' | 'simplify' | 'amend'; proposed?: object; programme?: string },
) {
  await putPlan(w, m.officer, regulationId, plan.action, plan.programme);
  if (plan.proposed) await putEstimate(w, m.officer, regulationId, 'proposed', plan.proposed);
  const at = (days: number) => new Date(w.clock.now().getTime() + days * DAY_MS).toISOString();
  await event(w, m.officer, regulationId, {
    type: 'OPEN_CONSULTATION',
    expertDeadline: at(31),
    associationDeadline: at(32),
    expertIds: [w.expert.id],
  });
}

/** Both rounds close by their durable deadlines: the clock moves 33 days and the sweeper runs. */
export async function closeRounds(w: ReportWorld) {
  w.clock.advance(33 * DAY_MS);
  await sweep(w);
}

/** responding → government_office_review → awaiting_decision. */
export async function submitAndForward(w: ReportWorld, m: Ministry, regulationId: string) {
  await event(w, m.lead, regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
  await event(w, w.gov, regulationId, { type: 'FORWARD_FOR_DECISION', note: 'đủ điều kiện' });
}

/** Runs the timer sweeper (twice: an interval sweep may be mid-flight). */
export async function sweep(w: ReportWorld) {
  const lifecycle = w.t.app.get(WorkerLifecycle);
  await lifecycle.sweep();
  await lifecycle.sweep();
}

/** Today in Vietnam on the fixed clock, YYYY-MM-DD. */
export const today = (w: ReportWorld) =>
  new Date(w.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export async function report(
  w: ReportWorld,
  who: TestUser,
  query: Record<string, string>,
  status = 200,
) {
  const res = await w.t.http.get('/reports/progress').set('Authorization', who.auth).query(query);
  if (res.status !== status) {
    throw new Error(`GET /reports/progress → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** Every page of a drill-down. */
export async function allItems(
  w: ReportWorld,
  who: TestUser,
  query: Record<string, string>,
  limit = 2,
): Promise<Array<Record<string, any>>> {
  const out: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  do {
    const res = await w.t.http
      .get('/reports/progress/items')
      .set('Authorization', who.auth)
      .query({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    if (res.status !== 200) {
      throw new Error(`GET /reports/progress/items → ${res.status} ${JSON.stringify(res.body)}`);
    }
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** GET /admin/reports/check: the maintained aggregates against a from-scratch recomputation. */
export async function check(w: ReportWorld, programme?: string) {
  const res = await w.t.http
    .get('/admin/reports/check')
    .set('Authorization', w.admin.auth)
    .query(programme ? { programme } : {});
  if (res.status !== 200) throw new Error(`check → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    consistent: boolean;
    regulations: number;
    staleLines: { count: number; sample: string[] };
    differences: unknown[];
  };
}
