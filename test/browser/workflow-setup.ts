import type { BrowserEnv } from './harness';
import { DEMO_PASSWORD } from './harness';
import { programmeBody, recurringEstimate } from '../support/http-world';
import { waitFor } from '../support/wait-for';

/**
 * Data the browser tests of part B need, made through the API as a ministry would (the demo data
 * has no open consultation and nothing before the Government Office): a programme without a
 * minimum consultation period, so the rounds can close seconds after they open on the real clock.
 */
export interface Api {
  call(method: string, path: string, token?: string, body?: unknown): Promise<any>;
  login(email: string): Promise<string>;
}

export function apiOf(env: BrowserEnv): Api {
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${env.service.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload: any = res.headers.get('content-type')?.includes('json')
      ? await res.json()
      : null;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(payload)}`);
    return payload;
  };
  return {
    call,
    login: async (email) =>
      (await call('POST', '/auth/login', undefined, { email, password: DEMO_PASSWORD }))
        .accessToken as string,
  };
}

export interface Scenario {
  api: Api;
  officer: string;
  lead: string;
  agencyId: string;
  programme: string;
  parameterSetId: string;
}

/** A programme (minimum consultation 0 days) whose baseline holds 2019 decrees of the BCT. */
export async function scenario(env: BrowserEnv, programme = 'THU'): Promise<Scenario> {
  const api = apiOf(env);
  const admin = await api.login('admin@demo.regcut.vn');
  await api.call(
    'POST',
    '/programmes',
    admin,
    programmeBody(programme, 'Chương trình thử nghiệm cắt giảm quy định', 20),
  );
  const set = await api.call('POST', '/cost-parameter-sets', admin, {
    year: 2019,
    annualIncomePerCapita: 64500000,
  });
  const officer = await api.login('officer.bct@demo.regcut.vn');
  const lead = await api.login('lead.bct@demo.regcut.vn');
  const me = await api.call('GET', '/me', officer);
  return { api, officer, lead, agencyId: me.agencyId, programme, parameterSetId: set.id };
}

let documents = 0;

/**
 * A BCT regulation with a baseline and a proposed estimate and a plan, in consultation: the
 * rounds close `closesInMs` after they open. Returns its id.
 */
export async function regulationInConsultation(
  s: Scenario,
  title: string,
  closesInMs: number,
): Promise<string> {
  const { api, officer } = s;
  documents += 1;
  const doc = await api.call('POST', '/legal-documents', officer, {
    number: `${100 + documents}/2019/NĐ-CP`,
    type: 'decree',
    issuer: 'Chính phủ',
    title: `Nghị định quy định chi tiết về hoạt động thương mại số ${documents}`,
    issuedOn: '2019-06-01',
    effectiveOn: '2019-07-01',
  });
  const reg = await api.call('POST', '/regulations', officer, {
    legalDocumentId: doc.id,
    provision: 'Điều 5',
    title,
    description: 'Hồ sơ gồm đơn đề nghị, bản sao giấy chứng nhận đăng ký doanh nghiệp.',
    category: 'administrative_procedure',
    sector: 'trade',
    agencyId: s.agencyId,
  });
  const estimate = (activities: Array<{ name: string; hours: number }>, fees: number) =>
    recurringEstimate(s.parameterSetId, activities, fees, 2112);
  const put = (kind: string, body: unknown) =>
    api.call('PUT', `/regulations/${reg.id}/cost-estimates/${kind}`, officer, body);
  const event = (body: unknown) => api.call('POST', `/regulations/${reg.id}/events`, officer, body);
  await put(
    'baseline',
    estimate(
      [
        { name: 'Chuẩn bị hồ sơ', hours: 8 },
        { name: 'Nộp hồ sơ tại cơ quan', hours: 4 },
      ],
      500000,
    ),
  );
  await event({ type: 'SUBMIT_FOR_REVIEW' });
  await event({ type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false });
  await event({ type: 'CONFIRM_BASELINE' });
  await api.call('PUT', `/regulations/${reg.id}/plan`, officer, {
    action: 'simplify',
    description: 'Nộp hồ sơ trực tuyến, bỏ bản sao giấy chứng nhận',
    programme: s.programme,
  });
  await put('proposed', estimate([{ name: 'Nộp hồ sơ trực tuyến', hours: 1 }], 0));
  const experts = await api.call(
    'GET',
    '/users?role=expert',
    await api.login('admin@demo.regcut.vn'),
  );
  const closesAt = new Date(Date.now() + closesInMs).toISOString();
  await event({
    type: 'OPEN_CONSULTATION',
    expertDeadline: closesAt,
    associationDeadline: closesAt,
    expertIds: [experts.items[0].id],
  });
  return reg.id;
}

/** A regulation brought to government_office_review (rounds closed, submitted by the lead). */
export async function regulationInReview(s: Scenario, title: string): Promise<string> {
  const id = await regulationInConsultation(s, title, 3000);
  await waitFor(
    async () =>
      (await s.api.call('GET', `/regulations/${id}`, s.officer)).stateName === 'responding',
    30_000,
    250,
  );
  await s.api.call('POST', `/regulations/${id}/events`, s.lead, {
    type: 'SUBMIT_TO_GOVERNMENT_OFFICE',
  });
  return id;
}
