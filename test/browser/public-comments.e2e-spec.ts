import type { Page } from 'playwright-core';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';
import { BrowserEnv, startBrowserEnv } from './harness';

/**
 * Góp ý công khai in a real browser on the built service with the demo data and a real SMTP
 * server: the box on a regulation's page, sign-up, the e-mailed link, a comment in the round.
 */
describe('browser: public comments', () => {
  let sink: SmtpSink;
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    sink = await startSmtpSink();
    env = await startBrowserEnv({ SMTP_URL: sink.url, MAIL_POLL_INTERVAL_MS: '200' });
    page = await env.newPage();
  }, 180_000);
  afterAll(async () => {
    await env?.close();
    await sink?.close();
  });

  it('signs up from a regulation page, verifies by the e-mailed link and comments', async () => {
    const res = await fetch(`${env.service.url}/consultations?status=open`);
    const { items } = (await res.json()) as {
      items: Array<{ id: string; regulationId: string; round: string }>;
    };
    // The demo consultation of Bộ Y tế (its officer moderates below).
    let round = items[0];
    for (const r of items.filter((x) => x.round === 'association')) {
      const reg = (await (
        await fetch(`${env.service.url}/regulations/${r.regulationId}`)
      ).json()) as { title: string };
      if (String(reg.title).startsWith('Đăng ký bản công bố')) round = r;
    }
    expect(round.round).toBe('association');
    await page.goto(`/quy-dinh/${round.regulationId}`);
    await page.getByRole('heading', { name: 'Góp ý công khai' }).waitFor();
    await env.screenshot(page, 'public-comment-box');
    await page.getByRole('link', { name: /Chưa có tài khoản/ }).click();
    await page.waitForURL(/\/gop-y\/dang-ky$/);
    const email = `doanh.nghiep.${Date.now()}@example.vn`;
    await page.getByLabel('Thư điện tử').fill(email);
    await page.getByLabel('Họ tên hiển thị').fill('Lê Minh Châu');
    await page.getByLabel('Doanh nghiệp, tổ chức (nếu có)').fill('Công ty CP Minh Châu');
    await page.getByLabel('Mã số thuế (nếu có)').fill('0101248141');
    await page.getByRole('button', { name: 'Gửi liên kết xác minh' }).click();
    await page.getByText(/một liên kết xác minh đã được gửi/).waitFor();
    await env.screenshot(page, 'public-comment-signup');

    const mail = await sink.waitFor((m) => JSON.stringify(m.to ?? '').includes(email), 20_000);
    const link = /https?:\/\/\S+\/gop-y\/xac-minh\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
    const url = new URL(link);
    await page.goto(url.pathname + url.search);
    await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('Gop-y-cong-khai-2026!');
    await page.getByRole('button', { name: 'Xác minh và đăng nhập' }).click();
    await page.waitForURL(/\/gop-y$/);
    await page.getByTestId('current-user').waitFor();

    await page.goto(`/gop-y/dot/${round.id}`);
    await page.getByLabel('Nội dung góp ý').fill('Thời gian chuẩn bị hồ sơ thực tế là 10 giờ.');
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await page.getByText('Đã gửi ý kiến.').waitFor();
    await env.screenshot(page, 'public-comment-sent');

    // The owning agency sees it marked public and hides it with a reason.
    const officer = await env.newPage();
    await env.signIn(officer, 'officer.byt@demo.regcut.vn');
    await officer.goto(`/bo-nganh/quy-dinh/${round.regulationId}?tab=consultation`);
    const card = officer.getByTestId('feedback-item').filter({ hasText: 'Lê Minh Châu' });
    await card.getByText('Góp ý công khai').waitFor();
    await card.getByText('MST 0101248141 (chưa xác minh)').waitFor();
    await card.getByText('Ẩn góp ý này (kiểm duyệt)').click();
    await card.getByLabel('Lý do ẩn').fill('Thử kiểm duyệt trong kiểm thử.');
    await card.getByRole('button', { name: 'Ẩn góp ý' }).click();
    await card.getByText('Đã ẩn bởi kiểm duyệt: Thử kiểm duyệt trong kiểm thử.').waitFor();
    await env.screenshot(officer, 'public-comment-hidden');
    expect(env.pageErrors).toEqual([]);
  });
});
