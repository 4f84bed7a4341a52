/**
 * Durable deadlines: consultation rounds close at their deadlines and implementation becomes
 * overdue, as the actor `system`, once — across sweeps, several processes and restarts.
 * The clock is fixed and moved by hand; nothing sleeps until a deadline.
 */
import { randomUUID } from 'node:crypto';
import { FixedClock } from '../../src/common/clock';
import { createRegulation } from '../support/factories';
import { createTestApp, createTestDatabase, TestApp, testRedisUrl } from '../support/test-app';
import {
  createWorld,
  DAY_MS,
  historyOf,
  ok,
  openConsultationBody,
  populate,
  regulationRow,
  send,
  START,
  sweep,
  toDraftingPlan,
  draftRegulation,
  World,
  WorkflowTestExtensionsModule,
} from './workflow-support';
import { WorkflowModule } from '../../src/workflow/workflow.module';

async function rounds(t: TestApp, id: string) {
  return t.dataSource.query(
    `SELECT cycle, round, status, close_reason, closed_at FROM consultation_round
      WHERE regulation_id = $1 ORDER BY cycle, round`,
    [id],
  ) as Promise<
    Array<{ cycle: number; round: string; status: string; close_reason: string; closed_at: Date }>
  >;
}

async function timers(t: TestApp, id: string) {
  return t.dataSource.query(
    `SELECT kind, status, due_at FROM scheduled_timer WHERE subject_key = $1 ORDER BY created_at, kind`,
    [id],
  ) as Promise<Array<{ kind: string; status: string; due_at: Date }>>;
}

const drivers = [
  ['in-process', false],
  ['bull (Redis)', true],
] as const;

