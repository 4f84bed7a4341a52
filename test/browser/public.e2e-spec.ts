import type { Page } from 'playwright-core';
import { BrowserEnv, startBrowserEnv } from './harness';

/** The public portal in a real browser, on the built service with the demo data. */
describe('browser: public portal', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.newPage();
  }, 180_000);
  afterAll(() => env?.close());

  it('shows the portal at / with a sign-in link', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Đăng nhập', exact: true }).waitFor();
    await env.screenshot(page, 'public-home');
  });

  it('finds a published regulation without diacritics and opens its public page', async () => {
    await page.goto('/');
    await page.getByLabel('Tìm quy định (không cần gõ dấu)').fill('thu tuc cong bo san pham');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/tra-cuu\?search=/);
    const link = page.getByRole('link', { name: 'Thủ tục tự công bố sản phẩm' });
    await link.waitFor();
    await env.screenshot(page, 'public-search');
    // A filter narrows the list and lives in the URL.
    await page.getByLabel('Trạng thái').selectOption('draft');
    await page.getByText('Không có quy định nào khớp').waitFor();
    await page.goBack();
    await link.click();
    await page.waitForURL(/\/quy-dinh\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Thủ tục tự công bố sản phẩm' }).waitFor();
    await page.locator('dt', { hasText: 'Văn bản quy phạm pháp luật' }).waitFor();
    await env.screenshot(page, 'public-regulation');
    // Opened directly (a shared link), the page loads as well.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Thủ tục tự công bố sản phẩm' }).waitFor();
  });

  it('lists open consultations and the recorded decisions', async () => {
    await page.goto('/tham-van');
    await page.getByRole('heading', { level: 1, name: 'Các đợt lấy ý kiến đang mở' }).waitFor();
    await env.screenshot(page, 'public-consultations');
    await page.goto('/tien-do');
    await page.getByRole('heading', { level: 1, name: 'Tiến độ thực hiện chương trình' }).waitFor();
    await page.getByText('Quyết định đã ghi nhận').waitFor();
    await env.screenshot(page, 'public-progress');
  });

  it('loads /login directly', async () => {
    await page.goto('/login');
    await page.getByLabel('Thư điện tử').waitFor();
    await env.screenshot(page, 'login');
    expect(env.pageErrors).toEqual([]);
  });
});
