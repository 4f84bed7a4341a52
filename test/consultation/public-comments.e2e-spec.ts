import type { ParsedMail } from 'mailparser';
import { RelayService } from '../../src/integration/delivery/relay.service';
import { MailDeliveryService } from '../../src/mail/mail-delivery.service';
import { NotificationsWorker } from '../../src/notifications/triggers/notifications-worker';
import { createUser, TestUser } from '../support/factories';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';
import { samples } from './sample-files';
import {
  closeRoundsByDeadline,
  Consultation,
  createWorld,
  expectStatus,
  giveFeedback,
  openConsultation,
  planReady,
  respond,
  send,
  stateName,
  World,
} from './consultation-support';

const PASSWORD = 'Gop-y-cong-khai-2026!';
const HOUR_MS = 3_600_000;

const mailTo = (email: string) => (m: ParsedMail) =>
  JSON.stringify(m.to ?? '')
    .toLowerCase()
    .includes(email.toLowerCase());
const tokenIn = (m: ParsedMail) => /gop-y\/xac-minh\?token=([A-Za-z0-9_-]+)/.exec(m.text ?? '')![1];

/**
 * Góp ý công khai (issue 17) end to end on Postgres with a real SMTP server on loopback: sign-up,
 * the e-mailed one-time link, verification, a comment with an attachment in the association
 * round, the ministry's view, the 422 before answering, limits, moderation and the 403s.
 */
