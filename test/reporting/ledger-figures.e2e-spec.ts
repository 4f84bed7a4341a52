import { STATE_LABELS } from '../../src/common/i18n/labels';
import { Workbook } from 'exceljs';
import { createApiKey } from '../support/factories';
import {
  allItems,
  check,
  citizen,
  closeRounds,
  createReportWorld,
  document,
  draft,
  event,
  ONE_HOUR_BASELINE,
  planAndConsult,
  putEstimate,
  report,
  ReportWorld,
  submitAndForward,
  sweep,
  toDraftingPlan,
  today,
  WORKED_BASELINE,
  WORKED_PROPOSED,
} from './reporting-support';

/**
 * The targets ledger computed by hand for a small data set (domain.md §7), built through the API:
 * ministry A under NQ66 (baseline: in force on 31 Dec 2024), ministry B with one regulation.
 *
 *   R1 outside the baseline (its decree took effect in 2025), simplified, approved
 *   R2 abolished, approved and implemented            baseline 23,231,250,000
 *   R3 retained after review, with a baseline          baseline     64,500,000
 *   R4 withdrawn, never costed                         (no baseline estimate)
 *   R5 citizen-only costs, simplified, approved        (not a business cost: 0)
 *   R6 simplified, awaiting the decision (pipeline)    baseline 23,231,250,000
 *   R7 (ministry B) in draft, costed                   baseline 23,231,250,000
 *
 * A: baseline 5 regulations (R2–R6), 4 costed, 46,527,000,000 VND a year.
 *    pipeline 1 (R6), savings 19,365,340,909 → 20.00% of the count, 41.62% of the cost
 *    approved 2 (R2, R5), savings 23,231,250,000 → 40.00% and 49.93%
 *    implemented 1 (R2), savings 23,231,250,000 → 20.00% and 49.93%
 *    outside the baseline: approved 1 (R1), 19,365,340,909
 * Nation: baseline 6, 5 costed, 69,758,250,000 → approved 33.33% and 33.30%.
 */
