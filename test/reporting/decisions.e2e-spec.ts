import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TransitionHooks } from '../../src/workflow/transition-hooks';
import { WorkflowModule } from '../../src/workflow/workflow.module';
import { createRegulation } from '../support/factories';
import { createReportWorld, Ministry, ReportWorld, today } from './reporting-support';

/** Regulations for which a stand-in transition hook fails (a failure half-way through a decision). */
const failFor = new Set<string>();

@Injectable()
class FailingHook implements OnModuleInit {
  constructor(private readonly hooks: TransitionHooks) {}
  onModuleInit() {
    this.hooks.register(async (_tx, ctx) => {
      if (failFor.has(ctx.regulation.id)) throw new Error('simulated failure');
    });
  }
}

@Module({ imports: [WorkflowModule], providers: [FailingHook] })
class FailingHookModule {}

describe('decisions of the Prime Minister', () => {
  let w: ReportWorld;

  beforeAll(async () => {
    // Asserts the English texts of refusals (Vietnamese is the default).
    w = await createReportWorld({ imports: [FailingHookModule], acceptLanguage: 'en' });
  });
  afterAll(() => w.t.close());

  const awaiting = async (m: Ministry = w.a) =>
    (await createRegulation(w.t, m.agency.id, { state: 'awaiting_decision' })).id;

  const post = (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    let req = w.t.http.post('/decisions').set('Authorization', w.gov.auth);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    return req.send(body);
  };

  let serial = 100;
  const decision = (regulationIds: string[], over: Record<string, unknown> = {}) => ({
    decisionNumber: `${serial++}/QĐ-TTg`,
    decisionDate: today(w),
    outcome: 'approved',
    implementationDeadline: '2026-12-31',
    regulationIds,
    ...over,
  });

  async function rows(ids: string[]) {
    return w.t.dataSource.query(
      `SELECT id, state_name, version, (SELECT count(*)::int FROM workflow_history h WHERE h.regulation_id = r.id) AS entries
         FROM regulation r WHERE id = ANY ($1::uuid[]) ORDER BY id`,
      [ids],
    );
  }

  it('records one decision over many regulations through the workflow', async () => {
    const ids = [await awaiting(), await awaiting(), await awaiting()];
    const res = await post(decision(ids, { decisionNumber: '1661/qđ-ttg' }));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/decisions/${res.body.id}`);
    expect(res.body).toMatchObject({
      decisionNumber: '1661/QĐ-TTg',
      decisionDate: today(w),
      outcome: 'approved',
      implementationDeadline: '2026-12-31T16:59:59.000Z',
      agencyId: w.a.agency.id,
      agency: { id: w.a.agency.id, code: w.a.agency.code },
      source: 'batch',
      regulationCount: 3,
    });
    expect(res.body.regulations.map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());
    for (const r of res.body.regulations) {
      expect(r).toMatchObject({ stateName: 'implementing', state: { implementing: 'on_track' } });
    }
    // Each transition is in its regulation's history, by the Government Office, with the
    // canonical number, and its durable deadline is scheduled.
    const history = await w.t.http
      .get(`/regulations/${ids[1]}/history`)
      .set('Authorization', w.gov.auth);
    expect(history.body.items.at(-1)).toMatchObject({
      event: 'RECORD_DECISION',
      actorId: w.gov.id,
      actorRole: 'gov_office',
      payload: { decisionNumber: '1661/QĐ-TTg', outcome: 'approved' },
    });
    const timers = await w.t.dataSource.query(
      `SELECT kind, status FROM scheduled_timer WHERE subject_key = ANY ($1)`,
      [ids],
    );
    expect(timers).toEqual(ids.map(() => ({ kind: 'implementation-deadline', status: 'pending' })));
    // A public record: no login needed to read it.
    const read = await w.t.http.get(`/decisions/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('warns when the implementation deadline is already past, and keeps it as given', async () => {
    // Recorded late: signed in January with a deadline of 31 January; today is later.
    const ids = [await awaiting(), await awaiting()];
    const res = await post(
      decision(ids, { decisionDate: '2026-01-05', implementationDeadline: '2026-01-31' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.implementationDeadline).toBe('2026-01-31T16:59:59.000Z');
    expect(res.body.warnings).toEqual([
      {
        code: 'implementation_deadline_past',
        field: 'implementationDeadline',
        message: expect.stringMatching(/already past: it is kept as given/),
      },
    ]);
    const history = await w.t.http
      .get(`/regulations/${ids[0]}/history`)
      .set('Authorization', w.gov.auth);
    // (The deadline timer, due at once, may already have moved it to overdue after this entry.)
    const recorded = history.body.items.find(
      (e: { event: string }) => e.event === 'RECORD_DECISION',
    );
    expect(recorded.payload.warnings).toEqual(res.body.warnings);

    // One regulation at a time: the same warning in the event's answer.
    const one = await awaiting();
    const sent = await w.t.http
      .post(`/regulations/${one}/events`)
      .set('Authorization', w.gov.auth)
      .send({
        type: 'RECORD_DECISION',
        outcome: 'approved',
        decisionNumber: '3/QĐ-TTg',
        decisionDate: '2026-01-05',
        implementationDeadline: '2026-02-01',
      });
    expect(sent.status).toBe(200);
    expect(sent.body.warnings).toEqual([
      expect.objectContaining({ code: 'implementation_deadline_past' }),
    ]);
    // A deadline still ahead: no warning.
    const ahead = await post(decision([await awaiting()]));
    expect(ahead.body.warnings).toBeUndefined();
  });

  it('records nothing when one regulation is not awaiting the decision (409 naming it)', async () => {
    const ready = [await awaiting(), await awaiting()];
    const early = (
      await createRegulation(w.t, w.a.agency.id, { state: 'government_office_review' })
    ).id;
    const before = await rows([...ready, early]);
    const res = await post(decision([...ready, early], { decisionNumber: '1700/QĐ-TTg' }));
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      eventType: 'RECORD_DECISION',
      regulations: [{ id: early, stateName: 'government_office_review' }],
      errors: [
        {
          field: 'regulationIds[2]',
          message: 'is in government_office_review, not awaiting_decision',
        },
      ],
    });
    expect(res.body.detail).toContain(early);
    expect(await rows([...ready, early])).toEqual(before);
    const recorded = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM decision WHERE number = '1700/QĐ-TTg'`,
    );
    expect(recorded[0].n).toBe(0);
  });

  it('rolls back the transitions already applied when a later one fails', async () => {
    const ids = [await awaiting(), await awaiting(), await awaiting()];
    failFor.add(ids[2]);
    try {
      const before = await rows(ids);
      const res = await post(decision(ids));
      expect(res.status).toBe(500);
      expect(await rows(ids)).toEqual(before);
      const timers = await w.t.dataSource.query(
        `SELECT count(*)::int AS n FROM scheduled_timer WHERE subject_key = ANY ($1)`,
        [ids],
      );
      expect(timers[0].n).toBe(0);
      const links = await w.t.dataSource.query(
        `SELECT count(*)::int AS n FROM decision_regulation WHERE regulation_id = ANY ($1::uuid[])`,
        [ids],
      );
      expect(links[0].n).toBe(0);
    } finally {
      failFor.delete(ids[2]);
    }
  });

  it('covers one agency per decision, and only known regulations (422)', async () => {
    const mine = await awaiting();
    const theirs = await awaiting(w.b);
    const mixed = await post(decision([mine, theirs]));
    expect(mixed.status).toBe(422);
    expect(mixed.body.errors).toEqual([
      {
        field: 'regulationIds[1]',
        message: `belongs to agency ${w.b.agency.id}, not ${w.a.agency.id}`,
      },
    ]);
    const ghost = randomUUID();
    const unknown = await post(decision([mine, ghost]));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      { field: 'regulationIds[1]', message: 'no such regulation' },
    ]);
    expect((await rows([mine]))[0].state_name).toBe('awaiting_decision');
  });

  it('names the field of bad input (400)', async () => {
    const id = await awaiting();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ decisionNumber: '1661/QD-TTg' }, 'decisionNumber'],
      [{ decisionNumber: '15/2018/NĐ-CP' }, 'decisionNumber'],
      [{ decisionDate: '2099-01-01' }, 'decisionDate'],
      [{ decisionDate: '04/10/2021' }, 'decisionDate'],
      [{ implementationDeadline: undefined }, 'implementationDeadline'],
      [{ implementationDeadline: '2020-01-01' }, 'implementationDeadline'],
      [{ outcome: 'maybe' }, 'outcome'],
      [{ regulationIds: [] }, 'regulationIds'],
      [{ regulationIds: [id, id] }, 'regulationIds[1]'],
      [{ regulationIds: ['not-a-uuid'] }, 'regulationIds'],
      [{ unexpected: true }, 'unexpected'],
    ];
    for (const [over, field] of cases) {
      const res = await post(decision([id], over));
      expect([res.status, res.body.errors?.map((e: { field: string }) => e.field)]).toEqual([
        400,
        expect.arrayContaining([field]),
      ]);
    }
    expect((await rows([id]))[0].state_name).toBe('awaiting_decision');
  });

  it('refuses to record the same decision twice (409), and replays an Idempotency-Key', async () => {
    const first = [await awaiting(), await awaiting()];
    const body = decision(first);
    const key = randomUUID();
    const created = await post(body, { 'Idempotency-Key': key });
    expect(created.status).toBe(201);
    const replay = await post(body, { 'Idempotency-Key': key });
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(created.body);
    const reused = await post(
      { ...body, outcome: 'rejected', implementationDeadline: undefined },
      {
        'Idempotency-Key': key,
      },
    );
    expect(reused.status).toBe(422);

    const again = await post({ ...body, regulationIds: [await awaiting()] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ existingId: created.body.id });
  });

  it('records a rejection: the regulations end in rejected, without a deadline', async () => {
    const ids = [await awaiting(), await awaiting()];
    const res = await post(
      decision(ids, { outcome: 'rejected', implementationDeadline: undefined }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outcome: 'rejected', implementationDeadline: null });
    expect(res.body.regulations.map((r: { stateName: string }) => r.stateName)).toEqual([
      'rejected',
      'rejected',
    ]);
  });

  it('records a decision sent on one regulation too, under the same number, date and agency', async () => {
    const [x, y, z] = [await awaiting(), await awaiting(), await awaiting()];
    const body = {
      type: 'RECORD_DECISION',
      outcome: 'approved',
      decisionNumber: '2/QĐ-TTg',
      decisionDate: '2026-02-20',
      implementationDeadline: '2026-10-31',
    };
    const send = (id: string, b: Record<string, unknown>) =>
      w.t.http.post(`/regulations/${id}/events`).set('Authorization', w.gov.auth).send(b);
    expect((await send(x, body)).status).toBe(200);
    expect((await send(y, { ...body, decisionNumber: '2/qđ-ttg' })).status).toBe(200);
    const list = await w.t.http.get('/decisions').query({ agencyId: w.a.agency.id, limit: 500 });
    const recorded = list.body.items.filter(
      (d: { decisionNumber: string }) => d.decisionNumber === '2/QĐ-TTg',
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ source: 'event', regulationCount: 2, outcome: 'approved' });

    // The same decision cannot also reject; a wrong number is refused. Nothing changes.
    const conflict = await send(z, {
      type: 'RECORD_DECISION',
      outcome: 'rejected',
      decisionNumber: '2/QĐ-TTg',
      decisionDate: '2026-02-20',
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors).toEqual([{ field: 'outcome', message: 'must be approved' }]);
    const bad = await send(z, { ...body, decisionNumber: '2/QD-TTg' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('decisionNumber');
    expect((await rows([z]))[0]).toMatchObject({ state_name: 'awaiting_decision', entries: 0 });
  });

  it('lists decisions newest first, by agency and outcome, page by page', async () => {
    const m = w.b;
    const dates = ['2025-11-03', '2026-01-15', '2026-02-02'];
    const made: string[] = [];
    for (const decisionDate of dates) {
      const res = await post(decision([await awaiting(m)], { decisionDate }));
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    const first = await w.t.http.get('/decisions').query({ agencyId: m.agency.id, limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body.items.map((d: { decisionDate: string }) => d.decisionDate)).toEqual([
      '2026-02-02',
      '2026-01-15',
    ]);
    const second = await w.t.http
      .get('/decisions')
      .query({ agencyId: m.agency.id, limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((d: { id: string }) => d.id)).toEqual([made[0]]);
    expect(second.body.nextCursor).toBeNull();
    const rejected = await w.t.http
      .get('/decisions')
      .query({ agencyId: m.agency.id, outcome: 'rejected' });
    expect(rejected.body.items).toEqual([]);
    expect((await w.t.http.get(`/decisions/${randomUUID()}`)).status).toBe(404);
    expect((await w.t.http.get('/decisions').query({ cursor: 'zzz' })).status).toBe(400);
  });

  it('lets only the Government Office record decisions', async () => {
    const id = await awaiting();
    for (const who of [w.a.officer, w.a.lead, w.admin, w.expert]) {
      const res = await w.t.http
        .post('/decisions')
        .set('Authorization', who.auth)
        .send(decision([id]));
      expect(res.status).toBe(403);
    }
    expect((await w.t.http.post('/decisions').send(decision([id]))).status).toBe(401);
  });
});
