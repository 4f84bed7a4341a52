import { RelayService } from '../../src/integration/delivery/relay.service';
import { MailDeliveryService } from '../../src/mail/mail-delivery.service';
import { NotificationsWorker } from '../../src/notifications/triggers/notifications-worker';
import {
  createReportWorld,
  DAY_MS,
  ReportWorld,
  sweep,
  today,
} from '../reporting/reporting-support';
import { createRegulation, TestUser } from '../support/factories';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';

const TITLE = 'Chế độ báo cáo định kỳ về hoạt động kinh doanh xăng dầu';

/** The Government Office's side: a plan returned, a decision, its deadline, the reminder. */
describe('notifications of the Government Office steps (issue 17)', () => {
  let w: ReportWorld;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    w = await createReportWorld({
      env: {
        SMTP_URL: sink.url,
        MAIL_POLL_INTERVAL_MS: '3600000',
        WEBHOOK_POLL_INTERVAL_MS: '3600000',
      },
    });
  });
  afterAll(async () => {
    await w.t.close();
    await sink.close();
  });

  const flush = async () => {
    await w.t.app.get(RelayService).relayAll();
    await w.t.app.get(NotificationsWorker).processFeed();
    await w.t.app.get(MailDeliveryService).deliverAllDue();
  };
  const kinds = async (who: TestUser) => {
    const res = await w.t.http.get('/me/notifications').set('Authorization', who.auth);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ kind: string }>).map((n) => n.kind);
  };
  const tasks = async (who: TestUser) => {
    const res = await w.t.http.get('/me/tasks').set('Authorization', who.auth);
    expect(res.status).toBe(200);
    return res.body.items as Array<{ kind: string; regulationId: string; events?: string[] }>;
  };
  const mailsTo = (u: TestUser, subject: string) =>
    sink.mails.filter((m) => JSON.stringify(m.to).includes(u.email) && m.subject === subject);

  it('a returned plan reaches the ministry; the Office sees plans to review in its tasks', async () => {
    const id = (
      await createRegulation(w.t, w.a.agency.id, {
        state: 'government_office_review',
        title: TITLE,
      })
    ).id;
    expect(await tasks(w.gov)).toContainEqual(
      expect.objectContaining({
        kind: 'review_plan',
        regulationId: id,
        events: expect.arrayContaining(['RETURN_FOR_REVISION', 'FORWARD_FOR_DECISION']),
      }),
    );
    const res = await w.t.http
      .post(`/regulations/${id}/events`)
      .set('Authorization', w.gov.auth)
      .send({ type: 'RETURN_FOR_REVISION', reasons: ['Chưa tính chi phí cho hộ kinh doanh'] });
    expect(res.status).toBe(200);
    await flush();
    const subject = `Văn phòng Chính phủ trả lại phương án: ${TITLE}`;
    const mail = await sink.waitFor(
      (m) => JSON.stringify(m.to).includes(w.a.lead.email) && m.subject === subject,
    );
    expect(mail.text).toContain('Chưa tính chi phí cho hộ kinh doanh');
    expect(mailsTo(w.a.officer, subject)).toHaveLength(1);
    expect(await kinds(w.b.officer)).toEqual([]); // another ministry hears nothing
    // The ministry may now revise: it is in its tasks.
    expect(await tasks(w.a.officer)).toContainEqual(
      expect.objectContaining({ kind: 'send_event', regulationId: id }),
    );
  });

  it('a decision, seven days before its deadline, the reminder and the overdue each notify the ministry once', async () => {
    const id = (await createRegulation(w.t, w.a.agency.id, { state: 'awaiting_decision' })).id;
    const decided = await w.t.http
      .post('/decisions')
      .set('Authorization', w.gov.auth)
      .send({
        decisionNumber: '88/QĐ-TTg',
        decisionDate: today(w),
        outcome: 'approved',
        implementationDeadline: new Date(w.clock.now().getTime() + 10 * DAY_MS).toISOString(),
        regulationIds: [id],
      });
    expect(decided.status).toBe(201);
    await flush();
    expect(await kinds(w.a.officer)).toContain('decision_recorded');
    expect(await tasks(w.a.officer)).toContainEqual(
      expect.objectContaining({ kind: 'implementation_due', regulationId: id }),
    );

    const worker = w.t.app.get(NotificationsWorker);
    expect(await worker.sweep()).toBe(0); // ten days left: not yet
    w.clock.advance(4 * DAY_MS);
    expect(await worker.sweep()).toBe(2); // officer and lead
    expect(await worker.sweep()).toBe(0);

    const reminded = await w.t.http
      .post(`/regulations/${id}/reminders`)
      .set('Authorization', w.gov.auth)
      .send({ note: 'Đề nghị Bộ báo cáo tiến độ.' });
    expect(reminded.status).toBe(201);
    await flush();
    const reminder = await sink.waitFor(
      (m) =>
        JSON.stringify(m.to).includes(w.a.officer.email) &&
        !!m.subject?.startsWith('Văn phòng Chính phủ đôn đốc'),
    );
    expect(reminder.text).toContain('Đề nghị Bộ báo cáo tiến độ.');

    w.clock.advance(7 * DAY_MS);
    await sweep(w); // the workflow's deadline timer: implementing.overdue
    await flush();
    const officer = await kinds(w.a.officer);
    for (const k of [
      'decision_recorded',
      'implementation_due_soon',
      'implementation_reminder',
      'implementation_overdue',
    ]) {
      expect(officer.filter((x) => x === k)).toHaveLength(1);
    }
    expect(await tasks(w.gov)).toContainEqual(
      expect.objectContaining({ kind: 'implementation_overdue', regulationId: id }),
    );
  });
});
