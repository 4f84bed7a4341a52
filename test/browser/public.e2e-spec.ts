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
    await page.getByRole('heading', { name: 'Quyết định đã ghi nhận' }).waitFor();
    await env.screenshot(page, 'public-progress');
  });

  it('shows the national progress figures against the targets without signing in', async () => {
    const res = await fetch(`${env.service.url}/reports/national-progress`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: any[] };
    expect(items.length).toBeGreaterThan(0);
    await page.goto('/tien-do');
    for (const n of items) {
      const card = page.getByTestId(`national-${n.programme.code}`);
      await card.getByRole('heading', { name: n.programme.name }).waitFor();
      const bar = card.getByRole('progressbar', { name: 'Đã phê duyệt: tỷ lệ số quy định' });
      expect(await bar.getAttribute('aria-valuemax')).toBe(String(n.target.countPct));
      expect(await bar.getAttribute('aria-valuenow')).toBe(String(n.approved.countPct ?? 0));
      // Low coverage is said plainly; the cost target never reads as reached then.
      const note = card.getByRole('note');
      expect(await note.count()).toBe(n.baseline.lowCoverage ? 1 : 0);
      if (n.baseline.lowCoverage) {
        expect(await note.textContent()).toContain('chưa đủ tin cậy');
        expect(await card.getByText('Chưa đủ dữ liệu chi phí').count()).toBe(2);
      }
    }
  });

  it('loads /login directly', async () => {
    await page.goto('/login');
    await page.getByLabel('Thư điện tử').waitFor();
    await env.screenshot(page, 'login');
    expect(env.pageErrors).toEqual([]);
  });
});