describe.each(drivers)('workflow deadlines with the %s queue driver', (_name, redis) => {
  const maybe = redis && !testRedisUrl() ? it.skip : it;
  let w: World;

  beforeAll(async () => {
    if (redis && !testRedisUrl()) return;
    w = await createWorld({ redis });
  });
  afterAll(() => w?.t.close());

  maybe('closes each round at its deadline, then moves to responding, as system', async () => {
    const id = await draftRegulation(w);
    await toDraftingPlan(w, id);
    const opened = w.clock.now().getTime();
    await ok(w, w.officer, id, openConsultationBody(w, { expertDays: 31, associationDays: 35 }));
    expect((await timers(w.t, id)).map((t) => [t.kind, t.status, t.due_at.getTime()])).toEqual([
      ['association-round-deadline', 'pending', opened + 35 * DAY_MS],
      ['expert-round-deadline', 'pending', opened + 31 * DAY_MS],
    ]);

    // A minute before the expert deadline nothing happens.
    w.clock.set(new Date(opened + 31 * DAY_MS - 60_000));
    await sweep(w);
    expect((await regulationRow(w.t, id)).state_name).toBe('consultation');
    expect(await historyOf(w, id)).toHaveLength(4);

    w.clock.set(new Date(opened + 31 * DAY_MS));
    await sweep(w);
    expect((await regulationRow(w.t, id)).state).toEqual({
      consultation: { experts: 'closed', associations: 'open' },
    });
    expect((await rounds(w.t, id)).map((r) => [r.round, r.status, r.close_reason])).toEqual([
      ['association', 'open', null],
      ['expert', 'closed', 'deadline'],
    ]);

    w.clock.set(new Date(opened + 36 * DAY_MS));
    await sweep(w);
    const row = await regulationRow(w.t, id);
    expect(row).toMatchObject({ state_name: 'responding', state: 'responding', version: 7 });
    expect((await rounds(w.t, id)).map((r) => [r.round, r.status, r.close_reason])).toEqual([
      ['association', 'closed', 'deadline'],
      ['expert', 'closed', 'deadline'],
    ]);
    const history = await historyOf(w, id);
    expect(history.slice(4)).toEqual([
      expect.objectContaining({
        seq: 5,
        event: 'EXPERT_ROUND_DEADLINE',
        actorId: null,
        actorRole: 'system',
        payload: { cycle: 1 },
        toState: { consultation: { experts: 'closed', associations: 'open' } },
      }),
      expect.objectContaining({
        seq: 6,
        event: 'ASSOCIATION_ROUND_DEADLINE',
        actorRole: 'system',
        fromState: { consultation: { experts: 'closed', associations: 'open' } },
        toState: 'responding',
        at: new Date(opened + 36 * DAY_MS).toISOString(),
      }),
    ]);
    expect((await timers(w.t, id)).map((t) => t.status)).toEqual(['fired', 'fired']);
    const open = await w.t.http.get(`/consultations?status=open&regulationId=${id}`);
    expect(open.body.items).toEqual([]);
    const verify = await w.t.http
      .get(`/regulations/${id}/history/verify`)
      .set('Authorization', w.gov.auth);
    expect(verify.body).toEqual({ valid: true, entries: 6, brokenAt: null });
  });

  maybe('the officer may not close rounds by the deadline events themselves', async () => {
    const id = await draftRegulation(w);
    await toDraftingPlan(w, id);
    await ok(w, w.officer, id, openConsultationBody(w));
    const res = await send(w, w.officer, id, { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 });
    expect(res.status).toBe(403);
  });

  maybe('implementation becomes overdue at its deadline and can still be recorded', async () => {
    const { id } = await createRegulation(w.t, w.ministry.id, { state: 'awaiting_decision' });
    const deadline = new Date(w.clock.now().getTime() + 90 * DAY_MS);
    const decided = await send(w, w.gov, id, {
      type: 'RECORD_DECISION',
      outcome: 'approved',
      decisionNumber: '1661/QĐ-TTg',
      decisionDate: '2026-04-20',
      implementationDeadline: deadline.toISOString(),
    });
    expect(decided.body).toMatchObject({ state: { implementing: 'on_track' } });
    expect(await timers(w.t, id)).toEqual([
      { kind: 'implementation-deadline', status: 'pending', due_at: deadline },
    ]);
    w.clock.set(deadline);
    await sweep(w);
    expect((await regulationRow(w.t, id)).state).toEqual({ implementing: 'overdue' });
    const [, overdue] = await historyOf(w, id);
    expect(overdue).toMatchObject({
      event: 'IMPLEMENTATION_DEADLINE_PASSED',
      actorRole: 'system',
      toState: { implementing: 'overdue' },
    });
    const done = await send(w, w.officer, id, {
      type: 'RECORD_IMPLEMENTATION',
      amendingDocumentNumber: '12/2026/NĐ-CP',
      effectiveDate: '2026-03-01', // already in force: implemented at once
    });
    expect(done.body).toMatchObject({ stateName: 'implemented', availableEvents: [] });
  });

  maybe('implementing on time cancels the deadline', async () => {
    const { id } = await createRegulation(w.t, w.ministry.id, { state: 'awaiting_decision' });
    await ok(w, w.gov, id, {
      type: 'RECORD_DECISION',
      outcome: 'approved',
      decisionNumber: '1700/QĐ-TTg',
      decisionDate: '2026-04-20',
      implementationDeadline: new Date(w.clock.now().getTime() + 10 * DAY_MS).toISOString(),
    });
    await ok(w, w.officer, id, {
      type: 'RECORD_IMPLEMENTATION',
      amendingDocumentNumber: '13/2026/NĐ-CP',
      effectiveDate: '2026-03-01',
    });
    expect((await timers(w.t, id)).map((t) => t.status)).toEqual(['cancelled']);
    w.clock.advance(11 * DAY_MS);
    await sweep(w);
    expect((await regulationRow(w.t, id)).state_name).toBe('implemented');
    expect(await historyOf(w, id)).toHaveLength(2);
  });

  maybe('a stale timer is a no-op: no history, no change', async () => {
    // A round deadline of consultation cycle 1 arriving during cycle 2.
    const id = await draftRegulation(w);
    await toDraftingPlan(w, id);
    await ok(w, w.officer, id, openConsultationBody(w, { expertDays: 31, associationDays: 32 }));
    w.clock.advance(33 * DAY_MS);
    await sweep(w);
    await ok(w, w.officer, id, { type: 'REVISE_PLAN', reason: 'theo ý kiến hiệp hội' });
    await ok(w, w.officer, id, openConsultationBody(w, { expertDays: 40, associationDays: 41 }));
    expect((await rounds(w.t, id)).map((r) => [r.cycle, r.round, r.status])).toEqual([
      [1, 'association', 'closed'],
      [1, 'expert', 'closed'],
      [2, 'association', 'open'],
      [2, 'expert', 'open'],
    ]);
    const before = await regulationRow(w.t, id);
    await w.t.dataSource.query(
      `INSERT INTO scheduled_timer (id, kind, subject_key, payload, due_at) VALUES ($1, 'expert-round-deadline', $2, $3, $4)`,
      [
        randomUUID(),
        id,
        JSON.stringify({ event: { type: 'EXPERT_ROUND_DEADLINE', cycle: 1 } }),
        w.clock.now(),
      ],
    );
    // And a deadline arriving for a regulation no longer in that state at all.
    const draft = await draftRegulation(w);
    await w.t.dataSource.query(
      `INSERT INTO scheduled_timer (id, kind, subject_key, payload, due_at) VALUES ($1, 'implementation-deadline', $2, $3, $4)`,
      [
        randomUUID(),
        draft,
        JSON.stringify({ event: { type: 'IMPLEMENTATION_DEADLINE_PASSED' } }),
        w.clock.now(),
      ],
    );
    await sweep(w);
    expect(await regulationRow(w.t, id)).toEqual(before);
    expect(await historyOf(w, id)).toHaveLength(8);
    expect(await historyOf(w, draft)).toHaveLength(0);
    const stale = await w.t.dataSource.query(
      `SELECT status FROM scheduled_timer WHERE subject_key = ANY($1::text[]) AND due_at = $2`,
      [[id, draft], w.clock.now()],
    );
    expect(stale.map((s: { status: string }) => s.status)).toEqual(['fired', 'fired']);
    // The current cycle's timers are untouched.
    expect((await timers(w.t, id)).filter((t) => t.status === 'pending')).toHaveLength(2);
  });
});

