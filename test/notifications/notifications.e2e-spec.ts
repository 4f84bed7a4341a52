import { ParsedMail } from 'mailparser';
import { RelayService } from '../../src/integration/delivery/relay.service';
import { MailDeliveryService } from '../../src/mail/mail-delivery.service';
import { NotificationsWorker } from '../../src/notifications/triggers/notifications-worker';
import {
  closeRoundsByDeadline,
  Consultation,
  createWorld,
  DAY_MS,
  expectStatus,
  giveFeedback,
  openConsultation,
  planReady,
  respond,
  World,
} from '../consultation/consultation-support';
import { TestUser } from '../support/factories';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';

const TITLE = 'Thủ tục cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm';
const PUBLIC_URL = 'https://regcut.test';

describe('notifications and e-mail (issue 17)', () => {
  let w: World;
  let sink: SmtpSink;
  let c: Consultation;
  let feedbackId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // No background polling: each test drives the feed, the notifications and the mail itself.
    w = await createWorld({
      env: {
        SMTP_URL: sink.url,
        PUBLIC_URL,
        MAIL_POLL_INTERVAL_MS: '3600000',
        WEBHOOK_POLL_INTERVAL_MS: '3600000',
      },
    });
  });
  afterAll(async () => {
    await w.t.close();
    await sink.close();
  });

  /** Sequence the outboxes into the feed, notify, deliver the mails. */
  const flush = async () => {
    await w.t.app.get(RelayService).relayAll();
    await w.t.app.get(NotificationsWorker).processFeed();
    await w.t.app.get(MailDeliveryService).deliverAllDue();
  };
  const mailsTo = (u: TestUser, subject?: string) =>
    sink.mails.filter(
      (m: ParsedMail) =>
        JSON.stringify(m.to ?? '').includes(u.email) &&
        (subject === undefined || (m.subject ?? '').includes(subject)),
    );
  const get = async (who: TestUser, path: string) =>
    expectStatus(await w.t.http.get(path).set('Authorization', who.auth), 200);
  const inbox = async (who: TestUser, query = '') =>
    (await get(who, `/me/notifications${query}`)).items as Array<{
      id: string;
      kind: string;
      title: string;
      link: string;
      read: boolean;
    }>;

  it('an invited expert receives the e-mail and finds the round in their tasks and inbox', async () => {
    // The association follows the sector of the regulation (food_safety); association2 does not.
    expectStatus(
      await w.t.http
        .put('/me/notification-preferences')
        .set('Authorization', w.association.auth)
        .send({ sectors: ['food_safety'] }),
      200,
    );
    c = await openConsultation(w, await planReady(w, TITLE));
    await flush();

    const mail = await sink.waitFor(
      (m) => JSON.stringify(m.to).includes(w.expert.email) && !!m.subject?.includes(TITLE),
    );
    expect(mail.subject).toBe(`Thư mời góp ý: ${TITLE}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/gop-y/dot/${c.expertRound}`);
    expect(mail.text).toContain('Kính gửi');
    expect(mailsTo(w.expert2, TITLE)).toHaveLength(1);
    expect(mailsTo(w.outsider)).toHaveLength(0);

    const tasks = (await get(w.expert, '/me/tasks')).items;
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'give_feedback',
        regulationId: c.regulationId,
        roundId: c.expertRound,
        title: TITLE,
        link: `/gop-y/dot/${c.expertRound}`,
        dueAt: expect.any(String),
      }),
    ]);
    const items = await inbox(w.expert);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'expert_invited',
        title: `Thư mời góp ý: ${TITLE}`,
        link: `/gop-y/dot/${c.expertRound}`,
        read: false,
      }),
    ]);
    expect(await inbox(w.outsider)).toEqual([]);

    // The association round was announced to the sector's follower only.
    expect(mailsTo(w.association, TITLE)).toHaveLength(1);
    expect((await inbox(w.association)).map((n) => n.kind)).toEqual(['round_opened']);
    expect(await inbox(w.association2)).toEqual([]);
    expect((await get(w.association, '/me/tasks')).items).toEqual([
      expect.objectContaining({ kind: 'give_feedback', roundId: c.associationRound }),
    ]);

    // Reading the feed again changes nothing (the cursor moved with the notifications).
    await flush();
    expect(mailsTo(w.expert, TITLE)).toHaveLength(1);
  });

  it('counts unread, marks read one or all; another user can neither read nor mark mine', async () => {
    const [mine] = await inbox(w.expert);
    expect(await get(w.expert, '/me/notifications/unread-count')).toEqual({ unread: 1 });

    const other = await w.t.http
      .post(`/me/notifications/${mine.id}/read`)
      .set('Authorization', w.expert2.auth);
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect((await inbox(w.expert2)).map((n) => n.id)).not.toContain(mine.id);
    expect(await get(w.expert, '/me/notifications/unread-count')).toEqual({ unread: 1 });

    const read = expectStatus(
      await w.t.http.post(`/me/notifications/${mine.id}/read`).set('Authorization', w.expert.auth),
      200,
    );
    expect(read).toMatchObject({ id: mine.id, read: true, readAt: expect.any(String) });
    expect(await get(w.expert, '/me/notifications/unread-count')).toEqual({ unread: 0 });
    expect(await inbox(w.expert, '?unread=true')).toEqual([]);
    expect(await inbox(w.expert)).toHaveLength(1);

    expect(await get(w.expert2, '/me/notifications/unread-count')).toEqual({ unread: 1 });
    expect(
      expectStatus(
        await w.t.http.post('/me/notifications/read-all').set('Authorization', w.expert2.auth),
        200,
      ),
    ).toEqual({ marked: 1 });
    expect(await get(w.expert2, '/me/notifications/unread-count')).toEqual({ unread: 0 });

    const bad = await w.t.http
      .get('/me/notifications?unread=maybe')
      .set('Authorization', w.expert.auth);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('unread');
  });

  it('turning e-mail off for a kind stops the mail but keeps the in-app item', async () => {
    const prefs = expectStatus(
      await w.t.http
        .put('/me/notification-preferences')
        .set('Authorization', w.lead.auth)
        .send({ kinds: [{ kind: 'feedback_received', email: false, inApp: true }] }),
      200,
    );
    expect(prefs.kinds).toContainEqual({ kind: 'feedback_received', email: false, inApp: true });
    expect(prefs.kinds).toContainEqual({ kind: 'expert_invited', email: true, inApp: true });
    const unknown = await w.t.http
      .put('/me/notification-preferences')
      .set('Authorization', w.lead.auth)
      .send({ kinds: [{ kind: 'gossip', email: false, inApp: true }] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('kind');

    feedbackId = expectStatus(
      await giveFeedback(w, w.expert, c.expertRound, {
        content: 'Đề nghị bỏ yêu cầu nộp bản sao chứng thực.',
        target: { kind: 'plan' },
      }),
      201,
    ).id;
    await flush();
    const subject = `Ý kiến góp ý mới: ${TITLE}`;
    await sink.waitFor(
      (m) => JSON.stringify(m.to).includes(w.officer.email) && m.subject === subject,
    );
    expect(mailsTo(w.lead, subject)).toHaveLength(0);
    expect((await inbox(w.lead)).map((n) => n.kind)).toContain('feedback_received');
    expect((await inbox(w.officer)).find((n) => n.kind === 'feedback_received')?.link).toBe(
      `/bo-nganh/quy-dinh/${c.regulationId}?tab=consultation`,
    );
    // The expert who answered has nothing left to do; expert2 still has.
    expect((await get(w.expert, '/me/tasks')).items).toEqual([]);
    expect((await get(w.expert2, '/me/tasks')).items).toHaveLength(1);
    // The ministry sees the item to answer in its tasks.
    expect((await get(w.officer, '/me/tasks')).items).toContainEqual(
      expect.objectContaining({ kind: 'answer_feedback', regulationId: c.regulationId, count: 1 }),
    );
  });

  it('three days before the expert round closes, the sweep reminds the silent expert once (run twice)', async () => {
    w.clock.advance(29 * DAY_MS); // the round closes 31 days after opening
    const worker = w.t.app.get(NotificationsWorker);
    expect(await worker.sweep()).toBeGreaterThanOrEqual(1);
    expect(await worker.sweep()).toBe(0);
    await flush(); // the consultation's own "closing soon" event lands on the same dedupe key
    await w.t.app.get(MailDeliveryService).deliverAllDue();
    const subject = `Sắp hết hạn góp ý: ${TITLE}`;
    await sink.waitFor(
      (m) => JSON.stringify(m.to).includes(w.expert2.email) && m.subject === subject,
    );
    expect(mailsTo(w.expert2, subject)).toHaveLength(1);
    expect(mailsTo(w.expert, subject)).toHaveLength(0); // already gave feedback
    const [{ n }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'round_closing_soon'`,
      [w.expert2.id],
    );
    expect(n).toBe(1);
  });

  it('a closed round goes to the ministry; the answer goes to the author by e-mail', async () => {
    await closeRoundsByDeadline(w, 10);
    await flush();
    expect((await inbox(w.officer)).map((n) => n.kind)).toContain('round_closed');

    expectStatus(
      await respond(w, w.officer, feedbackId, {
        disposition: 'accepted',
        explanation: 'Tiếp thu: bỏ yêu cầu bản sao chứng thực.',
      }),
      200,
    );
    await flush();
    const subject = `Cơ quan chủ trì đã trả lời góp ý: ${TITLE}`;
    const mail = await sink.waitFor(
      (m) => JSON.stringify(m.to).includes(w.expert.email) && m.subject === subject,
    );
    expect(mail.text).toContain('tiếp thu');
    expect(mail.text).toContain(`${PUBLIC_URL}/gop-y/cua-toi`);
  });

  it('is for users only: no credentials is a 401', async () => {
    expect((await w.t.http.get('/me/notifications')).status).toBe(401);
    expect((await w.t.http.get('/me/tasks')).status).toBe(401);
  });
});
