import type { Page } from 'playwright-core';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';
import { BrowserEnv, startBrowserEnv } from './harness';
import { apiOf, regulationInConsultation, scenario } from './workflow-setup';

/**
 * Issue 17's "done when", in a real browser against the built service and a real SMTP server: an
 * invited expert receives the e-mail, sees the bell's count, and finds the round in the
 * notifications page's tasks and inbox.
 */
describe('browser: notifications', () => {
  let env: BrowserEnv;
  let sink: SmtpSink;
  let page: Page;
  let expertEmail: string;
  const title = 'Cấp giấy phép kinh doanh dịch vụ logistics';

  beforeAll(async () => {
    sink = await startSmtpSink();
    env = await startBrowserEnv({ SMTP_URL: sink.url, PUBLIC_URL: 'https://regcut.test' });
    const s = await scenario(env);
    const admin = await apiOf(env).login('admin@demo.regcut.vn');
    expertEmail = (await s.api.call('GET', '/users?role=expert', admin)).items[0].email;
    await regulationInConsultation(s, title, 10 * 86_400_000);
    page = await env.newPage();
    await env.signIn(page, expertEmail);
  }, 240_000);
  afterAll(async () => {
    await env?.close();
    await sink?.close();
  });

  it('mails the invited expert, with a link to the round', async () => {
    const mail = await sink.waitFor(
      (m) => JSON.stringify(m.to).includes(expertEmail) && m.subject === `Thư mời góp ý: ${title}`,
      30_000,
    );
    expect(mail.text).toMatch(/https:\/\/regcut\.test\/gop-y\/dot\/[0-9a-f-]{36}/);
  });

  it('shows the unread count on the bell; the page lists the task and the notification', async () => {
    await page.reload();
    const bell = page.getByTestId('notification-bell');
    await bell.locator('.badge').waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await page.getByTestId('my-tasks').getByRole('link', { name: title }).waitFor();
    const inbox = page.getByTestId('inbox');
    await inbox.getByText(`Thư mời góp ý: ${title}`).waitFor();
    await env.screenshot(page, 'notifications');

    await inbox.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    // The bell's query shares the inbox's key prefix: it is refreshed with it.
    await bell.locator('.badge').waitFor({ state: 'detached' });
    await inbox.getByRole('button', { name: 'Đánh dấu đã đọc' }).waitFor({ state: 'detached' });
    expect(env.pageErrors).toEqual([]);
  });
});
