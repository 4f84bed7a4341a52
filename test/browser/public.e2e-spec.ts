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
    await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    await env.screenshot(page, 'public-home');
  });

  it('loads /login directly', async () => {
    await page.goto('/login');
    await page.getByLabel('Thư điện tử').waitFor();
    await env.screenshot(page, 'login');
    expect(env.pageErrors).toEqual([]);
  });
});
