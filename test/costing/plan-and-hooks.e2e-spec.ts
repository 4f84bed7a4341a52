import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { CostingModule } from '../../src/costing/costing.module';
import { CostingFacts } from '../../src/costing/costing-facts';
import { EstimateChange, EstimateHooks } from '../../src/costing/estimates/estimate-hooks';
import { EstimateWriter } from '../../src/costing/estimates/estimate-writer';
import { PlanChange, PlanHooks } from '../../src/costing/plan/plan-hooks';
import { TransactionRunner } from '../../src/database/transaction-runner';
import {
  createAgency,
  createRegulation,
  createUser,
  TestAgency,
  TestUser,
} from '../support/factories';
import { createTestApp, FixedClock, TestApp } from '../support/test-app';
import { moveTo, WORKED_BASELINE } from './costing-helpers';

/** Records what the hooks see, and can fail on demand to prove they share the transaction. */
@Injectable()
class HookRecorder implements OnModuleInit {
  estimates: Array<EstimateChange & { versionsInTx: number }> = [];
  plans: PlanChange[] = [];
  failNext = false;

  constructor(
    private readonly estimateHooks: EstimateHooks,
    private readonly planHooks: PlanHooks,
  ) {}

  onModuleInit() {
    this.estimateHooks.register(async (tx, change) => {
      // The hook runs inside the write's transaction: it already sees the new history row.
      const [row] = await tx.manager.query(
        `SELECT count(*)::int AS n FROM cost_estimate_history WHERE estimate_id = $1`,
        [change.after.id],
      );
      this.estimates.push({ ...change, versionsInTx: row.n });
      if (this.failNext) {
        this.failNext = false;
        throw new Error('aggregate update failed');
      }
    });
    this.planHooks.register(async (_tx, change) => {
      this.plans.push(change);
    });
  }
}

@Module({ imports: [CostingModule], providers: [HookRecorder] })
class HookRecorderModule {}

