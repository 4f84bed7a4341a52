import { RegulationDetailExtensions } from '../../src/register/regulation-detail.extensions';
import { RegulationRepository } from '../../src/register/persistence/regulation.repository';
import {
  createAgency,
  createApiKey,
  createRegulation,
  createUser,
  TestAgency,
  TestUser,
} from '../support/factories';
import { createTestApp, FixedClock, TestApp } from '../support/test-app';
import { moveTo, WORKED_BASELINE, WORKED_PROPOSED } from './costing-helpers';

describe('compliance-cost estimates through the API (domain.md §4)', () => {
  let t: TestApp;
  let admin: TestUser;
  let agency: TestAgency;
  let officer: TestUser;
  let lead: TestUser;
  let foreignOfficer: TestUser;
  let association: TestUser;
  let govOffice: TestUser;
  let set2020: string;
  let set2021: string;

  const put = (user: { auth: string } | null, id: string, kind: string, body: object) => {
    const req = t.http.put(`/regulations/${id}/cost-estimates/${kind}`);
    return (user ? req.set('Authorization', user.auth) : req).send(body);
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date('2026-01-05T02:00:00Z')) });
    admin = await createUser(t, 'admin');
    agency = await createAgency(t, 'ministry');
    officer = await createUser(t, 'ministry_officer', agency);
    lead = await createUser(t, 'ministry_lead', agency);
    foreignOfficer = await createUser(t, 'ministry_officer');
    association = await createUser(t, 'association');
    govOffice = await createUser(t, 'gov_office');
    const a = await t.http
      .post('/cost-parameter-sets')
      .set('Authorization', admin.auth)
      .send({ year: 2020, annualIncomePerCapita: 64500000 });
    expect(a.status).toBe(201);
    set2020 = a.body.id;
    const b = await t.http
      .post('/cost-parameter-sets')
      .set('Authorization', admin.auth)
      .send({ year: 2021, hourlyRate: '20000' });
    expect(b.status).toBe(201);
    set2021 = b.body.id;
  });
  afterAll(() => t.close());

  it('reproduces the worked example: 23,231,250,000 → 3,865,909,091, savings 19,365,340,909 (83.36%)', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'costing' });
    const baseline = await put(officer, reg.id, 'baseline', {
      parameterSetId: set2020,
      ...WORKED_BASELINE,
    });
    expect(baseline.status).toBe(200);
    expect(baseline.headers.etag).toBe('"1"');
    expect(baseline.body).toMatchObject({
      kind: 'baseline',
      version: 1,
      parameterSetYear: 2020,
      hourlyRate: '30539.77',
      hourlyRateExact: '671875/22',
      unitCost: '1935937.50',
      annualCost: '23231250000',
      annualCostLow: null,
      annualCostHigh: null,
      hiredServices: '1000000',
      feesAndCharges: '500000',
      activities: [
        { name: 'Chuẩn bị hồ sơ', hours: '8', hoursLow: null, hoursHigh: null },
        { name: 'Nộp hồ sơ', hours: '2', hoursLow: null, hoursHigh: null },
        { name: 'Nhận kết quả', hours: '1', hoursLow: null, hoursHigh: null },
      ],
      breakdown: {
        totalHours: '11',
        timeCost: '335937.50',
        hiredServices: '1000000.00',
        feesAndCharges: '500000.00',
        otherCosts: '100000.00',
        unitCost: '1935937.50',
        annualCost: '23231250000',
        hasRange: false,
      },
    });

    // CONFIRM_BASELINE → drafting_plan, then the plan and the proposed estimate.
    await moveTo(t, reg.id, 'drafting_plan');
    const plan = await t.http
      .put(`/regulations/${reg.id}/plan`)
      .set('Authorization', lead.auth)
      .send({
        action: 'simplify',
        description: 'Nộp hồ sơ trực tuyến; bỏ dịch vụ tư vấn bắt buộc',
        programme: 'nq68',
      });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ action: 'simplify', programme: 'NQ68', version: 1 });
    const proposed = await put(officer, reg.id, 'proposed', {
      parameterSetId: set2020,
      ...WORKED_PROPOSED,
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ unitCost: '322159.09', annualCost: '3865909091' });

    const overview = await t.http
      .get(`/regulations/${reg.id}/cost-estimates`)
      .set('Authorization', officer.auth);
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      baselineCost: '23231250000',
      proposedCost: '3865909091',
      savings: '19365340909',
      reductionPct: 83.36,
      baseline: { annualCost: '23231250000' },
      proposed: { annualCost: '3865909091' },
      plan: { action: 'simplify', programme: 'NQ68' },
    });

    // The regulation view carries the same figures.
    const detail = await t.http.get(`/regulations/${reg.id}`).set('Authorization', officer.auth);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      baselineCost: '23231250000',
      proposedCost: '3865909091',
      savings: '19365340909',
      reductionPct: 83.36,
      plan: { action: 'simplify', programme: 'NQ68' },
    });
  });

  it('gives low / central / high totals when ranges are given, with hours as strings or numbers', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'review' });
    const res = await put(officer, reg.id, 'baseline', {
      parameterSetId: set2021,
      subjectType: 'business',
      costKind: 'recurring',
      activities: [{ name: 'Khai báo', hours: '2', hoursLow: 1, hoursHigh: '4' }],
      hiredServices: 0,
      feesAndCharges: 100000,
      otherCosts: 0,
      frequencyPerYear: 1,
      frequencyHigh: '2',
      subjectsPerYear: 1000,
      subjectsLow: 500,
      subjectsHigh: 2000,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      hourlyRate: '20000.00',
      unitCost: '140000.00',
      annualCost: '140000000',
      annualCostLow: '60000000',
      annualCostHigh: '720000000',
      frequencyLow: null,
      frequencyHigh: '2',
      breakdown: { hasRange: true, unitCostLow: '120000.00', unitCostHigh: '180000.00' },
    });
  });

  it('takes fractional frequencies exactly and rounds the annual cost once, half up', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'draft' });
    // 0.2 × 3 subjects × (1 h × 20000 + 2.50) = 12001.5 → 12002 (half up)
    const res = await put(officer, reg.id, 'baseline', {
      parameterSetId: set2021,
      subjectType: 'citizen',
      costKind: 'one_off',
      activities: [{ name: 'Nộp', hours: 1 }],
      hiredServices: '2.5',
      feesAndCharges: 0,
      otherCosts: 0,
      frequencyPerYear: 0.2,
      subjectsPerYear: '12.5',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unitCost: '20002.50', annualCost: '50006' });
    // 0.2 × 12.5 × 20002.5 = 50006.25 → 50006
  });

  it('an abolish plan makes the proposed annual cost 0 and saves the whole baseline', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'costing' });
    expect(
      (await put(officer, reg.id, 'baseline', { parameterSetId: set2020, ...WORKED_BASELINE }))
        .status,
    ).toBe(200);
    await moveTo(t, reg.id, 'drafting_plan');
    const plan = await t.http
      .put(`/regulations/${reg.id}/plan`)
      .set('Authorization', officer.auth)
      .send({ action: 'abolish', description: 'Bãi bỏ thủ tục' });
    expect(plan.status).toBe(200);
    const overview = await t.http
      .get(`/regulations/${reg.id}/cost-estimates`)
      .set('Authorization', govOffice.auth);
    expect(overview.body).toMatchObject({
      baselineCost: '23231250000',
      proposedCost: '0',
      savings: '23231250000',
      reductionPct: 100,
      proposed: null,
    });
    // Even a proposed estimate entered earlier does not count against an abolished regulation.
    expect(
      (await put(officer, reg.id, 'proposed', { parameterSetId: set2020, ...WORKED_PROPOSED }))
        .status,
    ).toBe(200);
    const again = await t.http
      .get(`/regulations/${reg.id}/cost-estimates`)
      .set('Authorization', officer.auth);
    expect(again.body).toMatchObject({ proposedCost: '0', savings: '23231250000' });
  });

  describe('refuses bad input with 400 problem+json naming each field', () => {
    let regId: string;
    beforeAll(async () => {
      regId = (await createRegulation(t, agency.id, { state: 'review' })).id;
    });
    const fieldsOf = (res: { body: { errors?: Array<{ field: string }> } }) =>
      (res.body.errors ?? []).map((e) => e.field).sort();

    it.each([
      ['negative hours', { activities: [{ name: 'A', hours: -1 }] }, ['activities[0].hours']],
      ['non-numeric money', { feesAndCharges: 'abc' }, ['feesAndCharges']],
      ['an exponent', { hiredServices: '1e3' }, ['hiredServices']],
      ['low above central', { frequencyLow: 2 }, ['frequencyLow']],
      [
        'high below central hours',
        { activities: [{ name: 'A', hours: 5, hoursHigh: 4 }] },
        ['activities[0].hoursHigh'],
      ],
      ['absurd subjects', { subjectsPerYear: '99000000000000' }, ['subjectsPerYear']],
      ['absurd hours', { activities: [{ name: 'A', hours: 1000000 }] }, ['activities[0].hours']],
      ['an unknown subject type', { subjectType: 'robot' }, ['subjectType']],
      ['a missing frequency', { frequencyPerYear: undefined }, ['frequencyPerYear']],
      [
        'an unknown parameter set',
        { parameterSetId: '0b7c3c8e-2b53-4b1e-9d54-3f0f2b0c0d11' },
        ['parameterSetId'],
      ],
      [
        'a parameter set id that is no UUID',
        { parameterSetId: 'twenty-twenty' },
        ['parameterSetId'],
      ],
    ])('%s', async (_name, override, fields) => {
      const res = await put(officer, regId, 'baseline', {
        parameterSetId: set2020,
        ...WORKED_BASELINE,
        ...override,
      });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res)).toEqual(fields);
    });

    it('lists every bad field at once, and refuses unknown properties', async () => {
      const res = await put(officer, regId, 'baseline', {
        ...WORKED_BASELINE,
        otherCosts: -5,
        subjectsPerYear: 'many',
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['otherCosts', 'parameterSetId', 'subjectsPerYear']);
      const extra = await put(officer, regId, 'baseline', {
        parameterSetId: set2020,
        ...WORKED_BASELINE,
        discount: 5,
      });
      expect(extra.status).toBe(400);
      expect(fieldsOf(extra)).toEqual(['discount']);
      // Nothing was written.
      const history = await t.http
        .get(`/regulations/${regId}/cost-estimates/history`)
        .set('Authorization', officer.auth);
      expect(history.body.items).toEqual([]);
    });
  });

  it('accepts each estimate only in its states (409 naming the state)', async () => {
    const planning = await createRegulation(t, agency.id, { state: 'drafting_plan' });
    const baseline = await put(officer, planning.id, 'baseline', {
      parameterSetId: set2020,
      ...WORKED_BASELINE,
    });
    expect(baseline.status).toBe(409);
    expect(baseline.body).toMatchObject({ stateName: 'drafting_plan' });
    // Vietnamese by default (issue 16): the states by their labels; the stable code stays in stateName.
    expect(baseline.body.detail).toContain('quy định đang ở trạng thái "Xây dựng phương án"');

    const costing = await createRegulation(t, agency.id, { state: 'costing' });
    const proposed = await put(officer, costing.id, 'proposed', {
      parameterSetId: set2020,
      ...WORKED_PROPOSED,
    });
    expect(proposed.status).toBe(409);
    expect(proposed.body).toMatchObject({ stateName: 'costing', allowedStates: ['drafting_plan'] });

    // Kept regulations are costed too: the baseline stays editable in `retained`.
    const retained = await createRegulation(t, agency.id, { state: 'retained' });
    expect(
      (await put(officer, retained.id, 'baseline', { parameterSetId: set2020, ...WORKED_BASELINE }))
        .status,
    ).toBe(200);
    const consulted = await createRegulation(t, agency.id, { state: 'consultation' });
    expect(
      (
        await put(officer, consulted.id, 'proposed', {
          parameterSetId: set2020,
          ...WORKED_PROPOSED,
        })
      ).status,
    ).toBe(409);
  });

  it('lets only the owning agency write: 404 for a foreign draft, 403 once published, 403 for a read-only key', async () => {
    const draft = await createRegulation(t, agency.id, { state: 'draft' });
    const body = { parameterSetId: set2020, ...WORKED_BASELINE };
    const hidden = await put(foreignOfficer, draft.id, 'baseline', body);
    expect(hidden.status).toBe(404);
    const published = await createRegulation(t, agency.id, { state: 'review' });
    expect((await put(foreignOfficer, published.id, 'baseline', body)).status).toBe(403);
    expect((await put(govOffice, published.id, 'baseline', body)).status).toBe(403);
    expect((await put(null, published.id, 'baseline', body)).status).toBe(401);

    const readKey = await createApiKey(t, agency.id, 'read');
    const denied = await t.http
      .put(`/regulations/${published.id}/cost-estimates/baseline`)
      .set('X-Api-Key', readKey)
      .send(body);
    expect(denied.status).toBe(403);
    const writeKey = await createApiKey(t, agency.id, 'write');
    const allowed = await t.http
      .put(`/regulations/${published.id}/cost-estimates/baseline`)
      .set('X-Api-Key', writeKey)
      .send(body);
    expect(allowed.status).toBe(200);
    // A read-only key may read its own agency's figures.
    const read = await t.http
      .get(`/regulations/${published.id}/cost-estimates`)
      .set('X-Api-Key', readKey);
    expect(read.status).toBe(200);
    expect(read.body.baselineCost).toBe('23231250000');
  });

  it('shows estimates to others only once the consultation opened', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'costing' });
    await put(officer, reg.id, 'baseline', { parameterSetId: set2020, ...WORKED_BASELINE });
    const path = `/regulations/${reg.id}/cost-estimates`;
    expect((await t.http.get(path)).status).toBe(403);
    expect((await t.http.get(path).set('Authorization', association.auth)).status).toBe(403);
    expect((await t.http.get(path).set('Authorization', govOffice.auth)).status).toBe(200);
    const extensions = t.app.get(RegulationDetailExtensions);
    const regulation = (await t.app.get(RegulationRepository).find(reg.id))!;
    expect(await extensions.collect({ regulation })).toMatchObject({
      baselineCost: null,
      savings: null,
      plan: null,
    });

    await moveTo(t, reg.id, 'drafting_plan');
    await t.http
      .put(`/regulations/${reg.id}/plan`)
      .set('Authorization', officer.auth)
      .send({ action: 'abolish', description: 'Bãi bỏ' });
    await moveTo(t, reg.id, 'consultation');
    const open = await t.http.get(path);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ baselineCost: '23231250000', savings: '23231250000' });
    expect((await t.http.get(`${path}/history`)).status).toBe(200);
    expect((await t.http.get(`/regulations/${reg.id}/plan`)).body).toMatchObject({
      action: 'abolish',
    });
    const after = (await t.app.get(RegulationRepository).find(reg.id))!;
    expect(await extensions.collect({ regulation: after })).toMatchObject({
      baselineCost: '23231250000',
      proposedCost: '0',
      reductionPct: 100,
    });

    const draft = await createRegulation(t, agency.id, { state: 'draft' });
    const hidden = `/regulations/${draft.id}/cost-estimates`;
    expect((await t.http.get(hidden)).status).toBe(404);
    expect((await t.http.get(hidden).set('Authorization', foreignOfficer.auth)).status).toBe(404);
  });

  it('keeps every version in the history with who, when, why and source; If-Match guards against stale edits', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'review' });
    const first = await put(officer, reg.id, 'baseline', {
      parameterSetId: set2020,
      ...WORKED_BASELINE,
      reason: 'Số liệu từ Cục Thống kê',
    });
    expect(first.body.version).toBe(1);
    const second = await t.http
      .put(`/regulations/${reg.id}/cost-estimates/baseline`)
      .set('Authorization', lead.auth)
      .set('If-Match', '"1"')
      .send({ parameterSetId: set2020, ...WORKED_BASELINE, subjectsPerYear: 24000 });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ version: 2, annualCost: '46462500000' });
    const stale = await t.http
      .put(`/regulations/${reg.id}/cost-estimates/baseline`)
      .set('Authorization', officer.auth)
      .set('If-Match', '1')
      .send({ parameterSetId: set2020, ...WORKED_BASELINE });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const badHeader = await t.http
      .put(`/regulations/${reg.id}/cost-estimates/baseline`)
      .set('Authorization', officer.auth)
      .set('If-Match', 'yesterday')
      .send({ parameterSetId: set2020, ...WORKED_BASELINE });
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.errors[0].field).toBe('If-Match');

    const history = await t.http
      .get(`/regulations/${reg.id}/cost-estimates/history`)
      .set('Authorization', officer.auth);
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      kind: 'baseline',
      version: 1,
      source: 'manual',
      reason: 'Số liệu từ Cục Thống kê',
      changedBy: officer.id,
      changedByName: 'Người dùng ministry_officer',
      changedAt: '2026-01-05T02:00:00.000Z',
      annualCost: '23231250000',
      hourlyRate: '30539.77',
    });
    expect(history.body.items[1]).toMatchObject({
      version: 2,
      changedBy: lead.id,
      annualCost: '46462500000',
    });
    expect(history.body.items[1].inputs.subjectsPerYear).toBe('24000');
    const paged = await t.http
      .get(`/regulations/${reg.id}/cost-estimates/history?limit=1&kind=baseline`)
      .set('Authorization', officer.auth);
    expect(paged.body.items).toHaveLength(1);
    const next = await t.http
      .get(`/regulations/${reg.id}/cost-estimates/history`)
      .query({ limit: 1, cursor: paged.body.nextCursor })
      .set('Authorization', officer.auth);
    expect(next.body.items.map((i: { version: number }) => i.version)).toEqual([2]);
  });

  it('never loses a version when many PUTs race on one estimate', async () => {
    const reg = await createRegulation(t, agency.id, { state: 'costing' });
    const n = 12;
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        put(i % 2 ? lead : officer, reg.id, 'baseline', {
          parameterSetId: set2020,
          ...WORKED_BASELINE,
          subjectsPerYear: 1000 + i,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(n).fill(200));
    expect(answers.map((a) => a.body.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    const rows = await t.dataSource.query(
      `SELECT version, inputs->>'subjectsPerYear' AS subjects FROM cost_estimate_history
        WHERE regulation_id = $1 ORDER BY version`,
      [reg.id],
    );
    expect(rows.map((r: { version: number }) => r.version)).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    // Each answer's version is the history row holding exactly that request's inputs.
    for (const a of answers) {
      expect(rows[a.body.version - 1].subjects).toBe(a.body.subjectsPerYear);
    }
    const [current] = await t.dataSource.query(
      `SELECT version FROM cost_estimate WHERE regulation_id = $1 AND kind = 'baseline'`,
      [reg.id],
    );
    expect(current.version).toBe(n);
  });
});
