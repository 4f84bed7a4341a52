import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, ChildService, startChild } from '../support/child-service';
import { waitFor } from '../support/wait-for';
import { WORKED_BASELINE, WORKED_PROPOSED } from './costing-helpers';

/**
 * The worked example of domain.md §4 on the embedded default (PGlite, in-process jobs), through
 * the whole API as a ministry would use it: register, workflow, estimates, plan, recalculation.
 */
describe('compliance costs on the embedded default', () => {
  let dataDir: string;
  let service: ChildService | undefined;

  beforeAll(() => {
    buildOnce();
    dataDir = mkdtempSync(join(tmpdir(), 'regcut-costing-'));
  }, 180_000);
  afterAll(async () => {
    await service?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reproduces the worked example and recalculates after a parameter edit', async () => {
    service = await startChild({
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      ADMIN_EMAIL: 'root@regcut.local',
      ADMIN_PASSWORD: 'first-start-password',
    });
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${service!.url}${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const login = async (email: string, password: string) =>
      (await call('POST', '/auth/login', undefined, { email, password })).body
        .accessToken as string;
    const expectOk = (res: { status: number; body: unknown }, status = 200) => {
      if (res.status !== status) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as any;
    };

    const admin = await login('root@regcut.local', 'first-start-password');
    const agency = expectOk(
      await call('POST', '/agencies', admin, { code: 'BYT', name: 'Bộ Y tế', kind: 'ministry' }),
      201,
    );
    for (const [email, role] of [
      ['officer@byt.example.vn', 'ministry_officer'],
      ['lead@byt.example.vn', 'ministry_lead'],
    ]) {
      expectOk(
        await call('POST', '/users', admin, {
          email,
          password: 'officer-password-1',
          fullName: 'Nguyễn Thị Lan',
          role,
          agencyId: agency.id,
        }),
        201,
      );
    }
    const officer = await login('officer@byt.example.vn', 'officer-password-1');
    const lead = await login('lead@byt.example.vn', 'officer-password-1');

    const set = expectOk(
      await call('POST', '/cost-parameter-sets', admin, {
        year: 2020,
        annualIncomePerCapita: 64500000,
      }),
      201,
    );
    expect(set.hourlyRate).toBe('30539.77');

    const doc = expectOk(
      await call('POST', '/legal-documents', officer, {
        number: '15/2018/NĐ-CP',
        type: 'decree',
        issuer: 'Chính phủ',
        title: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
        issuedOn: '2018-02-02',
        effectiveOn: '2018-02-02',
      }),
      201,
    );
    const reg = expectOk(
      await call('POST', '/regulations', officer, {
        legalDocumentId: doc.id,
        provision: 'Điều 4 khoản 1',
        title: 'Thủ tục tự công bố sản phẩm',
        category: 'administrative_procedure',
        sector: 'food_safety',
        agencyId: agency.id,
      }),
      201,
    );

    // Stocktaking: the baseline is entered while the regulation is still a draft.
    const baseline = expectOk(
      await call('PUT', `/regulations/${reg.id}/cost-estimates/baseline`, officer, {
        parameterSetId: set.id,
        ...WORKED_BASELINE,
      }),
    );
    expect(baseline).toMatchObject({ unitCost: '1935937.50', annualCost: '23231250000' });

    for (const event of [
      { type: 'SUBMIT_FOR_REVIEW' },
      { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false, notes: 'x' },
      { type: 'CONFIRM_BASELINE' },
    ]) {
      expectOk(await call('POST', `/regulations/${reg.id}/events`, lead, event));
    }
    expectOk(
      await call('PUT', `/regulations/${reg.id}/plan`, officer, {
        action: 'simplify',
        description: 'Tiếp nhận hồ sơ trực tuyến',
        programme: 'NQ68',
      }),
    );
    const proposed = expectOk(
      await call('PUT', `/regulations/${reg.id}/cost-estimates/proposed`, officer, {
        parameterSetId: set.id,
        ...WORKED_PROPOSED,
      }),
    );
    expect(proposed).toMatchObject({ unitCost: '322159.09', annualCost: '3865909091' });
    const overview = expectOk(await call('GET', `/regulations/${reg.id}/cost-estimates`, officer));
    expect(overview).toMatchObject({
      baselineCost: '23231250000',
      proposedCost: '3865909091',
      savings: '19365340909',
      reductionPct: 83.36,
    });
    const detail = expectOk(await call('GET', `/regulations/${reg.id}`, officer));
    expect(detail).toMatchObject({ stateName: 'drafting_plan', savings: '19365340909' });

    const patch = expectOk(
      await call('PATCH', `/cost-parameter-sets/${set.id}`, admin, {
        annualIncomePerCapita: 70000000,
      }),
    );
    let job: any;
    await waitFor(
      async () => {
        job = expectOk(await call('GET', `/jobs/${patch.recalculationJobId}`, admin));
        return job.status === 'succeeded' || job.status === 'failed';
      },
      30_000,
      100,
    );
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 } });
    const history = expectOk(
      await call('GET', `/regulations/${reg.id}/cost-estimates/history?kind=baseline`, officer),
    );
    expect(history.items.map((i: { source: string }) => i.source)).toEqual([
      'manual',
      'recalculation',
    ]);
    expect(history.items[1]).toMatchObject({ annualCost: '23575000000', hourlyRate: '33143.94' });
  }, 120_000);
});
