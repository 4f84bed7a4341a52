import { Workbook } from 'exceljs';
import { EMBEDDED_ADMIN, useEmbeddedService } from '../support/embedded-service';
import { buildRegulationWorld, programmeBody, recurringEstimate } from '../support/http-world';
import { waitFor } from '../support/wait-for';

/**
 * The Government Office follows a plan from submission to implemented on the embedded default
 * (the built service on PGlite, in-process jobs): the decision, the national and agency figures,
 * the workbook and the ledger check. The child runs on the real clock, so the consultation
 * deadlines are seconds away (a programme with no minimum consultation period).
 */
describe('decisions and the targets ledger on the embedded default', () => {
  const embedded = useEmbeddedService('reporting');
  const { call } = embedded;
  const ok = async (p: ReturnType<typeof call>, status = 200) => embedded.expectOk(await p, status);
  const login = (email: string, password = 'reporting-password-1') =>
    embedded.login(email, password);

  it('follows a plan from submission to implemented in the national and agency figures', async () => {
    await embedded.start();
    const admin = await login(EMBEDDED_ADMIN.email, EMBEDDED_ADMIN.password);
    const { agency, user } = embedded.people(admin, {
      password: 'reporting-password-1',
      fullName: 'Nguyễn Thị Lan',
    });
    const bct = await agency('BCT', 'Bộ Công Thương', 'ministry');
    const vpcp = await agency('VPCP', 'Văn phòng Chính phủ', 'government_office');
    const hdtv = await agency('HDTV', 'Hội đồng tư vấn', 'other');
    await user('officer@bct.example.vn', 'ministry_officer', bct);
    await user('lead@bct.example.vn', 'ministry_lead', bct);
    await user('kstt@vpcp.example.vn', 'gov_office', vpcp);
    const expertId = await user('expert@hdtv.example.vn', 'expert', hdtv);
    const officer = await login('officer@bct.example.vn');
    const lead = await login('lead@bct.example.vn');
    const gov = await login('kstt@vpcp.example.vn');

    const { parameterSet: set, regulation: reg } = await buildRegulationWorld(embedded.create, {
      admin,
      officer,
      agencyId: bct,
      programme: programmeBody('PILOT', 'Thí điểm cắt giảm quy định', 20),
      parameterSet: { year: 2020, annualIncomePerCapita: 64500000 },
      decree: 'trade',
      provision: 'Điều 5',
      title: 'Cấp giấy phép kinh doanh',
    });
    const estimate = (activities: Array<{ name: string; hours: number }>, fees: number) =>
      recurringEstimate(set.id, activities, fees, 2112);
    // 8 h × 64,500,000/2,112 × 2,112 + 0 = 516,000,000 a year; proposed 1 h: 64,500,000.
    await ok(
      call('PUT', `/regulations/${reg.id}/cost-estimates/baseline`, officer, {
        ...estimate([{ name: 'Chuẩn bị hồ sơ', hours: 8 }], 0),
      }),
    );
    const events = (body: unknown, token = officer) =>
      ok(call('POST', `/regulations/${reg.id}/events`, token, body));
    await events({ type: 'SUBMIT_FOR_REVIEW' });
    await events({ type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false });
    await events({ type: 'CONFIRM_BASELINE' });
    await ok(
      call('PUT', `/regulations/${reg.id}/plan`, officer, {
        action: 'simplify',
        description: 'Nộp hồ sơ trực tuyến',
        programme: 'PILOT',
      }),
    );
    await ok(
      call('PUT', `/regulations/${reg.id}/cost-estimates/proposed`, officer, {
        ...estimate([{ name: 'Nộp trực tuyến', hours: 1 }], 0),
      }),
    );
    const soon = new Date(Date.now() + 3000).toISOString();
    await events({
      type: 'OPEN_CONSULTATION',
      expertDeadline: soon,
      associationDeadline: soon,
      expertIds: [expertId],
    });
    // The rounds close by their durable timers on the real clock (real asynchronous work).
    await waitFor(
      async () =>
        (await call('GET', `/regulations/${reg.id}`, officer)).body.stateName === 'responding',
      20_000,
      200,
    );

    const progress = (token: string, agencyId?: string) =>
      ok(
        call(
          'GET',
          `/reports/progress?programme=PILOT${agencyId ? `&agencyId=${agencyId}` : ''}`,
          token,
        ),
      );
    await events({ type: 'SUBMIT_TO_GOVERNMENT_OFFICE' }, lead);
    expect((await progress(gov)).pipeline).toMatchObject({ count: 1, savings: '451500000' });
    await events({ type: 'FORWARD_FOR_DECISION' }, gov);

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const decision = await ok(
      call('POST', '/decisions', gov, {
        decisionNumber: '1661/QĐ-TTg',
        decisionDate: today,
        outcome: 'approved',
        implementationDeadline: '2030-12-31',
        regulationIds: [reg.id],
      }),
      201,
    );
    expect(decision.regulations).toMatchObject([{ id: reg.id, stateName: 'implementing' }]);
    expect((await ok(call('GET', '/decisions'))).items).toHaveLength(1);

    const approved = await progress(gov);
    expect(approved).toMatchObject({
      baseline: { count: 1, costedCount: 1, annualCost: '516000000' },
      pipeline: { count: 0 },
      approved: { count: 1, savings: '451500000', countPct: 100, costPct: 87.5 },
    });
    await events({
      type: 'RECORD_IMPLEMENTATION',
      amendingDocumentNumber: '12/2026/NĐ-CP',
      effectiveDate: today,
    });
    const own = await progress(officer, bct);
    expect(own).toMatchObject({
      agencyId: bct,
      implemented: { count: 1, savings: '451500000', countPct: 100, costPct: 87.5 },
    });
    expect((await call('GET', '/reports/progress?programme=PILOT', officer)).status).toBe(403);

    const xlsx = await call('GET', '/reports/progress.xlsx?programme=PILOT', gov);
    expect(xlsx.status).toBe(200);
    const book = new Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.getWorksheet('Danh sách quy định')!.rowCount).toBe(2);

    const checked = await ok(call('GET', '/admin/reports/check', admin));
    expect(checked).toMatchObject({ consistent: true, regulations: 1 });
  }, 180_000);
});