describe('the plan, hooks and facts for other features', () => {
  let t: TestApp;
  let clock: FixedClock;
  let agency: TestAgency;
  let officer: TestUser;
  let foreignOfficer: TestUser;
  let admin: TestUser;
  let setId: string;

  const putPlan = (id: string, body: object, user: TestUser = officer) =>
    t.http.put(`/regulations/${id}/plan`).set('Authorization', user.auth).send(body);

  beforeAll(async () => {
    clock = new FixedClock(new Date('2026-01-05T02:00:00Z'));
    t = await createTestApp({ clock, imports: [HookRecorderModule] });
    agency = await createAgency(t, 'ministry');
    officer = await createUser(t, 'ministry_officer', agency);
    foreignOfficer = await createUser(t, 'ministry_officer');
    admin = await createUser(t, 'admin');
    setId = (
      await t.http
        .post('/cost-parameter-sets')
        .set('Authorization', admin.auth)
        .send({ year: 2020, annualIncomePerCapita: 64500000 })
    ).body.id;
  });
  afterEach(() => clock.set('2026-01-05T02:00:00Z'));
  afterAll(() => t.close());

  it('files a plan under the programme running today (Vietnam date), or the one named', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'drafting_plan' });
    expect(
      (await t.http.get(`/regulations/${reg.id}/plan`).set('Authorization', officer.auth)).status,
    ).toBe(404);

    const res = await putPlan(reg.id, {
      action: 'amend',
      description: 'Sửa đổi Điều 4',
      targetDocument: 'Nghị định sửa đổi 15/2018/NĐ-CP',
    });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      regulationId: reg.id,
      action: 'amend',
      description: 'Sửa đổi Điều 4',
      targetDocument: 'Nghị định sửa đổi 15/2018/NĐ-CP',
      programme: 'NQ66',
      minConsultationDays: 30,
      version: 1,
      updatedBy: officer.id,
    });
    const read = await t.http.get(`/regulations/${reg.id}/plan`).set('Authorization', officer.auth);
    expect(read.body).toEqual(res.body);

    // 2025-03-25 23:59:59 in Hà Nội is still before NQ66 started; one second later it is not.
    const a = await createRegulation(t, agency.id, { state: 'drafting_plan' });
    clock.set('2025-03-25T16:59:59Z');
    expect((await putPlan(a.id, { action: 'simplify', description: 'x' })).body.programme).toBe(
      'NQ68',
    );
    const b = await createRegulation(t, agency.id, { state: 'drafting_plan' });
    clock.set('2025-03-25T17:00:00Z');
    expect((await putPlan(b.id, { action: 'simplify', description: 'x' })).body.programme).toBe(
      'NQ66',
    );

    clock.set('2026-01-05T02:00:00Z');

    // When no programme runs today the caller must name one; an existing plan keeps its own.
    // (Tokens are checked against the clock, so the programmes end early instead of the clock moving.)
    await t.dataSource.query(`UPDATE programme SET end_date = '2026-01-04' WHERE code = 'NQ66'`);
    try {
      const c = await createRegulation(t, agency.id, { state: 'drafting_plan' });
      const none = await putPlan(c.id, { action: 'abolish', description: 'Bãi bỏ' });
      expect(none.status).toBe(400);
      expect(none.body.errors[0].field).toBe('programme');
      expect(none.body.errors[0].message).toContain('2026-01-05');
      const unknown = await putPlan(c.id, {
        action: 'abolish',
        description: 'Bãi bỏ',
        programme: 'NQ99',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('programme');
      const kept = await putPlan(reg.id, { action: 'simplify', description: 'Đơn giản hóa' });
      expect(kept.body).toMatchObject({ programme: 'NQ66', version: 2, targetDocument: null });
    } finally {
      await t.dataSource.query(`UPDATE programme SET end_date = '2026-12-31' WHERE code = 'NQ66'`);
    }
  });

  it('accepts the plan only from the owner, in drafting_plan, with valid fields', async () => {
    const review = await createRegulation(t, agency.id, { state: 'review' });
    const wrong = await putPlan(review.id, { action: 'abolish', description: 'x' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.stateName).toBe('review');
    const reg = await createRegulation(t, agency.id, { state: 'drafting_plan' });
    expect(
      (await putPlan(reg.id, { action: 'abolish', description: 'x' }, foreignOfficer)).status,
    ).toBe(403);
    const bad = await putPlan(reg.id, { action: 'delete', description: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'action',
      'description',
    ]);
    expect((await putPlan(reg.id, { action: 'abolish', description: 'x' })).status).toBe(200);
    const stale = await t.http
      .put(`/regulations/${reg.id}/plan`)
      .set('Authorization', officer.auth)
      .set('If-Match', '3')
      .send({ action: 'amend', description: 'y' });
    expect(stale.status).toBe(409);
    // Others see the plan only once consultation opened.
    expect(
      (await t.http.get(`/regulations/${reg.id}/plan`).set('Authorization', foreignOfficer.auth))
        .status,
    ).toBe(403);
  });

  it('runs the estimate and plan hooks inside the write transaction; a failing hook rolls the write back', async () => {
    const recorder = t.app.get(HookRecorder);
    const reg = await createRegulation(t, agency.id, { state: 'costing' });
    const put = () =>
      t.http
        .put(`/regulations/${reg.id}/cost-estimates/baseline`)
        .set('Authorization', officer.auth)
        .send({ parameterSetId: setId, ...WORKED_BASELINE });
    expect((await put()).status).toBe(200);
    expect((await put()).status).toBe(200);
    const seen = recorder.estimates.filter((c) => c.regulationId === reg.id);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      kind: 'baseline',
      source: 'manual',
      before: null,
      versionsInTx: 1,
    });
    expect(seen[0].after).toMatchObject({ version: 1, annualCost: '23231250000' });
    expect(seen[1].before).toMatchObject({ version: 1 });
    expect(seen[1]).toMatchObject({ versionsInTx: 2, after: { version: 2 } });

    recorder.failNext = true;
    const failed = await put();
    expect(failed.status).toBe(500);
    const [row] = await t.dataSource.query(
      `SELECT version FROM cost_estimate WHERE regulation_id = $1 AND kind = 'baseline'`,
      [reg.id],
    );
    expect(row.version).toBe(2);
    const [count] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM cost_estimate_history WHERE regulation_id = $1`,
      [reg.id],
    );
    expect(count.n).toBe(2);

    await moveTo(t, reg.id, 'drafting_plan');
    await putPlan(reg.id, { action: 'abolish', description: 'Bãi bỏ' });
    expect(recorder.plans.find((p) => p.regulationId === reg.id)).toMatchObject({
      before: null,
      after: { action: 'abolish', programme: 'NQ66' },
    });
  });

  it('lets accepted feedback write a new version through the same EstimateWriter', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'responding' });
    const feedbackId = '7d0b6f0e-5a55-4c59-9d8b-1f7f2d6f3a21';
    const after = await t.app.get(TransactionRunner).run((tx) =>
      t.app.get(EstimateWriter).write(tx, {
        regulationId: reg.id,
        kind: 'proposed',
        parameterSetId: setId,
        input: { ...WORKED_BASELINE, feesAndCharges: 0 },
        source: 'feedback',
        reason: 'Góp ý của VCCI: phí đã được bãi bỏ',
        feedbackId,
        changedBy: officer.id,
      }),
    );
    expect(after.after).toMatchObject({ kind: 'proposed', version: 1 });
    const history = await t.http
      .get(`/regulations/${reg.id}/cost-estimates/history`)
      .set('Authorization', officer.auth);
    expect(history.body.items[0]).toMatchObject({
      source: 'feedback',
      feedbackId,
      reason: 'Góp ý của VCCI: phí đã được bãi bỏ',
    });
  });

  it('turns an accepted re-estimate of one cost field into a new version with the feedback as its reason', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'responding' });
    const writer = t.app.get(EstimateWriter);
    const run = t.app.get(TransactionRunner);
    const revise = (field: string, value: unknown, kind: 'baseline' | 'proposed' = 'proposed') =>
      run.run((tx) =>
        writer.reviseField(tx, {
          regulationId: reg.id,
          kind,
          field,
          value,
          source: 'feedback',
          reason: 'Hiệp hội: 3.200 thành viên, mỗi hồ sơ mất 5 giờ',
          feedbackId: '0f6a3d2e-3b7c-4f51-8e0a-6c1d2b3a4f50',
          changedBy: officer.id,
        }),
      );
    await expect(revise('feesAndCharges', 0)).rejects.toMatchObject({ status: 409 });
    await run.run((tx) =>
      writer.write(tx, {
        regulationId: reg.id,
        kind: 'proposed',
        parameterSetId: setId,
        input: WORKED_BASELINE,
        source: 'manual',
        changedBy: officer.id,
      }),
    );
    const revised = await revise('activities[0].hours', '5');
    // (5 + 2 + 1) h × 30,539.77… + 1,600,000 = 1,844,318.18 per compliance × 12,000.
    expect(revised.after).toMatchObject({ version: 2, annualCost: '22131818182' });
    expect(revised.after.inputs.activities[0].hours).toBe('5');
    expect(revised.after.inputs.feesAndCharges).toBe('500000');
    await expect(revise('activities[9].hours', 1)).rejects.toMatchObject({ status: 400 });
    await expect(revise('subjectType', 'citizen')).rejects.toMatchObject({ status: 400 });
    await expect(revise('subjectsPerYear', -3)).rejects.toMatchObject({ status: 400 });
    const history = await t.http
      .get(`/regulations/${reg.id}/cost-estimates/history`)
      .set('Authorization', officer.auth);
    expect(history.body.items.map((i: { source: string }) => i.source)).toEqual([
      'manual',
      'feedback',
    ]);
    expect(history.body.items[1]).toMatchObject({
      version: 2,
      feedbackId: '0f6a3d2e-3b7c-4f51-8e0a-6c1d2b3a4f50',
      reason: 'Hiệp hội: 3.200 thành viên, mỗi hồ sơ mất 5 giờ',
    });
  });

  it('tells the workflow whether the baseline, the proposed estimate and the plan exist', async () => {
    const facts = t.app.get(CostingFacts);
    const reg = await createRegulation(t, agency.id, { state: 'costing' });
    expect(await facts.forRegulation(t.dataSource.manager, reg.id)).toEqual({
      baselineComplete: false,
      proposedExists: false,
      plan: null,
    });
    await t.http
      .put(`/regulations/${reg.id}/cost-estimates/baseline`)
      .set('Authorization', officer.auth)
      .send({ parameterSetId: setId, ...WORKED_BASELINE });
    await moveTo(t, reg.id, 'drafting_plan');
    await putPlan(reg.id, { action: 'simplify', description: 'x', programme: 'NQ68' });
    expect(await facts.forRegulation(t.dataSource.manager, reg.id)).toEqual({
      baselineComplete: true,
      proposedExists: false,
      plan: {
        action: 'simplify',
        programmeId: '6a000000-0000-4000-8000-000000000068',
        programmeCode: 'NQ68',
        programmeEndDate: '2025-12-31',
        minConsultationDays: 30,
      },
    });
  });
});
