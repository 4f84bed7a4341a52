import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildOnce, ChildService, ROOT, startChild } from '../support/child-service';
import { createTestDatabase, TestDatabase } from '../support/test-app';

/** Debian's chromium; nothing downloads a browser (`.ci/run` installs the package when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test', 'browser', 'artifacts');
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
export const DEMO_PASSWORD = 'regcut-demo-2026';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserEnv {
  service: ChildService;
  database: TestDatabase;
  context: BrowserContext;
  /** Messages the pages logged as errors (CSP violations, uncaught exceptions, failed loads). */
  pageErrors: string[];
  newPage(): Promise<Page>;
  /** Saves the page at desktop and phone width; returns the two files. */
  screenshot(page: Page, name: string): Promise<string[]>;
  /** Signs in through the /login page (sessionStorage is per tab: one user per page). */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The built service (`npm start`'s dist/, with the web app) as a child process on its own copy of
 * the test database with the demo data, and a headless Chromium with a fresh profile.
 */
export async function startBrowserEnv(env: Record<string, string> = {}): Promise<BrowserEnv> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  buildOnce();
  const database = await createTestDatabase();
  const service = await startChild(
    {
      DATABASE_URL: database.url,
      JWT_SECRET: 'browser-tests-secret-browser-tests-secret-01',
      DEMO_DATA: 'true',
      WORKERS: 'true',
      LOGIN_LIMIT_PER_ACCOUNT: '1000',
      LOGIN_LIMIT_PER_ADDRESS: '1000',
      ...env,
    },
    'main',
    90_000,
  );
  const profile = mkdtempSync(join(tmpdir(), 'regcut-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      baseURL: service.url,
    });
  } catch (err) {
    await service.stop();
    await database.drop();
    throw err;
  }
  context.setDefaultTimeout(15_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const pageErrors: string[] = [];
  const saved: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  return {
    service,
    database,
    context,
    pageErrors,
    async newPage() {
      return context.newPage();
    },
    async screenshot(page, name) {
      const files: string[] = [];
      const original = page.viewportSize() ?? DESKTOP;
      for (const [label, size] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        await page.setViewportSize(size);
        const file = join(ARTIFACTS, `${name}-${label}.png`);
        await page.screenshot({ path: file, fullPage: true });
        files.push(file);
      }
      await page.setViewportSize(original);
      saved.push(...files);
      return files;
    },
    async signIn(page, email, password = DEMO_PASSWORD) {
      if (!page.url().includes('/login')) await page.goto('/login');
      await page.getByLabel('Thư điện tử').fill(email);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByTestId('current-user').waitFor();
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      await service.stop();
      await database.drop();
      if (saved.length) {
        console.log(
          `screenshots (${saved.length}) in ${relative(ROOT, ARTIFACTS)}/:\n  ` +
            saved.map((f) => relative(ARTIFACTS, f)).join('\n  '),
        );
      }
    },
  };
}
