import { MailDeliveryService } from '../../src/mail/mail-delivery.service';
import { MailOutbox, OutgoingMail } from '../../src/mail/mail-outbox';
import { MailTransport } from '../../src/mail/mail-transport';
import { MailWorker } from '../../src/mail/mail-worker';
import { MailRepository } from '../../src/mail/persistence/mail.repository';
import { createUser } from '../support/factories';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';
import { createTestApp, FixedClock, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const SUBJECT = 'Thư mời góp ý: Quy định về điều kiện kinh doanh dịch vụ vận tải — đợt chuyên gia';
const TEXT = 'Kính gửi chuyên gia,\nBộ Giao thông vận tải kính mời Ông/Bà góp ý. Hạn: 10/01/2026.';

function mail(key: string, extra: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    key,
    to: 'chuyen.gia@test.regcut.vn',
    subject: SUBJECT,
    text: TEXT,
    kind: 'expert_invited',
    ...extra,
  };
}

describe('the mail outbox (issue 17)', () => {
  describe('with an SMTP relay', () => {
    let sink: SmtpSink;
    let t: TestApp;
    const clock = new FixedClock(new Date('2026-01-05T02:00:00Z'));

    beforeAll(async () => {
      sink = await startSmtpSink();
      t = await createTestApp({
        clock,
        env: {
          SMTP_URL: sink.url,
          MAIL_FROM: 'regcut <no-reply@regcut.test>',
          MAIL_POLL_INTERVAL_MS: '100',
        },
      });
    });
    afterAll(async () => {
      await t.close();
      await sink.close();
    });

    const enqueue = (m: OutgoingMail) =>
      t.dataSource.transaction((manager) => t.app.get(MailOutbox).enqueue(manager, m));

    it('delivers an enqueued mail through the workers, UTF-8 subject and text intact, once per key', async () => {
      const user = await createUser(t, 'expert');
      await enqueue(mail('invite:1', { to: user.email, userId: user.id }));
      await enqueue(mail('invite:1', { to: user.email, subject: 'lặp lại' })); // ignored
      const got = await sink.waitFor((m) => m.subject === SUBJECT);
      expect(got.text?.trim()).toBe(TEXT);
      expect(got.from?.text).toContain('no-reply@regcut.test');
      const row = await t.app.get(MailRepository).findByKey('invite:1');
      expect(got.messageId).toBe(`<mail-${row!.id}@regcut.test>`);
      expect(got.to).toMatchObject({ value: [{ address: user.email }] });
      // Marked sent in the row; the repeated key was never a second row.
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE key = 'invite:1'`,
      );
      expect(n).toBe(1);
      await waitForStatus(t, 'invite:1', 'sent');
    });

    it('a mail is not enqueued when the transaction that wrote it rolls back', async () => {
      await t.dataSource
        .transaction(async (manager) => {
          await t.app.get(MailOutbox).enqueue(manager, mail('rolled-back'));
          throw new Error('the caller failed');
        })
        .catch(() => undefined);
      expect(await t.app.get(MailRepository).findByKey('rolled-back')).toBeNull();
    });

    it('a crash between sending and marking does not lose the mail: it is resent with the same Message-ID', async () => {
      // The worker is stopped: this test drives delivery itself, like a worker that dies.
      t.app.get(MailWorker).stop();
      const transport = t.app.get(MailTransport);
      const send = transport.send.bind(transport);
      const repo = t.app.get(MailRepository);
      // The relay accepts the mail, then the process "dies" before the row is marked.
      const markSent = jest.spyOn(repo, 'markSent').mockRejectedValueOnce(new Error('killed'));
      await enqueue(mail('crash:1', { subject: 'Đợt góp ý đã đóng — lần 1' }));
      const delivery = t.app.get(MailDeliveryService);
      expect(await delivery.deliverDue()).toBe(1);
      const first = await sink.waitFor((m) => m.subject === 'Đợt góp ý đã đóng — lần 1');
      expect((await repo.findByKey('crash:1'))?.status).toBe('pending');
      // Within the lease nobody else takes it; once the lease has expired it goes again.
      expect(await delivery.deliverDue()).toBe(0);
      clock.advance(4 * 60_000);
      expect(await delivery.deliverDue()).toBe(1);
      const copies = sink.mails.filter((m) => m.subject === 'Đợt góp ý đã đóng — lần 1');
      expect(copies).toHaveLength(2);
      expect(copies[1].messageId).toBe(first.messageId);
      expect(await repo.findByKey('crash:1')).toMatchObject({ status: 'sent', attempts: 2 });
      markSent.mockRestore();

      // A relay that fails after accepting (the transport throws): retried with backoff.
      jest.spyOn(transport, 'send').mockImplementationOnce(async (m) => {
        await send(m);
        throw new Error('connection reset after DATA');
      });
      await enqueue(mail('crash:2', { subject: 'Đợt góp ý đã đóng — lần 2' }));
      await delivery.deliverDue();
      expect(await repo.findByKey('crash:2')).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: expect.stringContaining('connection reset'),
      });
      expect(await delivery.deliverDue()).toBe(0); // not before the backoff
      clock.advance(61_000);
      expect(await delivery.deliverDue()).toBe(1);
      expect(await repo.findByKey('crash:2')).toMatchObject({ status: 'sent', attempts: 2 });
      const twice = sink.mails.filter((m) => m.subject === 'Đợt góp ý đã đóng — lần 2');
      expect(twice.map((m) => m.messageId)).toEqual([twice[0].messageId, twice[0].messageId]);
    });

    it('prunes finished mails after OUTBOX_RETENTION_DAYS, never a pending one', async () => {
      const delivery = t.app.get(MailDeliveryService);
      const repo = t.app.get(MailRepository);
      // The worker was stopped by the crash case: this test delivers by hand.
      await enqueue(mail('prune:sent'));
      await delivery.deliverDue();
      expect(await repo.findByKey('prune:sent')).toMatchObject({ status: 'sent' });
      clock.advance(1_000);
      await enqueue(mail('prune:pending'));
      expect(await delivery.prune()).toBe(0); // sent just now
      clock.advance(31 * 86_400_000);
      await delivery.prune();
      expect(await repo.findByKey('prune:sent')).toBeNull();
      expect(await repo.findByKey('prune:pending')).toMatchObject({ status: 'pending' });
    });

    it('gives up after the attempts cap when the relay keeps refusing', async () => {
      const transport = t.app.get(MailTransport);
      const spy = jest.spyOn(transport, 'send').mockRejectedValue(new Error('550 refused'));
      await enqueue(mail('refused:1'));
      const delivery = t.app.get(MailDeliveryService);
      for (let i = 0; i < 10; i++) {
        await delivery.deliverDue();
        clock.advance(7 * 3_600_000);
      }
      spy.mockRestore();
      expect(await t.app.get(MailRepository).findByKey('refused:1')).toMatchObject({
        status: 'failed',
        attempts: 6,
        lastError: expect.stringContaining('550 refused'),
      });
    });
  });

  describe('without SMTP_URL', () => {
    it('marks mails skipped (the in-app inbox is the only channel)', async () => {
      const t = await createTestApp({ env: { MAIL_POLL_INTERVAL_MS: '100' } });
      try {
        await t.dataSource.transaction((m) => t.app.get(MailOutbox).enqueue(m, mail('skip:1')));
        await waitForStatus(t, 'skip:1', 'skipped');
      } finally {
        await t.close();
      }
    });
  });
});

/** Waits for the background worker to update the row (real asynchronous work, not a deadline). */
async function waitForStatus(t: TestApp, key: string, status: string) {
  const repo = t.app.get(MailRepository);
  await waitFor(async () => (await repo.findByKey(key))?.status === status);
}