describe('public comments', () => {
  let sink: SmtpSink;
  let w: World;
  let c: Consultation;
  /** The business (an e-mail-verified public commenter) and its comment. */
  let business: { email: string; id: string; auth: string };
  let commentId: string;
  let spammer: { email: string; id: string; auth: string };
  const spamIds: string[] = [];
  let associationItemId: string;

  const http = () => w.t.http;
  const signUp = (body: object) => http().post('/public/accounts').send(body);
  async function verifiedAccount(email: string, extra: object = {}) {
    expectStatus(await signUp({ email, displayName: 'Công ty TNHH Ánh Dương', ...extra }), 202);
    const mail = await sink.waitFor(mailTo(email));
    const res = expectStatus(
      await http()
        .post('/public/accounts/verify')
        .send({ token: tokenIn(mail), password: PASSWORD }),
      200,
    );
    return { email, id: res.user.id as string, auth: `Bearer ${res.accessToken}`, res };
  }
  async function login(email: string) {
    const res = expectStatus(
      await http().post('/auth/login').send({ email, password: PASSWORD }),
      200,
    );
    return `Bearer ${res.accessToken}`;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    w = await createWorld({
      env: {
        SMTP_URL: sink.url,
        MAIL_POLL_INTERVAL_MS: '100',
        PUBLIC_URL: 'https://regcut.test',
        PUBLIC_SIGNUPS_PER_ADDRESS_PER_HOUR: '3',
        PUBLIC_COMMENTS_PER_ACCOUNT_PER_DAY: '2',
      },
    });
    c = await openConsultation(w, await planReady(w, 'Thủ tục cấp giấy phép kinh doanh vận tải'));
  });
  afterAll(async () => {
    await w.t.close();
    await sink.close();
  });

  it('signs up with an e-mailed one-time link; verifying sets the password and logs in as public', async () => {
    const bad = await signUp({ email: 'x@congty.vn', displayName: 'Xuân', taxCode: '0300588568' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'taxCode' })]),
    );

    const email = `phap.che.${Date.now()}@anhduong.vn`;
    const res = await signUp({
      email,
      displayName: 'Nguyễn Thị Bình',
      organisation: 'Công ty TNHH Ánh Dương',
      taxCode: '0101248141-001',
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'verification_sent', expiresInHours: 24 });
    const mail = await sink.waitFor(mailTo(email));
    expect(mail.subject).toBe('Xác minh địa chỉ e-mail để góp ý công khai');
    expect(mail.text).toContain('https://regcut.test/gop-y/xac-minh?token=');
    const token = tokenIn(mail);
    // Only a digest is kept.
    const stored = await w.t.dataSource.query(`SELECT token_hash FROM public_account_token`);
    expect(JSON.stringify(stored)).not.toContain(token);

    // Not usable before verification.
    const early = await http().post('/auth/login').send({ email, password: PASSWORD });
    expect(early.status).toBe(401);
    const wrong = await http()
      .post('/public/accounts/verify')
      .send({ token: 'x'.repeat(43), password: PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('token');

    const ok = expectStatus(
      await http().post('/public/accounts/verify').send({ token, password: PASSWORD }),
      200,
    );
    expect(ok.user).toMatchObject({ email, role: 'public', fullName: 'Nguyễn Thị Bình' });
    expect(ok.profile).toMatchObject({
      taxCode: '0101248141-001',
      taxCodeVerified: false,
      organisation: 'Công ty TNHH Ánh Dương',
    });
    // Single use.
    const again = await http().post('/public/accounts/verify').send({ token, password: PASSWORD });
    expect(again.status).toBe(400);
    // The same login as everyone else.
    const me = expectStatus(
      await http()
        .get('/me')
        .set('Authorization', await login(email)),
      200,
    );
    expect(me).toMatchObject({ email, role: 'public' });
    business = { email, id: ok.user.id, auth: `Bearer ${ok.accessToken}` };
  });

  it('refuses an expired link, and a repeated sign-up of a verified address sends nothing', async () => {
    const email = `het.han.${Date.now()}@example.vn`;
    expectStatus(await signUp({ email, displayName: 'Trần Văn Hạn' }), 202);
    const token = tokenIn(await sink.waitFor(mailTo(email)));
    w.clock.advance(25 * HOUR_MS);
    const late = await http().post('/public/accounts/verify').send({ token, password: PASSWORD });
    expect(late.status).toBe(400);
    expect(late.body.errors[0]).toMatchObject({ field: 'token', message: /hết hạn/ });
    // The business's token has expired too by now: it logs in again.
    business.auth = await login(business.email);

    const before = sink.mails.filter(mailTo(business.email)).length;
    expectStatus(await signUp({ email: business.email, displayName: 'Ai đó' }), 202);
    await new Promise((r) => setTimeout(r, 400)); // the poller runs every 100 ms
    expect(sink.mails.filter(mailTo(business.email)).length).toBe(before);
  });

  it('comments in the open association round with evidence and an attachment, marked public', async () => {
    const expertRound = await giveFeedback(w, { auth: business.auth } as TestUser, c.expertRound, {
      content: 'Góp ý vào vòng chuyên gia',
    });
    expect(expertRound.status).toBe(403);

    const res = await giveFeedback(w, { auth: business.auth } as TestUser, c.associationRound, {
      content: 'Doanh nghiệp chúng tôi mất 12 giờ chuẩn bị hồ sơ, không phải 8 giờ.',
      target: { kind: 'cost_field', estimate: 'baseline', field: 'activities[0].hours' },
      evidence: { subjects: 40, hours: 12, note: 'Đo tại 3 chi nhánh, tháng 2/2026' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      origin: 'public',
      round: 'association',
      author: {
        id: business.id,
        role: 'public',
        name: 'Nguyễn Thị Bình',
        public: {
          organisation: 'Công ty TNHH Ánh Dương',
          taxCode: '0101248141-001',
          taxCodeVerified: false,
        },
      },
      hidden: null,
    });
    commentId = res.body.id;
    const upload = await http()
      .post(`/feedback/${commentId}/attachments`)
      .set('Authorization', business.auth)
      .attach('file', samples.pdf(), { filename: 'khao-sat.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);

    const mine = expectStatus(
      await http().get('/feedback?mine=true').set('Authorization', business.auth),
      200,
    );
    expect(mine.items.map((i: any) => i.id)).toEqual([commentId]);

    const assoc = expectStatus(
      await giveFeedback(w, w.association, c.associationRound, { content: 'Ý kiến của VCCI.' }),
      201,
    );
    expect(assoc.origin).toBe('association');
    associationItemId = assoc.id;
  });

  it('shows the ministry the comment marked public, in its lists and the report', async () => {
    const list = expectStatus(
      await http()
        .get(`/regulations/${c.regulationId}/feedback?origin=public`)
        .set('Authorization', w.officer.auth),
      200,
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: commentId, origin: 'public' });
    expect(list.items[0].attachments).toHaveLength(1);
    const report = expectStatus(
      await http()
        .get(`/consultations/${c.associationRound}/report`)
        .set('Authorization', w.gov.auth),
      200,
    );
    expect(report.summary).toMatchObject({ items: 2, publicComments: 1, unanswered: 2 });
    // Not public before the submission.
    const anonymous = expectStatus(
      await http().get(`/regulations/${c.regulationId}/feedback`),
      200,
    );
    expect(anonymous.items).toEqual([]);
  });

  it('a public user reaches no ministry, admin or staff route (403)', async () => {
    const h = { Authorization: business.auth };
    const refused = [
      http().post('/regulations').set(h).send({}),
      http().put(`/regulations/${c.regulationId}/plan`).set(h).send({}),
      http().post(`/regulations/${c.regulationId}/events`).set(h).send({ type: 'REVISE_PLAN' }),
      http().post(`/feedback/${commentId}/response`).set(h).send({}),
      http().post(`/feedback/${commentId}/hide`).set(h).send({ reason: 'x' }),
      http().get(`/consultations/${c.associationRound}/report`).set(h),
      http().get('/agencies').set(h),
      http().get('/users').set(h),
      http().get('/programmes').set(h),
      http().get(`/regulations/${c.regulationId}/history`).set(h),
    ];
    const answers = await Promise.all(refused);
    expect(answers.map((r) => r.status)).toEqual(refused.map(() => 403));
    for (const res of answers) {
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('limits comments per account per day and sign-ups per address per hour (429 problem+json)', async () => {
    spammer = await verifiedAccount(`quang.cao.${Date.now()}@spam.vn`);
    for (const n of [1, 2]) {
      const res = await giveFeedback(w, { auth: spammer.auth } as TestUser, c.associationRound, {
        content: `Mua ngay sản phẩm số ${n}!`,
      });
      expect(res.status).toBe(201);
      spamIds.push(res.body.id);
    }
    const third = await giveFeedback(w, { auth: spammer.auth } as TestUser, c.associationRound, {
      content: 'Mua ngay sản phẩm số 3!',
    });
    expect(third.status).toBe(429);
    expect(third.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(third.body.detail).toMatch(/trong ngày/);

    // This hour: the repeated sign-up, the spammer's, this one (3); the fourth is refused.
    expectStatus(await signUp({ email: `a.${Date.now()}@x.vn`, displayName: 'A B' }), 202);
    const over = await signUp({ email: `b.${Date.now()}@x.vn`, displayName: 'B C' });
    expect(over.status).toBe(429);
    expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);

    // Size limit as for associations.
    const long = await giveFeedback(w, { auth: business.auth } as TestUser, c.associationRound, {
      content: 'x'.repeat(10_001),
    });
    expect(long.status).toBe(400);
  });

  it('moderation hides a public comment with a recorded reason; only public comments', async () => {
    const reason = 'Quảng cáo, không liên quan đến quy định.';
    const bySomeone = await http()
      .post(`/feedback/${spamIds[0]}/hide`)
      .set('Authorization', w.otherOfficer.auth)
      .send({ reason });
    // Another ministry does not even see the unpublished item.
    expect(bySomeone.status).toBe(404);
    const noReason = await http()
      .post(`/feedback/${spamIds[0]}/hide`)
      .set('Authorization', w.gov.auth)
      .send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');

    const hidden = expectStatus(
      await http()
        .post(`/feedback/${spamIds[0]}/hide`)
        .set('Authorization', w.gov.auth)
        .send({ reason }),
      200,
    );
    expect(hidden.hidden).toMatchObject({ reason, hiddenById: w.gov.id });
    const twice = await http()
      .post(`/feedback/${spamIds[0]}/hide`)
      .set('Authorization', w.gov.auth)
      .send({ reason });
    expect(twice.status).toBe(409);
    // The owning agency may hide too.
    expectStatus(
      await http()
        .post(`/feedback/${spamIds[1]}/hide`)
        .set('Authorization', w.officer.auth)
        .send({ reason: 'Trùng lặp, quảng cáo.' }),
      200,
    );
    const association = await http()
      .post(`/feedback/${associationItemId}/hide`)
      .set('Authorization', w.gov.auth)
      .send({ reason });
    expect(association.status).toBe(403);

    const audit = await w.t.dataSource.query(
      `SELECT actor_id, action, changes FROM admin_audit_log WHERE entity_id = $1`,
      [spamIds[0]],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: w.gov.id,
        action: 'feedback.hide',
        changes: expect.objectContaining({ reason }),
      }),
    ]);
  });

  it('refuses the submission until the public comment is answered (hidden ones need no answer)', async () => {
    await closeRoundsByDeadline(w);
    expect(await stateName(w, c.regulationId)).toBe('responding');
    const early = await send(w, w.lead, c.regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
    expect(early.status).toBe(422);
    expect([...early.body.unansweredFeedbackIds].sort()).toEqual(
      [commentId, associationItemId].sort(),
    );
    expectStatus(
      await respond(w, w.officer, associationItemId, {
        disposition: 'rejected',
        explanation: 'Không có số liệu kèm theo.',
      }),
      200,
    );
    const stillOne = await send(w, w.lead, c.regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
    expect(stillOne.status).toBe(422);
    expect(stillOne.body.unansweredFeedbackIds).toEqual([commentId]);
    expectStatus(
      await respond(w, w.officer, commentId, {
        disposition: 'accepted',
        explanation: 'Tiếp thu: điều chỉnh thời gian chuẩn bị hồ sơ theo số liệu doanh nghiệp.',
        reEstimate: { value: 12 },
      }),
      200,
    );
    expectStatus(
      await send(w, w.lead, c.regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' }),
      200,
    );
  });

  it("done when: the business receives the ministry's answer by e-mail and in its inbox", async () => {
    // Sequence the outboxes into the feed, notify, deliver (the workers would, on their timers).
    await w.t.app.get(RelayService).relayAll();
    await w.t.app.get(NotificationsWorker).processFeed();
    await w.t.app.get(MailDeliveryService).deliverAllDue();
    const mail = await sink.waitFor(
      (m) => mailTo(business.email)(m) && !!m.subject?.includes('đã trả lời góp ý'),
    );
    expect(mail.subject).toContain('Thủ tục cấp giấy phép kinh doanh vận tải');
    expect(mail.text).toContain('https://regcut.test/gop-y/cua-toi');
    business.auth = await login(business.email);
    const inbox = expectStatus(
      await http().get('/me/notifications').set('Authorization', business.auth),
      200,
    );
    expect(inbox.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'feedback_answered' })]),
    );
  });

  it('publishes the answer; hidden comments leave the public view and stay with the Government Office', async () => {
    const anonymous = expectStatus(
      await http().get(`/regulations/${c.regulationId}/feedback`),
      200,
    );
    expect(anonymous.items.map((i: any) => i.id).sort()).toEqual(
      [commentId, associationItemId].sort(),
    );
    const published = anonymous.items.find((i: any) => i.id === commentId);
    expect(published).toMatchObject({ origin: 'public', answer: { disposition: 'accepted' } });
    expect((await http().get(`/feedback/${spamIds[0]}`)).status).toBe(404);
    const otherPublic = await login(business.email);
    expect(
      (await http().get(`/feedback/${spamIds[0]}`).set('Authorization', otherPublic)).status,
    ).toBe(404);

    const gov = expectStatus(
      await http().get(`/feedback/${spamIds[0]}`).set('Authorization', w.gov.auth),
      200,
    );
    expect(gov.hidden).toMatchObject({ reason: 'Quảng cáo, không liên quan đến quy định.' });
    const govList = expectStatus(
      await http().get(`/regulations/${c.regulationId}/feedback`).set('Authorization', w.gov.auth),
      200,
    );
    expect(govList.items).toHaveLength(4);
    // The author still sees their own, with the reason.
    const author = expectStatus(
      await http()
        .get(`/feedback/${spamIds[0]}`)
        .set('Authorization', await login(spammer.email)),
      200,
    );
    expect(author.hidden).not.toBeNull();
  });

  it('an admin cannot create public users by hand (they sign themselves up)', async () => {
    const admin = await createUser(w.t, 'admin');
    const res = await http()
      .post('/users')
      .set('Authorization', admin.auth)
      .send({
        email: `tay.${Date.now()}@x.vn`,
        password: PASSWORD,
        fullName: 'Người dùng tạo tay',
        role: 'public',
        agencyId: w.ministry.id,
      });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('role');
  });
});