describe('workflow deadlines across processes and restarts', () => {
  it('two processes sweeping at once fire each deadline once', async () => {
    const database = await createTestDatabase();
    const clock = new FixedClock(new Date(START));
    const imports = [WorkflowModule, WorkflowTestExtensionsModule];
    const a = await createTestApp({ database, clock, imports });
    const b = await createTestApp({ database, clock, imports });
    try {
      const w = await populate(a, clock);
      const ids = await Promise.all(Array.from({ length: 5 }, () => draftRegulation(w)));
      for (const id of ids) {
        await toDraftingPlan(w, id);
        await ok(
          w,
          w.officer,
          id,
          openConsultationBody(w, { expertDays: 31, associationDays: 31 }),
        );
      }
      clock.advance(32 * DAY_MS);
      await Promise.all([sweep(w), sweep({ ...w, t: b })]);
      for (const id of ids) {
        expect((await regulationRow(a, id)).state_name).toBe('responding');
        const history = await historyOf(w, id);
        expect(history.map((h) => h.event)).toEqual([
          'SUBMIT_FOR_REVIEW',
          'COMPLETE_REVIEW',
          'CONFIRM_BASELINE',
          'OPEN_CONSULTATION',
          expect.stringMatching(/_ROUND_DEADLINE$/),
          expect.stringMatching(/_ROUND_DEADLINE$/),
        ]);
      }
    } finally {
      await a.close({ keepDatabase: true });
      await b.close({ keepDatabase: true });
      await database.drop();
    }
  });

  it('a deadline that passed while no process ran fires once at the next start', async () => {
    const database = await createTestDatabase();
    const imports = [WorkflowModule, WorkflowTestExtensionsModule];
    const first = await createTestApp({
      database,
      clock: new FixedClock(new Date(START)),
      imports,
    });
    let id: string;
    try {
      const w = await populate(first, first.clock as FixedClock);
      id = await draftRegulation(w);
      await toDraftingPlan(w, id);
      await ok(w, w.officer, id, openConsultationBody(w, { expertDays: 31, associationDays: 35 }));
    } finally {
      await first.close({ keepDatabase: true });
    }

    // Forty days later the service starts again: its start-up sweep fires both deadlines.
    const later = new Date(new Date(START).getTime() + 40 * DAY_MS);
    const second = await createTestApp({ database, clock: new FixedClock(later), imports });
    const systemEntries = async (t: TestApp) =>
      t.dataSource.query(
        `SELECT seq, event, at FROM workflow_history WHERE regulation_id = $1 AND actor_role = 'system' ORDER BY seq`,
        [id],
      );
    try {
      expect((await regulationRow(second, id)).state_name).toBe('responding');
      expect(await systemEntries(second)).toEqual([
        { seq: 5, event: 'EXPERT_ROUND_DEADLINE', at: later },
        { seq: 6, event: 'ASSOCIATION_ROUND_DEADLINE', at: later },
      ]);
    } finally {
      await second.close({ keepDatabase: true });
    }

    // Another start does not fire them again.
    const third = await createTestApp({
      database,
      clock: new FixedClock(new Date(later.getTime() + DAY_MS)),
      imports,
    });
    try {
      expect(await systemEntries(third)).toHaveLength(2);
      expect((await regulationRow(third, id)).version).toBe(7);
    } finally {
      await third.close();
      await database.drop();
    }
  });
});
