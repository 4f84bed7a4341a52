import type { Page } from 'playwright-core';
import { BrowserEnv, startBrowserEnv } from './harness';

const HEADER =
  'Số hiệu văn bản,Loại văn bản,Cơ quan ban hành,Tên văn bản,Ngày ban hành,Ngày hiệu lực,Điều khoản,Tên quy định,Mô tả,Loại quy định,Lĩnh vực,Mã TTHC';
const row = (n: number, category = 'thủ tục hành chính') =>
  [
    '15/2018/NĐ-CP',
    'Nghị định',
    'Chính phủ',
    'Nghị định quy định chi tiết một số điều của Luật An toàn thực phẩm',
    '02/02/2018',
    '02/02/2018',
    `Điều ${n}`,
    `"Thủ tục nhập thử số ${n}, tự công bố"`,
    'Mô tả',
    category,
    'food_safety',
    '',
  ].join(',');

/** Bulk import in the browser: the job's progress, the per-row errors, then the valid rows only. */
describe('browser: officer bulk import', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.newPage();
    await page.goto('/bo-nganh/nhap-tep');
    await page.waitForURL(/\/login\?next=/);
    await env.signIn(page, 'officer.bct@demo.regcut.vn');
    await page.waitForURL(/\/bo-nganh\/nhap-tep$/);
  }, 180_000);
  afterAll(() => env?.close());

  it('shows the row errors of a file with errors, then imports its valid rows', async () => {
    const csv = [HEADER, row(41), row(42, 'không rõ')].join('\n');
    const file = { name: 'quy-dinh.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.getByLabel('Tệp XLSX hoặc CSV').setInputFiles(file);
    await page.getByRole('button', { name: 'Gửi tệp' }).click();
    await page.getByRole('cell', { name: 'Loại quy định' }).waitFor();
    await page.getByText('Đã xử lý xong').waitFor();
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    await env.screenshot(page, 'officer-import-errors');

    await page.getByLabel('Chỉ nhập các dòng hợp lệ (bỏ qua dòng lỗi)').check();
    await page.getByLabel('Tệp XLSX hoặc CSV').setInputFiles(file);
    await page.getByRole('button', { name: 'Gửi tệp' }).click();
    await page.getByText('Đã nhập 1 quy định.').waitFor();
    await env.screenshot(page, 'officer-import-done');
    expect(env.pageErrors).toEqual([]);
  });
});
