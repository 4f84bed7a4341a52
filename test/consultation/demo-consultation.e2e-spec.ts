import { FixedClock } from '../../src/common/clock';
import { WorkerLifecycle } from '../../src/jobs/worker-lifecycle';
import { createTestApp, TestApp } from '../support/test-app';
import { DAY_MS } from '../support/world-clock';

const PASSWORD = 'regcut-demo-2026';

/**
 * Issue 16: "the demo data must let a newcomer walk a whole consultation". With DEMO_DATA, demo
 * regulations are already in consultation with deadlines a few days away; this walks one as the
 * demo users would, through the API: feedback from both experts and an association, the early
 * close of the expert round, the association round closing by itself, answers, submission.
 */
describe('the demo data: a consultation a newcomer can walk', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-12-03T02:00:00.000Z'));
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { DEMO_DATA: 'true' } });
  }, 120_000);
  afterAll(() => t.close());

  async function as(email: string): Promise<string> {
    if (!tokens.has(email)) {
      const res = await t.http.post('/auth/login').send({ email, password: PASSWORD });
      expect(res.status).toBe(200);
      tokens.set(email, `Bearer ${res.body.accessToken}`);
    }
    return tokens.get(email)!;
  }
  const sweep = async () => {
    const lifecycle = t.app.get(WorkerLifecycle);
    await lifecycle.sweep();
    await lifecycle.sweep();
  };

  it('opens demo consultations closing within days, listed for the public', async () => {
    const open = await t.http.get('/consultations?status=open&limit=500');
    expect(open.status).toBe(200);
    const titles = new Set(open.body.items.map((r: any) => r.regulation.title));
    expect(titles).toEqual(
      new Set([
        'Đăng ký bản công bố sản phẩm thực phẩm bảo vệ sức khỏe',
        'Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài',
      ]),
    );
    for (const round of open.body.items) {
      expect(Date.parse(round.closesAt) - clock.now().getTime()).toBeLessThanOrEqual(5 * DAY_MS);
      expect(round.plan).toMatchObject({ action: 'simplify', programme: 'DEMO' });
    }
  });

  it('walks one to the Government Office', async () => {
    const open = (await t.http.get('/consultations?status=open&limit=500')).body.items.filter(
      (r: any) => r.regulation.title === 'Đăng ký bản công bố sản phẩm thực phẩm bảo vệ sức khỏe',
    );
    const expertRound = open.find((r: any) => r.round === 'expert');
    const associationRound = open.find((r: any) => r.round === 'association');
    const regulationId = expertRound.regulationId;
    const feedback = async (email: string, roundId: string, content: string) => {
      const res = await t.http
        .post(`/consultations/${roundId}/feedback`)
        .set('Authorization', await as(email))
        .send({ content });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const items = [
      await feedback('expert@demo.regcut.vn', expertRound.id, 'Đồng ý bỏ bản sao chứng thực.'),
      await feedback(
        'expert2@demo.regcut.vn',
        expertRound.id,
        'Cần quy định rõ thời hạn trả kết quả.',
      ),
      await feedback(
        'association.vcci@demo.regcut.vn',
        associationRound.id,
        'Doanh nghiệp hội viên đề nghị nộp hồ sơ trực tuyến toàn trình.',
      ),
    ];
    const officer = await as('officer.byt@demo.regcut.vn');
    const event = (auth: string, body: object) =>
      t.http.post(`/regulations/${regulationId}/events`).set('Authorization', auth).send(body);
    expect((await event(officer, { type: 'CLOSE_EXPERT_ROUND' })).status).toBe(200);

    // The association round closes by itself at its deadline, three days on.
    clock.advance(3 * DAY_MS + 60_000);
    tokens.clear();
    await sweep();
    const reg = await t.http
      .get(`/regulations/${regulationId}`)
      .set('Authorization', await as('officer.byt@demo.regcut.vn'));
    expect(reg.body.stateName).toBe('responding');

    for (const id of items) {
      const answer = await t.http
        .post(`/feedback/${id}/response`)
        .set('Authorization', await as('officer.byt@demo.regcut.vn'))
        .send({ disposition: 'accepted', explanation: 'Tiếp thu, đã chỉnh sửa phương án.' });
      expect(answer.status).toBe(200);
    }
    const submitted = await event(await as('lead.byt@demo.regcut.vn'), {
      type: 'SUBMIT_TO_GOVERNMENT_OFFICE',
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.stateName).toBe('government_office_review');
  });
});
