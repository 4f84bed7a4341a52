import { JobRunService } from '../../src/jobs/runs/job-run.service';
import {
  createAgency,
  createRegulation,
  createUser,
  TestAgency,
  TestUser,
} from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { moveTo, WORKED_BASELINE, WORKED_PROPOSED } from './costing-helpers';

describe('cost-parameter sets and recalculation', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  let agency: TestAgency;
  const previousBatch = process.env.COST_RECALCULATION_BATCH_SIZE;

  beforeAll(async () => {
    // Small batches, so a handful of estimates already spans several transactions.
    process.env.COST_RECALCULATION_BATCH_SIZE = '3';
    t = await createTestApp();
    admin = await createUser(t, 'admin');
    agency = await createAgency(t, 'ministry');
    officer = await createUser(t, 'ministry_officer', agency);
  });
  afterAll(async () => {
    if (previousBatch === undefined) delete process.env.COST_RECALCULATION_BATCH_SIZE;
    else process.env.COST_RECALCULATION_BATCH_SIZE = previousBatch;
    await t.close();
  });

  const create = (body: object, user: TestUser = admin) =>
    t.http.post('/cost-parameter-sets').set('Authorization', user.auth).send(body);

  it('derives the hourly rate as an exact fraction and shows money as strings', async () => {
    const res = await create({ year: 2020, annualIncomePerCapita: 64500000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      year: 2020,
      hourlyRate: '30539.77',
      hourlyRateExact: '671875/22',
      rateSource: 'derived',
      annualIncomePerCapita: '64500000',
      monthsPerYear: '12',
      workingDaysPerMonth: '22',
      hoursPerDay: '8',
      version: 1,
    });
    const explicit = await create({ year: 2018, hourlyRate: '25000.5' });
    expect(explicit.body).toMatchObject({
      hourlyRate: '25000.50',
      hourlyRateExact: '50001/2',
      rateSource: 'explicit',
      annualIncomePerCapita: null,
    });
    const custom = await create({
      year: 2017,
      annualIncomePerCapita: '60000000',
      monthsPerYear: 12,
      workingDaysPerMonth: '20',
      hoursPerDay: 8,
    });
    expect(custom.body).toMatchObject({ hourlyRate: '31250.00', workingDaysPerMonth: '20' });

    const list = await t.http.get('/cost-parameter-sets').set('Authorization', officer.auth);
    expect(list.status).toBe(200);
    // 2023: the official figure every installation starts with (test/costing/official-parameters).
    expect(list.body.items.map((s: { year: number }) => s.year)).toEqual([2023, 2020, 2018, 2017]);
    const page = await t.http
      .get('/cost-parameter-sets?limit=3')
      .set('Authorization', officer.auth);
    const rest = await t.http
      .get('/cost-parameter-sets')
      .query({ cursor: page.body.nextCursor })
      .set('Authorization', officer.auth);
    expect(rest.body.items.map((s: { year: number }) => s.year)).toEqual([2017]);
    const one = await t.http
      .get(`/cost-parameter-sets/${res.body.id}`)
      .set('Authorization', officer.auth);
    expect(one.body.hourlyRate).toBe('30539.77');
  });

  it.each([
    ['both kinds of rate', { year: 2030, hourlyRate: 1, annualIncomePerCapita: 2 }, 'hourlyRate'],
    ['no rate', { year: 2030 }, 'annualIncomePerCapita'],
    ['a negative income', { year: 2030, annualIncomePerCapita: -5 }, 'annualIncomePerCapita'],
    ['a zero rate', { year: 2030, hourlyRate: '0' }, 'hourlyRate'],
    ['text for a number', { year: 2030, hourlyRate: 'lots' }, 'hourlyRate'],
    ['40 hours a day', { year: 2030, annualIncomePerCapita: 1e6, hoursPerDay: 40 }, 'hoursPerDay'],
    ['a year as text', { year: '2030', hourlyRate: 1 }, 'year'],
    ['a year out of range', { year: 1900, hourlyRate: 1 }, 'year'],
  ])('refuses %s with 400 naming the field', async (_n, body, field) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a second set for the same year (409) and non-admin writes (403)', async () => {
    expect((await create({ year: 2016, hourlyRate: 1000 })).status).toBe(201);
    const again = await create({ year: 2016, hourlyRate: 2000 });
    expect(again.status).toBe(409);
    expect((await create({ year: 2015, hourlyRate: 1000 }, officer)).status).toBe(403);
  });

  it('recalculates every estimate using an edited set in a job, with history and progress; a re-run changes nothing', async () => {
    const set = (await create({ year: 2019, annualIncomePerCapita: 64500000 })).body;
    const other = (await create({ year: 2014, hourlyRate: 10000 })).body;
    const regs: string[] = [];
    for (let i = 0; i < 7; i++) {
      const reg = await createRegulation(t, agency.id, { state: i === 6 ? 'costing' : 'review' });
      regs.push(reg.id);
      const res = await t.http
        .put(`/regulations/${reg.id}/cost-estimates/baseline`)
        .set('Authorization', officer.auth)
        .send({ parameterSetId: set.id, ...WORKED_BASELINE });
      expect(res.status).toBe(200);
    }
    // One regulation also has a proposed estimate: both of its estimates are recalculated.
    await moveTo(t, regs[6], 'drafting_plan');
    expect(
      (
        await t.http
          .put(`/regulations/${regs[6]}/cost-estimates/proposed`)
          .set('Authorization', officer.auth)
          .send({ parameterSetId: set.id, ...WORKED_PROPOSED })
      ).status,
    ).toBe(200);
    const untouched = await createRegulation(t, agency.id, { state: 'review' });
    await t.http
      .put(`/regulations/${untouched.id}/cost-estimates/baseline`)
      .set('Authorization', officer.auth)
      .send({ parameterSetId: other.id, ...WORKED_BASELINE });

    const patch = await t.http
      .patch(`/cost-parameter-sets/${set.id}`)
      .set('Authorization', admin.auth)
      .send({ annualIncomePerCapita: '70000000' });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      version: 2,
      hourlyRate: '33143.94',
      hourlyRateExact: '1093750/33',
    });
    const jobId = patch.body.recalculationJobId;
    expect(jobId).toEqual(expect.any(String));

    let job: any;
    await waitFor(async () => {
      job = (await t.http.get(`/jobs/${jobId}`).set('Authorization', admin.auth)).body;
      return job.status === 'succeeded' || job.status === 'failed';
    });
    expect(job).toMatchObject({
      kind: 'costing.recalculate',
      status: 'succeeded',
      progress: { done: 8, total: 8 },
      result: { total: 8, recalculated: 8, unchanged: 0, failed: [] },
    });

    // 11 h × 70,000,000/2,112 + 1,600,000 = 1,964,583.33 per compliance; × 12,000 a year.
    const overview = await t.http
      .get(`/regulations/${regs[0]}/cost-estimates`)
      .set('Authorization', officer.auth);
    expect(overview.body.baseline).toMatchObject({
      version: 2,
      hourlyRate: '33143.94',
      unitCost: '1964583.33',
      annualCost: '23575000000',
      reason: 'parameter set 2019 changed (version 2)',
    });
    const history = await t.http
      .get(`/regulations/${regs[0]}/cost-estimates/history`)
      .set('Authorization', officer.auth);
    expect(history.body.items).toMatchObject([
      { version: 1, source: 'manual', annualCost: '23231250000', hourlyRate: '30539.77' },
      {
        version: 2,
        source: 'recalculation',
        reason: 'parameter set 2019 changed (version 2)',
        changedBy: admin.id,
        annualCost: '23575000000',
        hourlyRate: '33143.94',
      },
    ]);
    const both = await t.http
      .get(`/regulations/${regs[6]}/cost-estimates`)
      .set('Authorization', officer.auth);
    expect(both.body.proposed).toMatchObject({ version: 2, hourlyRate: '33143.94' });
    expect(both.body.baseline).toMatchObject({ version: 2 });
    const other1 = await t.http
      .get(`/regulations/${untouched.id}/cost-estimates`)
      .set('Authorization', officer.auth);
    expect(other1.body.baseline.version).toBe(1);

    // The set's own history and the admin audit log.
    const setHistory = await t.http
      .get(`/cost-parameter-sets/${set.id}/history`)
      .set('Authorization', admin.auth);
    expect(setHistory.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(setHistory.body.items[0].values.annualIncomePerCapita).toBe('64500000');
    const audit = await t.dataSource.query(
      `SELECT action, actor_id, changes FROM admin_audit_log WHERE entity_id = $1 ORDER BY id`,
      [set.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'cost_parameter_set.create',
      'cost_parameter_set.update',
    ]);
    expect(audit[1].changes.annualIncomePerCapita).toEqual({ from: '64500000', to: '70000000' });

    // Running the same job again (a crash and retry) writes no second version.
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM cost_estimate_history`);
    await t.dataSource.query(`UPDATE job_run SET status = 'queued' WHERE id = $1`, [jobId]);
    await t.app.get(JobRunService).execute(jobId);
    const rerun = (await t.http.get(`/jobs/${jobId}`).set('Authorization', admin.auth)).body;
    expect(rerun.result).toMatchObject({ total: 8, recalculated: 0, unchanged: 8 });
    const afterRerun = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM cost_estimate_history`,
    );
    expect(afterRerun[0].n).toBe(before[0].n);

    // A PATCH that changes nothing bumps nothing and starts no job; a stale If-Match is a 409.
    const same = await t.http
      .patch(`/cost-parameter-sets/${set.id}`)
      .set('Authorization', admin.auth)
      .send({ annualIncomePerCapita: 70000000, monthsPerYear: '12' });
    expect(same.body).toMatchObject({ version: 2, recalculationJobId: null });
    const stale = await t.http
      .patch(`/cost-parameter-sets/${set.id}`)
      .set('Authorization', admin.auth)
      .set('If-Match', '1')
      .send({ hourlyRate: 40000 });
    expect(stale.status).toBe(409);
    // Switching to an explicit rate drops the income.
    const explicit = await t.http
      .patch(`/cost-parameter-sets/${set.id}`)
      .set('Authorization', admin.auth)
      .set('If-Match', '2')
      .send({ hourlyRate: 40000 });
    expect(explicit.body).toMatchObject({
      version: 3,
      rateSource: 'explicit',
      hourlyRate: '40000.00',
      annualIncomePerCapita: null,
    });
    await waitFor(async () => {
      const j = (
        await t.http
          .get(`/jobs/${explicit.body.recalculationJobId}`)
          .set('Authorization', admin.auth)
      ).body;
      return j.status === 'succeeded';
    });
    const v3 = await t.http
      .get(`/regulations/${regs[3]}/cost-estimates`)
      .set('Authorization', officer.auth);
    expect(v3.body.baseline).toMatchObject({ version: 3, hourlyRate: '40000.00' });
  });

  it('leaves no estimate on the old rate when PUTs race with a parameter edit', async () => {
    const set = (await create({ year: 2009, hourlyRate: 10000 })).body;
    const regs = await Promise.all(
      Array.from({ length: 8 }, () => createRegulation(t, agency.id, { state: 'review' })),
    );
    const puts = regs.map((r) =>
      t.http
        .put(`/regulations/${r.id}/cost-estimates/baseline`)
        .set('Authorization', officer.auth)
        .send({ parameterSetId: set.id, ...WORKED_BASELINE }),
    );
    const patch = t.http
      .patch(`/cost-parameter-sets/${set.id}`)
      .set('Authorization', admin.auth)
      .send({ hourlyRate: 12000 });
    const [patched, ...answers] = await Promise.all([patch, ...puts]);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(patched.status).toBe(200);
    await waitFor(async () => {
      const j = await t.http
        .get(`/jobs/${patched.body.recalculationJobId}`)
        .set('Authorization', admin.auth);
      return j.body.status === 'succeeded';
    });
    const rows = await t.dataSource.query(
      `SELECT results->>'hourlyRateExact' AS rate, annual_cost FROM cost_estimate WHERE parameter_set_id = $1`,
      [set.id],
    );
    expect(rows).toHaveLength(8);
    // 11 h × 12,000 + 1,600,000 = 1,732,000 per compliance × 12,000 a year.
    for (const r of rows) {
      expect(r.rate).toBe('12000');
      expect(String(r.annual_cost)).toBe('20784000000');
    }
  });

  it('refuses to delete a set in use (409) and deletes an unused one (204)', async () => {
    const used = (await create({ year: 2013, hourlyRate: 10000 })).body;
    const reg = await createRegulation(t, agency.id, { state: 'draft' });
    await t.http
      .put(`/regulations/${reg.id}/cost-estimates/baseline`)
      .set('Authorization', officer.auth)
      .send({ parameterSetId: used.id, ...WORKED_BASELINE });
    const refused = await t.http
      .delete(`/cost-parameter-sets/${used.id}`)
      .set('Authorization', admin.auth);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ estimates: 1, estimateVersions: 1 });

    const unused = (await create({ year: 2012, hourlyRate: 10000 })).body;
    expect(
      (await t.http.delete(`/cost-parameter-sets/${unused.id}`).set('Authorization', officer.auth))
        .status,
    ).toBe(403);
    const deleted = await t.http
      .delete(`/cost-parameter-sets/${unused.id}`)
      .set('Authorization', admin.auth);
    expect(deleted.status).toBe(204);
    expect(
      (await t.http.get(`/cost-parameter-sets/${unused.id}`).set('Authorization', admin.auth))
        .status,
    ).toBe(404);
    const [audit] = await t.dataSource.query(
      `SELECT action FROM admin_audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [unused.id],
    );
    expect(audit.action).toBe('cost_parameter_set.delete');
  });

  it('refuses to move a set onto a year that already has one', async () => {
    const a = (await create({ year: 2011, hourlyRate: 10000 })).body;
    await create({ year: 2010, hourlyRate: 10000 });
    const res = await t.http
      .patch(`/cost-parameter-sets/${a.id}`)
      .set('Authorization', admin.auth)
      .send({ year: 2010 });
    expect(res.status).toBe(409);
  });
});
