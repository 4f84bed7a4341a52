import { WorkerLifecycle } from '../../src/jobs/worker-lifecycle';
import { WORKED_BASELINE, WORKED_PROPOSED } from '../costing/costing-helpers';
import {
  createAgency,
  createRegulation,
  createUser,
  reissueTokensWhenClockMoves,
  TestUser,
} from '../support/factories';
import { TestAppOptions } from '../support/test-app';
import {
  appAtStart,
  createParameterSet2020,
  DAY_MS,
  PeopleWorld,
  START,
  usersOf,
} from '../support/world-clock';

export { DAY_MS, START };

/** `expert` and `expert2` are invited to the expert rounds opened by `openConsultation`. */
export interface World extends PeopleWorld {
  /** Never invited. */
  outsider: TestUser;
  /** Another association (VINASME beside VCCI). */
  association2: TestUser;
  parameterSetId: string;
}

/** The real application on a FixedClock, with the people of a consultation. */
export async function createWorld(options: TestAppOptions = {}): Promise<World> {
  const { t, clock } = await appAtStart(options);
  const ministry = await createAgency(t, 'ministry');
  const vcci = await createAgency(t, 'association', `VCCI${Date.now() % 100000}`);
  const council = await createAgency(t, 'other');
  const admin = await createUser(t, 'admin');
  const w: World = {
    t,
    clock,
    ministry,
    officer: await createUser(t, 'ministry_officer', ministry),
    lead: await createUser(t, 'ministry_lead', ministry),
    otherOfficer: await createUser(t, 'ministry_officer'),
    gov: await createUser(t, 'gov_office'),
    admin,
    expert: await createUser(t, 'expert', council),
    expert2: await createUser(t, 'expert', council),
    outsider: await createUser(t, 'expert', council),
    association: await createUser(t, 'association', vcci),
    association2: await createUser(t, 'association'),
    parameterSetId: '',
  };
  w.parameterSetId = await createParameterSet2020(t, admin);
  reissueTokensWhenClockMoves(t, clock, usersOf(w));
  return w;
}

export function expectStatus(res: { status: number; body: unknown }, status: number) {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body as any;
}

export async function send(w: World, who: TestUser, regulationId: string, body: object) {
  return w.t.http
    .post(`/regulations/${regulationId}/events`)
    .set('Authorization', who.auth)
    .send(body);
}

export async function event(w: World, who: TestUser, regulationId: string, body: object) {
  return expectStatus(await send(w, who, regulationId, body), 200);
}

export const days = (w: World, n: number) =>
  new Date(w.clock.now().getTime() + n * DAY_MS).toISOString();

/**
 * A regulation in drafting_plan with the worked example's estimates (domain.md §4) and a
 * simplification plan under NQ66, entered through the costing API and the workflow.
 */
export async function planReady(w: World, title?: string): Promise<string> {
  const reg = await createRegulation(w.t, w.ministry.id, { state: 'costing', title });
  const put = (kind: string, body: object) =>
    w.t.http
      .put(`/regulations/${reg.id}/cost-estimates/${kind}`)
      .set('Authorization', w.officer.auth)
      .send({ parameterSetId: w.parameterSetId, ...body });
  expectStatus(await put('baseline', WORKED_BASELINE), 200);
  await event(w, w.officer, reg.id, { type: 'CONFIRM_BASELINE' });
  expectStatus(
    await w.t.http.put(`/regulations/${reg.id}/plan`).set('Authorization', w.officer.auth).send({
      action: 'simplify',
      description: 'Nộp hồ sơ trực tuyến; bỏ dịch vụ tư vấn bắt buộc',
      programme: 'NQ66',
    }),
    200,
  );
  expectStatus(await put('proposed', WORKED_PROPOSED), 200);
  return reg.id;
}

export interface Consultation {
  regulationId: string;
  expertRound: string;
  associationRound: string;
}

/** Opens the consultation (experts and expert2 invited) and finds its two rounds. */
export async function openConsultation(
  w: World,
  regulationId: string,
  over: { expertDays?: number; associationDays?: number; expertIds?: string[] } = {},
): Promise<Consultation> {
  await event(w, w.officer, regulationId, {
    type: 'OPEN_CONSULTATION',
    expertDeadline: days(w, over.expertDays ?? 31),
    associationDeadline: days(w, over.associationDays ?? 35),
    expertIds: over.expertIds ?? [w.expert.id, w.expert2.id],
  });
  const rounds = expectStatus(
    await w.t.http.get(`/consultations?regulationId=${regulationId}&status=open`),
    200,
  ).items as Array<{ id: string; round: string }>;
  return {
    regulationId,
    expertRound: rounds.find((r) => r.round === 'expert')!.id,
    associationRound: rounds.find((r) => r.round === 'association')!.id,
  };
}

export function giveFeedback(w: World, who: TestUser | null, roundId: string, body: object) {
  const req = w.t.http.post(`/consultations/${roundId}/feedback`);
  return (who ? req.set('Authorization', who.auth) : req).send(body);
}

export function respond(w: World, who: TestUser, feedbackId: string, body: object) {
  return w.t.http
    .post(`/feedback/${feedbackId}/response`)
    .set('Authorization', who.auth)
    .send(body);
}

/** Moves the clock past both deadlines and lets the durable timers close the rounds. */
export async function closeRoundsByDeadline(w: World, afterDays = 36) {
  w.clock.advance(afterDays * DAY_MS);
  await sweep(w);
}

/** Runs the timer sweeper (twice: an interval sweep may be mid-flight). */
export async function sweep(w: World) {
  const lifecycle = w.t.app.get(WorkerLifecycle);
  await lifecycle.sweep();
  await lifecycle.sweep();
}

export async function stateName(w: World, regulationId: string): Promise<string> {
  const [row] = await w.t.dataSource.query(`SELECT state_name FROM regulation WHERE id = $1`, [
    regulationId,
  ]);
  return row.state_name;
}

export async function outbox(w: World, regulationId: string) {
  return (await w.t.dataSource.query(
    `SELECT topic, round_id, feedback_id, payload FROM consultation_outbox
      WHERE regulation_id = $1 ORDER BY id`,
    [regulationId],
  )) as Array<{ topic: string; round_id: string | null; feedback_id: string | null; payload: any }>;
}
