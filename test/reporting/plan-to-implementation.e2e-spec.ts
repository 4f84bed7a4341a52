import { testRedisUrl } from '../support/test-app';
import {
  check,
  closeRounds,
  createReportWorld,
  DAY_MS,
  document,
  event,
  planAndConsult,
  putEstimate,
  report,
  ReportWorld,
  submitAndForward,
  sweep,
  today,
  WORKED_BASELINE,
  WORKED_PROPOSED,
} from './reporting-support';

/**
 * A ministry's plan followed by the Government Office from filing to implemented, every step
 * through the API, with the national and agency figures read after each step; the implementation
 * becomes overdue by its durable deadline timer on a fixed clock.
 */
const drivers = [
  ['in-process', false],
  ['bull (Redis)', true],
] as const;

describe.each(drivers)(
  'one plan, from filing to implemented, in the figures (%s jobs)',
  (_name, redis) => {
    // Deadlines fire through the queue driver: Bull on Postgres+Redis, or in-process.
    const it = redis && !testRedisUrl() ? global.it.skip : global.it;
    let w: ReportWorld;
    let id: string;
    const nation = () => report(w, w.gov, { programme: 'NQ66' });
    const ministry = () => report(w, w.a.officer, { programme: 'NQ66', agencyId: w.a.agency.id });

    beforeAll(async () => {
      if (redis && !testRedisUrl()) return;
      w = await createReportWorld({ redis });
    });
    afterAll(() => w?.t.close());

    it('counts a filed regulation in the baseline, and its cost once estimated', async () => {
      const legalDocumentId = await document(w);
      const filed = await w.t.http
        .post('/regulations')
        .set('Authorization', w.a.officer.auth)
        .send({
          legalDocumentId,
          provision: 'Điều 4 khoản 1',
          title: 'Thủ tục tự công bố sản phẩm',
          description: 'Hồ sơ gồm bản tự công bố và phiếu kết quả kiểm nghiệm',
          category: 'administrative_procedure',
          sector: 'food_safety',
          agencyId: w.a.agency.id,
        });
      expect(filed.status).toBe(201);
      id = filed.body.id;
      expect((await nation()).baseline).toMatchObject({
        count: 1,
        costedCount: 0,
        annualCost: '0',
      });

      await putEstimate(w, w.a.officer, id, 'baseline', WORKED_BASELINE);
      expect((await nation()).baseline).toMatchObject({
        count: 1,
        costedCount: 1,
        annualCost: '23231250000',
        coveragePct: 100,
      });
      // The ministry's own figures are the nation's here: it is the only one with regulations.
      const { items: _n, ...national } = (await nation()).baseline;
      const { items: _m, ...own } = (await ministry()).baseline;
      expect(own).toEqual(national);
    });

    it('shows the plan in the pipeline once submitted, and out of it when returned', async () => {
      await event(w, w.a.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      await event(w, w.a.officer, id, {
        type: 'COMPLETE_REVIEW',
        necessary: true,
        legal: true,
        reasonable: false,
      });
      await event(w, w.a.officer, id, { type: 'CONFIRM_BASELINE' });
      await planAndConsult(w, w.a, id, { action: 'simplify', proposed: WORKED_PROPOSED });
      await closeRounds(w);
      expect((await nation()).pipeline.count).toBe(0);

      await event(w, w.a.lead, id, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
      expect((await nation()).pipeline).toMatchObject({
        count: 1,
        savings: '19365340909',
        countPct: 100,
        costPct: 83.36,
      });

      await event(w, w.gov, id, {
        type: 'RETURN_FOR_REVISION',
        reasons: ['Chưa đánh giá tác động đến doanh nghiệp nhỏ'],
      });
      expect((await nation()).pipeline).toMatchObject({ count: 0, savings: '0' });

      // Consulted again, submitted again, forwarded: back in the pipeline.
      const again = (days: number) =>
        new Date(w.clock.now().getTime() + days * DAY_MS).toISOString();
      await event(w, w.a.officer, id, {
        type: 'OPEN_CONSULTATION',
        expertDeadline: again(31),
        associationDeadline: again(32),
        expertIds: [w.expert.id],
      });
      await closeRounds(w);
      await submitAndForward(w, w.a, id);
      expect((await nation()).pipeline.count).toBe(1);
    });

    it('moves it to approved with the decision, in the month of the decision', async () => {
      const decisionDate = today(w);
      const deadline = new Date(w.clock.now().getTime() + 10 * DAY_MS).toISOString();
      const res = await w.t.http
        .post('/decisions')
        .set('Authorization', w.gov.auth)
        .send({
          decisionNumber: '1661/QĐ-TTg',
          decisionDate,
          outcome: 'approved',
          implementationDeadline: deadline,
          regulationIds: [id],
        });
      expect(res.status).toBe(201);
      const body = await nation();
      expect(body).toMatchObject({
        pipeline: { count: 0 },
        approved: { count: 1, savings: '19365340909', countPct: 100, costPct: 83.36 },
        implemented: { count: 0 },
        overdue: { count: 0, denominator: { implementingCount: 1 } },
      });
      const point = body.series.find(
        (s: { month: string }) => s.month === decisionDate.slice(0, 7),
      );
      expect(point.approved).toEqual({ count: 1, savings: '19365340909' });
      expect(await ministry()).toMatchObject({ approved: { count: 1 } });
    });

    it('lists the implementation as overdue once its durable deadline passes', async () => {
      const list = (who: { auth: string }, query: Record<string, string> = {}) =>
        w.t.http.get('/reports/overdue').set('Authorization', who.auth).query(query);
      expect((await list(w.gov)).body.items).toEqual([]);

      w.clock.advance(13 * DAY_MS);
      await sweep(w);
      const [row] = await w.t.dataSource.query(`SELECT state FROM regulation WHERE id = $1`, [id]);
      expect(row.state).toEqual({ implementing: 'overdue' });

      const mine = await list(w.a.officer);
      expect(mine.status).toBe(200);
      expect(mine.body.items).toHaveLength(1);
      expect(mine.body.items[0]).toMatchObject({
        regulationId: id,
        title: 'Thủ tục tự công bố sản phẩm',
        agency: { id: w.a.agency.id, code: w.a.agency.code },
        decision: { number: '1661/QĐ-TTg' },
        planProgramme: 'NQ66',
        savings: '19365340909',
        daysOverdue: 3,
      });
      // Overdue since the deadline, not since the sweep that noticed it (3 days later).
      const item = mine.body.items[0];
      expect(item.overdueSince).toBe(item.implementationDeadline);
      expect(Date.parse(item.overdueRecordedAt)).toBeGreaterThan(Date.parse(item.overdueSince));
      expect((await list(w.gov, { agencyId: w.a.agency.id })).body.items).toHaveLength(1);
      expect((await list(w.gov, { programme: 'NQ68' })).body.items).toHaveLength(0);
      // Another ministry sees none of it, and may not ask for it.
      expect((await list(w.b.officer)).body.items).toEqual([]);
      expect((await list(w.b.officer, { agencyId: w.a.agency.id })).status).toBe(403);

      expect(await nation()).toMatchObject({
        overdue: { count: 1, savings: '19365340909', denominator: { implementingCount: 1 } },
      });
    });

    it('counts it implemented when the amending document is recorded', async () => {
      await event(w, w.a.officer, id, {
        type: 'RECORD_IMPLEMENTATION',
        amendingDocumentNumber: '12/2026/NĐ-CP',
        effectiveDate: today(w),
      });
      const body = await nation();
      expect(body).toMatchObject({
        approved: { count: 1, savings: '19365340909' },
        implemented: { count: 1, savings: '19365340909', countPct: 100, costPct: 83.36 },
        overdue: { count: 0, denominator: { implementingCount: 0 } },
        target: { implementedReached: { count: true, cost: true } },
      });
      const month = today(w).slice(0, 7);
      expect(body.series.find((s: { month: string }) => s.month === month).implemented).toEqual({
        count: 1,
        savings: '19365340909',
      });
      const overdue = await w.t.http.get('/reports/overdue').set('Authorization', w.gov.auth);
      expect(overdue.body.items).toEqual([]);
      expect(await check(w)).toMatchObject({ consistent: true, differences: [] });
    });
  },
);