describe('the targets ledger, by hand', () => {
  let w: ReportWorld;
  const r: Record<string, string> = {};
  let decisionDate: string;

  beforeAll(async () => {
    // Asserts the English texts of refusals (Vietnamese is the default).
    w = await createReportWorld({ acceptLanguage: 'en' });
    const { a, b } = w;
    const after2024 = await document(w, { issuedOn: '2025-05-15', effectiveOn: '2025-06-01' });
    r.R1 = await draft(w, a, { legalDocumentId: after2024, title: 'R1 ngoài kỳ gốc' });
    for (const k of ['R2', 'R3', 'R4', 'R5', 'R6']) r[k] = await draft(w, a, { title: k });
    r.R7 = await draft(w, b, { title: 'R7' });

    await toDraftingPlan(w, a, r.R1, WORKED_BASELINE);
    await toDraftingPlan(w, a, r.R2, WORKED_BASELINE);
    await toDraftingPlan(w, a, r.R5, citizen(WORKED_BASELINE));
    await toDraftingPlan(w, a, r.R6, WORKED_BASELINE);
    await planAndConsult(w, a, r.R1, { action: 'simplify', proposed: WORKED_PROPOSED });
    await planAndConsult(w, a, r.R2, { action: 'abolish' });
    await planAndConsult(w, a, r.R5, { action: 'simplify', proposed: citizen(WORKED_PROPOSED) });
    await planAndConsult(w, a, r.R6, { action: 'simplify', proposed: WORKED_PROPOSED });

    await putEstimate(w, a.officer, r.R3, 'baseline', ONE_HOUR_BASELINE);
    await event(w, a.officer, r.R3, { type: 'SUBMIT_FOR_REVIEW' });
    await event(w, a.officer, r.R3, {
      type: 'COMPLETE_REVIEW',
      necessary: true,
      legal: true,
      reasonable: true,
    });
    await event(w, a.officer, r.R4, { type: 'SUBMIT_FOR_REVIEW' });
    await event(w, a.lead, r.R4, { type: 'WITHDRAW', reason: 'trùng với quy định khác' });
    await putEstimate(w, b.officer, r.R7, 'baseline', WORKED_BASELINE);

    await closeRounds(w);
    for (const k of ['R1', 'R2', 'R5', 'R6']) await submitAndForward(w, a, r[k]);
    decisionDate = today(w);
    const decided = await w.t.http
      .post('/decisions')
      .set('Authorization', w.gov.auth)
      .send({
        decisionNumber: '1661/QĐ-TTg',
        decisionDate,
        outcome: 'approved',
        implementationDeadline: '2026-12-31',
        regulationIds: [r.R1, r.R2, r.R5],
      });
    expect(decided.status).toBe(201);
    await event(w, a.officer, r.R2, {
      type: 'RECORD_IMPLEMENTATION',
      amendingDocumentNumber: '12/2026/NĐ-CP',
      effectiveDate: '2026-05-15',
    });
    // Recorded ahead of its effective date: it counts as implemented from 15 May 2026.
    w.clock.set('2026-05-15T01:00:00.000Z');
    await sweep(w);
  }, 120_000);
  afterAll(() => w.t.close());

  it('gives ministry A its figures, each with its denominator', async () => {
    const body = await report(w, w.gov, { programme: 'NQ66', agencyId: w.a.agency.id });
    const denominator = { count: 5, annualCost: '46527000000', costedCount: 4 };
    expect(body).toMatchObject({
      programme: { code: 'NQ66', baselineDate: '2024-12-31', targetCountPct: 30 },
      agencyId: w.a.agency.id,
      agency: { id: w.a.agency.id, code: w.a.agency.code },
      baseline: { ...denominator, coveragePct: 80, lowCoverage: true, minCoveragePct: 90 },
      pipeline: { count: 1, savings: '19365340909', countPct: 20, costPct: 41.62, denominator },
      approved: {
        count: 2,
        savings: '23231250000',
        countPct: 40,
        costPct: 49.93,
        denominator,
        coveragePct: 80,
        lowCoverage: true,
      },
      implemented: { count: 1, savings: '23231250000', countPct: 20, costPct: 49.93, denominator },
      outsideBaseline: {
        pipeline: { count: 0, savings: '0' },
        approved: { count: 1, savings: '19365340909' },
        implemented: { count: 0, savings: '0' },
      },
      overdue: { count: 0, savings: '0', denominator: { implementingCount: 2 } },
      target: {
        countPct: 30,
        costPct: 30,
        minCoveragePct: 90,
        lowCoverage: true,
        // 49.93% ≥ 30% of the cost, but over a baseline only 80% costed: not verifiable.
        approvedReached: { count: true, cost: false, costStatus: 'low_coverage' },
        implementedReached: { count: false, cost: false, costStatus: 'low_coverage' },
      },
    });
    const month = decisionDate.slice(0, 7);
    const point = body.series.find((s: { month: string }) => s.month === month);
    expect(point).toMatchObject({
      approved: { count: 2, savings: '23231250000' },
      cumulative: { approved: { count: 2, countPct: 40, costPct: 49.93 } },
    });
    expect(body.series.find((s: { month: string }) => s.month === '2026-05')).toMatchObject({
      implemented: { count: 1, savings: '23231250000' },
    });
    expect(body.series.at(-1)).toMatchObject({
      month: '2026-12',
      cumulative: { implemented: { count: 1, countPct: 20, costPct: 49.93 } },
    });
  });

  it('adds ministry B into the national figures', async () => {
    const body = await report(w, w.gov, { programme: 'nq66' });
    expect(body).toMatchObject({
      agencyId: null,
      agency: null,
      baseline: { count: 6, costedCount: 5, annualCost: '69758250000' },
      approved: { count: 2, savings: '23231250000', countPct: 33.33, costPct: 33.3 },
      pipeline: { count: 1, countPct: 16.67, costPct: 27.76 },
    });
    const onlyB = await report(w, w.gov, { programme: 'NQ66', agencyId: w.b.agency.id });
    expect(onlyB).toMatchObject({
      baseline: { count: 1, costedCount: 1, annualCost: '23231250000' },
      approved: { count: 0, savings: '0', countPct: 0, costPct: 0 },
    });
  });

  it('counts savings toward the plan’s programme only', async () => {
    // NQ68's baseline (31 May 2020) holds the same regulations, but the plans are filed under NQ66.
    const body = await report(w, w.gov, { programme: 'NQ68', agencyId: w.a.agency.id });
    expect(body).toMatchObject({
      baseline: { count: 5, costedCount: 4, annualCost: '46527000000' },
      pipeline: { count: 0 },
      approved: { count: 0, savings: '0', countPct: 0, costPct: 0 },
      outsideBaseline: { approved: { count: 0 } },
    });
  });

  it('drills every figure down to the regulations behind it, adding up exactly', async () => {
    const q = { programme: 'NQ66', agencyId: w.a.agency.id };
    const ids = (items: Array<Record<string, any>>) => items.map((i) => i.regulationId).sort();
    const sum = (items: Array<Record<string, any>>, field: string) =>
      items.reduce((s, i) => s + BigInt(i[field] ?? 0), 0n).toString();
    const set = (...keys: string[]) => keys.map((k) => r[k]).sort();

    const baseline = await allItems(w, w.gov, { ...q, bucket: 'baseline' });
    expect(ids(baseline)).toEqual(set('R2', 'R3', 'R4', 'R5', 'R6'));
    expect(sum(baseline, 'baselineCost')).toBe('46527000000');
    expect(baseline.filter((i) => i.costed)).toHaveLength(4);
    const r4 = baseline.find((i) => i.regulationId === r.R4)!;
    expect(r4).toMatchObject({ stateName: 'withdrawn', costed: false, baselineCost: '0' });
    const r5 = baseline.find((i) => i.regulationId === r.R5)!;
    expect(r5).toMatchObject({ costed: true, baselineCost: '0', savings: '0' });

    const pipeline = await allItems(w, w.gov, { ...q, bucket: 'pipeline' });
    expect(ids(pipeline)).toEqual(set('R6'));
    expect(pipeline[0]).toMatchObject({ stateName: 'awaiting_decision', savings: '19365340909' });

    const approved = await allItems(w, w.gov, { ...q, bucket: 'approved' });
    expect(ids(approved)).toEqual(set('R2', 'R5'));
    expect(sum(approved, 'savings')).toBe('23231250000');
    expect(approved.find((i) => i.regulationId === r.R2)).toMatchObject({
      planAction: 'abolish',
      planProgramme: 'NQ66',
      approvedOn: decisionDate,
      implementedOn: '2026-05-15',
      inBaseline: true,
    });

    const implemented = await allItems(w, w.gov, { ...q, bucket: 'implemented' });
    expect(ids(implemented)).toEqual(set('R2'));

    const outside = await allItems(w, w.gov, { ...q, bucket: 'outside' });
    expect(ids(outside)).toEqual(set('R1'));
    expect(outside[0]).toMatchObject({ inBaseline: false, savings: '19365340909' });

    expect(await allItems(w, w.gov, { ...q, bucket: 'overdue' })).toEqual([]);

    // A point of the series drills down too.
    const month = decisionDate.slice(0, 7);
    expect(ids(await allItems(w, w.gov, { ...q, bucket: 'approved', month }))).toEqual(
      set('R2', 'R5'),
    );
    expect(await allItems(w, w.gov, { ...q, bucket: 'implemented', month })).toEqual([]);
    const wrong = await w.t.http
      .get('/reports/progress/items')
      .set('Authorization', w.gov.auth)
      .query({ ...q, bucket: 'baseline', month });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'month', message: 'applies only to the approved and implemented buckets' },
    ]);
  });

  it('shows the same savings as the regulation itself', async () => {
    const view = await w.t.http.get(`/regulations/${r.R6}`).set('Authorization', w.gov.auth);
    expect(view.body.savings).toBe('19365340909');
  });

  it('records the decision with the regulations it covers', async () => {
    const list = await w.t.http.get('/decisions').query({ agencyId: w.a.agency.id });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      decisionNumber: '1661/QĐ-TTg',
      decisionDate,
      outcome: 'approved',
      regulationCount: 3,
    });
    const stateOf = Object.fromEntries(
      list.body.items[0].regulations.map((x: { id: string; stateName: string }) => [
        x.id,
        x.stateName,
      ]),
    );
    expect(stateOf).toEqual({
      [r.R1]: 'implementing',
      [r.R2]: 'implemented',
      [r.R5]: 'implementing',
    });
  });

  it('agrees with a from-scratch recomputation', async () => {
    const result = await check(w);
    expect(result).toMatchObject({ consistent: true, differences: [], staleLines: { count: 0 } });
    expect(result.regulations).toBe(7);
  });

  describe('tenancy', () => {
    const get = (path: string, auth: Record<string, string>, query: Record<string, string>) => {
      let req = w.t.http.get(path).query(query);
      for (const [k, v] of Object.entries(auth)) req = req.set(k, v);
      return req;
    };
    const bearer = (u: { auth: string }) => ({ Authorization: u.auth });

    it('shows a ministry its own agency only: never another agency, never the nation', async () => {
      for (const path of [
        '/reports/progress',
        '/reports/progress.xlsx',
        '/reports/progress/items',
      ]) {
        const base: Record<string, string> = { programme: 'NQ66' };
        if (path.endsWith('items')) base.bucket = 'baseline';
        for (const who of [w.a.officer, w.a.lead]) {
          expect((await get(path, bearer(who), { ...base, agencyId: w.a.agency.id })).status).toBe(
            200,
          );
          const other = await get(path, bearer(who), { ...base, agencyId: w.b.agency.id });
          expect(other.status).toBe(403);
          expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
          expect((await get(path, bearer(who), base)).status).toBe(403);
        }
      }
      const own = await report(w, w.a.officer, { programme: 'NQ66', agencyId: w.a.agency.id });
      expect(own.baseline.count).toBe(5);
      const items = await allItems(w, w.a.officer, {
        programme: 'NQ66',
        agencyId: w.a.agency.id,
        bucket: 'baseline',
      });
      expect(items.every((i) => i.agency.id === w.a.agency.id)).toBe(true);
    });

    it('lets an API key read its agency’s figures', async () => {
      const key = { 'X-Api-Key': await createApiKey(w.t, w.a.agency.id, 'read') };
      const own = await get('/reports/progress', key, {
        programme: 'NQ66',
        agencyId: w.a.agency.id,
      });
      expect(own.status).toBe(200);
      expect(own.body.approved.count).toBe(2);
      expect(
        (await get('/reports/progress', key, { programme: 'NQ66', agencyId: w.b.agency.id }))
          .status,
      ).toBe(403);
    });

    it('refuses associations, experts and the public', async () => {
      const q = { programme: 'NQ66', agencyId: w.a.agency.id };
      expect((await get('/reports/progress', bearer(w.association), q)).status).toBe(403);
      expect((await get('/reports/progress', bearer(w.expert), q)).status).toBe(403);
      expect((await get('/reports/overdue', bearer(w.expert), {})).status).toBe(403);
      expect((await get('/reports/progress', {}, q)).status).toBe(401);
    });

    it('names the bad parameter', async () => {
      const bad = await get('/reports/progress', bearer(w.gov), { programme: 'NQ99' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([
        { field: 'programme', message: 'no programme has the code or id "NQ99"' },
      ]);
      const missing = await get('/reports/progress', bearer(w.gov), {});
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('programme');
      const agency = await get('/reports/progress', bearer(w.gov), {
        programme: 'NQ66',
        agencyId: 'nope',
      });
      expect(agency.status).toBe(400);
      expect(agency.body.errors).toEqual([
        { field: 'agencyId', message: 'agencyId must be a UUID' },
      ]);
      const bucket = await get('/reports/progress/items', bearer(w.gov), {
        programme: 'NQ66',
        bucket: 'everything',
      });
      expect(bucket.status).toBe(400);
      const cursor = await get('/reports/progress/items', bearer(w.gov), {
        programme: 'NQ66',
        bucket: 'baseline',
        cursor: 'garbage',
      });
      expect(cursor.status).toBe(400);
    });
  });

  describe('the workbook', () => {
    async function workbook(who: { auth: string }, query: Record<string, string>) {
      const res = await w.t.http
        .get('/reports/progress.xlsx')
        .set('Authorization', who.auth)
        .query(query)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const book = new Workbook();
      await book.xlsx.load(res.body);
      return book;
    }

    const rowValues = (sheet: import('exceljs').Worksheet) => {
      const out: unknown[][] = [];
      sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };

    it('reads back: a summary per agency and the nation, the series, and the regulations', async () => {
      const book = await workbook(w.gov, { programme: 'NQ66' });
      expect(book.worksheets.map((s) => s.name)).toEqual([
        'Tổng hợp',
        'Theo tháng',
        'Danh sách quy định',
      ]);
      const summary = book.getWorksheet('Tổng hợp')!;
      expect(String(summary.getCell('A1').value)).toMatch(/BÁO CÁO TIẾN ĐỘ CẮT GIẢM/);
      expect(String(summary.getCell('A3').value)).toMatch(/31\/12\/2024.*30% số quy định/);
      expect(summary.getRow(6).getCell(4).value).toBe('Số quy định kỳ gốc');
      expect(summary.getRow(6).getCell(7).value).toBe('Chi phí tuân thủ kỳ gốc (đồng/năm)');
      expect(String(summary.getCell('A5').value)).toMatch(
        /5\/6 quy định kỳ gốc đã tính chi phí tuân thủ \(83,33%\)\. CẢNH BÁO: dưới 90%/,
      );
      const rows = rowValues(summary).slice(6);
      const byName = new Map(rows.map((row) => [String(row[1]), row]));
      const a = byName.get(`Cơ quan ${w.a.agency.code}`)!;
      expect(a.slice(3, 17)).toEqual([
        5, 4, 0.8, 46527000000, 1, 19365340909, 2, 23231250000, 0.4, 0.4993, 1, 23231250000, 0.2,
        0.4993,
      ]);
      expect(a.slice(17)).toEqual([
        0,
        1,
        19365340909,
        'Có',
        'Chưa đủ căn cứ (độ bao phủ thấp)',
        'Chưa đủ căn cứ (độ bao phủ thấp)',
      ]);
      const nation = byName.get('Toàn quốc')!;
      expect(nation.slice(3, 7)).toEqual([6, 5, 0.8333, 69758250000]);
      // Number formats: VND with thousands separators, shares as percentages.
      const aRow = rows.indexOf(a) + 7;
      expect(summary.getRow(aRow).getCell(7).numFmt).toBe('#,##0');
      expect(summary.getRow(aRow).getCell(12).numFmt).toBe('0.00%');

      const monthly = rowValues(book.getWorksheet('Theo tháng')!);
      expect(monthly[0][0]).toBe('Tháng');
      const point = monthly.find(
        (row) => row[0] === decisionDate.slice(0, 7).split('-').reverse().join('/'),
      )!;
      expect(point.slice(1, 3)).toEqual([2, 23231250000]);

      const list = rowValues(book.getWorksheet('Danh sách quy định')!);
      expect(list[0].slice(0, 3)).toEqual(['STT', 'Mã quy định (ID)', 'Cơ quan']);
      const listed = new Map(list.slice(1).map((row) => [String(row[1]), row]));
      expect([...listed.keys()].sort()).toEqual(Object.values(r).sort());
      const r2 = listed.get(r.R2)!;
      expect(r2[7]).toBe('Đã thực thi');
      // Every state by its Vietnamese label, the web app's (issue 16): never a raw code.
      for (const row of listed.values()) expect(Object.values(STATE_LABELS)).toContain(row[7]);
      expect(r2[8]).toBe('Có');
      expect(r2[10]).toBe(23231250000);
      expect(r2[11]).toBe('Bãi bỏ');
      expect(r2[13]).toBe(23231250000);
      expect((r2[15] as Date).toISOString().slice(0, 10)).toBe('2026-05-15');
      expect(listed.get(r.R1)![8]).toBe('Không');
      // Uncosted (R4): its baseline cost is unknown, not 0.
      expect(listed.get(r.R4)!.slice(9, 11)).toEqual(['Không', 'chưa tính']);
      expect(listed.get(r.R5)!.slice(9, 11)).toEqual(['Có', 0]);
    });

    it('gives a ministry its own rows only, without the nation', async () => {
      const book = await workbook(w.a.officer, { programme: 'NQ66', agencyId: w.a.agency.id });
      const rows = rowValues(book.getWorksheet('Tổng hợp')!).slice(6);
      expect(rows.map((row) => row[1])).toEqual([`Cơ quan ${w.a.agency.code}`]);
      const list = rowValues(book.getWorksheet('Danh sách quy định')!).slice(1);
      expect(list).toHaveLength(6);
      expect(list.every((row) => row[2] === w.a.agency.code)).toBe(true);
    });
  });
});
