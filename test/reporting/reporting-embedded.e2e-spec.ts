import { Workbook } from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, ChildService, startChild } from '../support/child-service';
import { waitFor } from '../support/wait-for';

/**
 * The Government Office follows a plan from submission to implemented on the embedded default
 * (the built service on PGlite, in-process jobs): the decision, the national and agency figures,
 * the workbook and the ledger check. The child runs on the real clock, so the consultation
 * deadlines are seconds away (a programme with no minimum consultation period).
 */
describe('decisions and the targets ledger on the embedded default', () => {
  let dataDir: string;
  let service: ChildService | undefined;

  beforeAll(() => {
    buildOnce();
    dataDir = mkdtempSync(join(tmpdir(), 'regcut-reporting-'));
  }, 180_000);
  afterAll(async () => {
    await service?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  // One request at a time: concurrent queries outside a transaction interleave in pglite-socket.
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${service!.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    const payload = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: payload as any };
  };
  const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
    const res = await p;
    if (res.status !== status) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const login = async (email: string, password = 'reporting-password-1') =>
    (await ok(call('POST', '/auth/login', undefined, { email, password }))).accessToken as string;

  it('follows a plan from submission to implemented in the national and agency figures', async () => {
    service = await startChild({
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      ADMIN_EMAIL: 'root@regcut.local',
      ADMIN_PASSWORD: 'first-start-password',
    });
    const admin = await login('root@regcut.local', 'first-start-password');
    const agency = async (code: string, name: string, kind: string) =>
      (await ok(call('POST', '/agencies', admin, { code, name, kind }), 201)).id as string;
    const bct = await agency('BCT', 'Bộ Công Thương', 'ministry');
    const vpcp = await agency('VPCP', 'Văn phòng Chính phủ', 'government_office');
    const hdtv = await agency('HDTV', 'Hội đồng tư vấn', 'other');
    const user = async (email: string, role: string, agencyId: string) =>
      (
        await ok(
          call('POST', '/users', admin, {
            email,
            password: 'reporting-password-1',
            fullName: 'Nguyễn Thị Lan',
            role,
            agencyId,
          }),
          201,
        )
      ).id as string;
    await user('officer@bct.example.vn', 'ministry_officer', bct);
    await user('lead@bct.example.vn', 'ministry_lead', bct);
    await user('kstt@vpcp.example.vn', 'gov_office', vpcp);
    const expertId = await user('expert@hdtv.example.vn', 'expert', hdtv);
    const officer = await login('officer@bct.example.vn');
    const lead = await login('lead@bct.example.vn');
    const gov = await login('kstt@vpcp.example.vn');

    await ok(
      call('POST', '/programmes', admin, {
        code: 'PILOT',
        name: 'Thí điểm cắt giảm quy định',
        startDate: '2020-01-01',
        endDate: '2030-12-31',
        baselineDate: '2019-12-31',
        targetCountPct: 20,
        targetCostPct: 20,
        minConsultationDays: 0,
        categories: ['administrative_procedure'],
      }),
      201,
    );
    const set = await ok(
      call('POST', '/cost-parameter-sets', admin, { year: 2020, annualIncomePerCapita: 64500000 }),
      201,
    );
    const doc = await ok(
      call('POST', '/legal-documents', officer, {
        number: '09/2018/NĐ-CP',
        type: 'decree',
        issuer: 'Chính phủ',
        title: 'Nghị định quy định chi tiết Luật Thương mại về hoạt động mua bán hàng hóa',
        issuedOn: '2018-01-15',
        effectiveOn: '2018-01-15',
      }),
      201,
    );
    const reg = await ok(
      call('POST', '/regulations', officer, {
        legalDocumentId: doc.id,
        provision: 'Điều 5',
        title: 'Cấp giấy phép kinh doanh',
        category: 'administrative_procedure',
        sector: 'trade',
        agencyId: bct,
      }),
      201,
    );
    const estimate = (activities: Array<{ name: string; hours: number }>, fees: number) => ({
      parameterSetId: set.id,
      subjectType: 'business',
      costKind: 'recurring',
      activities,
      hiredServices: 0,
      feesAndCharges: fees,
      otherCosts: 0,
      frequencyPerYear: 1,
      subjectsPerYear: 2112,
    });
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
