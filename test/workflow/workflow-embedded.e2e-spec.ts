import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, ChildService, startChild } from '../support/child-service';
import { waitFor } from '../support/wait-for';

/**
 * The workflow on the embedded default (PGlite, in-process jobs), as the built service runs:
 * events and their refusals, idempotency, history verification, consultation rounds,
 * and a consultation deadline that passes while the service is stopped firing once at the next
 * start. The child runs on the real clock, so the deadline here is seconds away (a programme with
 * no minimum consultation period), not days.
 */
describe('the workflow on the embedded default', () => {
  let dataDir: string;
  let service: ChildService | undefined;

  beforeAll(() => {
    buildOnce();
    dataDir = mkdtempSync(join(tmpdir(), 'regcut-workflow-'));
  }, 180_000);
  afterAll(async () => {
    await service?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    startChild({
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      ADMIN_EMAIL: 'root@regcut.local',
      ADMIN_PASSWORD: 'first-start-password',
    });
  const call = async (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${service!.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const expectOk = (res: { status: number; body: unknown }, status = 200) => {
    if (res.status !== status) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as any;
  };
  const login = async (email: string, password: string) =>
    expectOk(await call('POST', '/auth/login', undefined, { email, password }))
      .accessToken as string;

  it('runs a regulation through its workflow, durably', async () => {
    service = await start();
    const admin = await login('root@regcut.local', 'first-start-password');
    const agency = expectOk(
      await call('POST', '/agencies', admin, {
        code: 'BCT',
        name: 'Bộ Công Thương',
        kind: 'ministry',
      }),
      201,
    );
    const experts = expectOk(
      await call('POST', '/agencies', admin, {
        code: 'HDTV',
        name: 'Hội đồng tư vấn',
        kind: 'other',
      }),
      201,
    );
    const user = async (email: string, role: string, agencyId: string) =>
      expectOk(
        await call('POST', '/users', admin, {
          email,
          password: 'workflow-password-1',
          fullName: 'Trần Văn Minh',
          role,
          agencyId,
        }),
        201,
      ).id as string;
    await user('officer@bct.example.vn', 'ministry_officer', agency.id);
    await user('lead@bct.example.vn', 'ministry_lead', agency.id);
    const expertId = await user('expert@hdtv.example.vn', 'expert', experts.id);
    const officer = await login('officer@bct.example.vn', 'workflow-password-1');
    const lead = await login('lead@bct.example.vn', 'workflow-password-1');
    expectOk(
      await call('POST', '/programmes', admin, {
        code: 'PILOT',
        name: 'Thí điểm tham vấn rút gọn',
        startDate: '2020-01-01',
        endDate: '2030-12-31',
        baselineDate: '2019-12-31',
        targetCountPct: 10,
        targetCostPct: 10,
        minConsultationDays: 0,
        categories: ['administrative_procedure'],
      }),
      201,
    );
    const set = expectOk(
      await call('POST', '/cost-parameter-sets', admin, { year: 2021, hourlyRate: 30000 }),
      201,
    );
    const doc = expectOk(
      await call('POST', '/legal-documents', officer, {
        number: '09/2018/NĐ-CP',
        type: 'decree',
        issuer: 'Chính phủ',
        title: 'Nghị định quy định chi tiết Luật Thương mại về hoạt động mua bán hàng hóa',
        issuedOn: '2018-01-15',
        effectiveOn: '2018-01-15',
      }),
      201,
    );
    const reg = expectOk(
      await call('POST', '/regulations', officer, {
        legalDocumentId: doc.id,
        provision: 'Điều 5',
        title: 'Cấp giấy phép kinh doanh',
        category: 'administrative_procedure',
        sector: 'trade',
        agencyId: agency.id,
      }),
      201,
    );
    const events = (body: unknown, token = officer, headers: Record<string, string> = {}) =>
      call('POST', `/regulations/${reg.id}/events`, token, body, headers);

    // Requests are sent one at a time: concurrent queries outside a transaction interleave in
    // pglite-socket 0.2 (electric-sql/pglite#1046), which the embedded database layer must fix.
    expect((await events({ type: 'SUBMIT_FOR_REVIEW' })).status).toBe(200);
    const again = await events({ type: 'SUBMIT_FOR_REVIEW' });
    expect(again.status).toBe(409);
    expect(again.body.acceptedEvents).toEqual(['COMPLETE_REVIEW', 'WITHDRAW']);
    const key = 'b7c1e0f2-review-1';
    const review = { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false };
    const first = expectOk(await events(review, officer, { 'Idempotency-Key': key }));
    const replay = await events(review, officer, { 'Idempotency-Key': key });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first);
    expect(
      (await events({ ...review, notes: 'khác' }, officer, { 'Idempotency-Key': key })).status,
    ).toBe(422);
    expect((await events({ type: 'CONFIRM_BASELINE' })).body.guard).toBe('baselineComplete');
    expectOk(
      await call('PUT', `/regulations/${reg.id}/cost-estimates/baseline`, officer, {
        parameterSetId: set.id,
        subjectType: 'business',
        costKind: 'recurring',
        activities: [{ name: 'Chuẩn bị hồ sơ', hours: 8 }],
        hiredServices: 0,
        feesAndCharges: 500000,
        otherCosts: 0,
        frequencyPerYear: 1,
        subjectsPerYear: 1000,
      }),
    );
    expectOk(await events({ type: 'CONFIRM_BASELINE' }, lead));
    expectOk(
      await call('PUT', `/regulations/${reg.id}/plan`, officer, {
        action: 'abolish',
        description: 'Bãi bỏ giấy phép',
        programme: 'PILOT',
      }),
    );
    const soon = new Date(Date.now() + 3000).toISOString();
    const opened = expectOk(
      await events({
        type: 'OPEN_CONSULTATION',
        expertDeadline: soon,
        associationDeadline: soon,
        expertIds: [expertId],
      }),
    );
    expect(opened.state).toEqual({ consultation: { experts: 'open', associations: 'open' } });
    const open = expectOk(await call('GET', `/consultations?status=open`));
    expect(open.items.filter((r: any) => r.regulationId === reg.id)).toHaveLength(2);

    // Stopped before the deadlines; they pass while nothing runs.
    await service.stop('SIGTERM');
    await waitFor(async () => Date.now() > Date.parse(soon) + 500, 10_000, 100);
    service = await start();
    const admin2 = await login('root@regcut.local', 'first-start-password');
    const after = expectOk(await call('GET', `/regulations/${reg.id}/workflow`, admin2));
    expect(after.current).toMatchObject({ stateName: 'responding', version: 7 });
    const history = expectOk(await call('GET', `/regulations/${reg.id}/history`, admin2));
    expect(history.items.map((e: any) => [e.event, e.actorRole])).toEqual([
      ['SUBMIT_FOR_REVIEW', 'ministry_officer'],
      ['COMPLETE_REVIEW', 'ministry_officer'],
      ['CONFIRM_BASELINE', 'ministry_lead'],
      ['OPEN_CONSULTATION', 'ministry_officer'],
      [expect.stringMatching(/_ROUND_DEADLINE$/), 'system'],
      [expect.stringMatching(/_ROUND_DEADLINE$/), 'system'],
    ]);
    expect(expectOk(await call('GET', `/regulations/${reg.id}/history/verify`, admin2))).toEqual({
      valid: true,
      entries: 6,
      brokenAt: null,
    });
    const closed = expectOk(await call('GET', `/consultations?status=closed`));
    expect(closed.items.filter((r: any) => r.regulationId === reg.id)).toHaveLength(2);
  }, 180_000);
});
