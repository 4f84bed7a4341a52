import { createRegulation } from '../support/factories';
import { createReportWorld, DAY_MS, ReportWorld, sweep, today } from './reporting-support';

/**
 * Issue 16, "while a regulation is implementing or overdue, the Government Office has no
 * action": a recorded reminder (đôn đốc) with a note that the owning ministry reads.
 */
describe('reminders of the Government Office (đôn đốc)', () => {
  let w: ReportWorld;
  let id: string;
  beforeAll(async () => {
    w = await createReportWorld();
    id = (await createRegulation(w.t, w.a.agency.id, { state: 'awaiting_decision' })).id;
    const decided = await w.t.http
      .post('/decisions')
      .set('Authorization', w.gov.auth)
      .send({
        decisionNumber: '77/QĐ-TTg',
        decisionDate: today(w),
        outcome: 'approved',
        implementationDeadline: new Date(w.clock.now().getTime() + 10 * DAY_MS).toISOString(),
        regulationIds: [id],
      });
    expect(decided.status).toBe(201);
  });
  afterAll(() => w.t.close());

  const remind = (who: { auth: string }, regulationId: string, body: object) =>
    w.t.http
      .post(`/regulations/${regulationId}/reminders`)
      .set('Authorization', who.auth)
      .send(body);
  const ofRegulation = (who: { auth: string }, regulationId = id) =>
    w.t.http.get(`/regulations/${regulationId}/reminders`).set('Authorization', who.auth);
  const inbox = (who: { auth: string }, query: Record<string, string> = {}) =>
    w.t.http.get('/reminders').query(query).set('Authorization', who.auth);

  it('records a reminder with a note, which the owning ministry reads', async () => {
    const sent = await remind(w.gov, id, { note: '  Đề nghị Bộ báo cáo tiến độ trước 15/3.  ' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      regulationId: id,
      agencyId: w.a.agency.id,
      note: 'Đề nghị Bộ báo cáo tiến độ trước 15/3.',
      overdue: false,
      implementationDeadline: expect.any(String),
      sentBy: { id: w.gov.id },
      sentAt: w.clock.now().toISOString(),
      regulation: { stateName: 'implementing' },
    });
    const list = await ofRegulation(w.a.officer);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([sent.body]);
    const mine = await inbox(w.a.officer);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([sent.body.id]);
    expect((await inbox(w.gov, { agencyId: w.a.agency.id })).body.items).toHaveLength(1);
  });

  it('marks a reminder sent once the implementation is overdue, newest first', async () => {
    w.clock.advance(11 * DAY_MS);
    await sweep(w);
    const sent = await remind(w.gov, id, { note: 'Đã quá hạn thực thi; đề nghị giải trình.' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ overdue: true });
    const mine = await inbox(w.a.lead);
    expect(mine.body.items.map((r: { overdue: boolean }) => r.overdue)).toEqual([true, false]);
    const page = await inbox(w.a.lead, { limit: '1' });
    const rest = await inbox(w.a.lead, { limit: '1', cursor: page.body.nextCursor });
    expect(rest.body.items[0].overdue).toBe(false);
  });

  it('is the Government Office’s to send, and internal to the ministry and the Office', async () => {
    for (const who of [w.a.officer, w.a.lead, w.admin, w.expert, w.association]) {
      expect((await remind(who, id, { note: 'x' })).status).toBe(403);
    }
    // Another ministry: the regulation's reminders do not exist for it, and its inbox is its own.
    expect((await ofRegulation(w.b.officer)).status).toBe(404);
    expect((await inbox(w.b.officer)).body.items).toEqual([]);
    expect((await inbox(w.b.officer, { agencyId: w.a.agency.id })).status).toBe(403);
    for (const who of [w.expert, w.association]) {
      expect((await ofRegulation(who)).status).toBe(403);
      expect((await inbox(who)).status).toBe(403);
    }
    expect((await w.t.http.get('/reminders')).status).toBe(401);
    expect((await ofRegulation(w.gov)).body.items).toHaveLength(2);
  });

  it('refuses bad input and regulations that are not being implemented', async () => {
    const blank = await remind(w.gov, id, { note: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].field).toBe('note');
    expect((await remind(w.gov, id, {})).body.errors[0].field).toBe('note');
    const waiting = (await createRegulation(w.t, w.a.agency.id, { state: 'awaiting_decision' })).id;
    const refused = await remind(w.gov, waiting, { note: 'sớm quá' });
    expect(refused.status).toBe(409);
    expect(refused.body.stateName).toBe('awaiting_decision');
    expect(
      (await remind(w.gov, '00000000-0000-4000-8000-000000000000', { note: 'x' })).status,
    ).toBe(404);
  });
});
