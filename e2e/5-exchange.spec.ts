// Data exchange in the browser, by a division on the open May 2022: the Excel form
// downloads; a CSV with a bad row is checked first (its conflict shown, nothing
// written) and written only when the user skips the bad row; the seed report's
// Markdown previews with its coverage and its stated-percentage mismatch; divisions
// are not offered the report import.
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixture.ts';
import { DESKTOP, at, login, open, screenshot } from './support/pages.ts';

test.use({ viewport: DESKTOP });

const SEED = new URL('../test/fixtures/seed-stttt-travinh-2022-04.md', import.meta.url).pathname;
const ISSUED = 'Chứng thư số cấp mới: Tổng';

test('the Excel form downloads; a CSV with a bad row shows its conflict and writes nothing until told', async ({ page }) => {
  await login(page, 'bcvt');
  await open(page, 'Nhập số liệu');

  const [form] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải biểu mẫu Excel' }).click()]);
  expect(form.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync(await form.path()).subarray(0, 2).toString('latin1')).toBe('PK');

  // Two of the division's May figures, one of them unreadable.
  const csv = [
    'dataelement,period,orgunit,catoptcombo,attroptcombo,value',
    'cts.issued,202205,stttt-bcvt,default,,15',
    'cts.revoked,202205,stttt-bcvt,default,,abc',
  ].join('\n');
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập số liệu từ tệp' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'so-lieu-thang-5.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const check = dialog.getByTestId('import-check');
  await expect(check).toContainText('DHIS2 CSV');
  await expect(check.getByTestId('import-imported')).toContainText('1');
  await expect(check.getByTestId('import-conflicts')).toContainText('1');
  await expect(check.getByRole('row', { name: /Dòng 3/ })).toContainText('"abc" không phải là số');
  const write = dialog.getByRole('button', { name: 'Ghi số liệu' });
  await expect(write).toBeDisabled();
  await screenshot(page, '40-nhap-so-lieu-tu-tep');
  const before = (await (await page.request.get('/api/values?org=stttt-bcvt&period=2022-05')).json()) as { dataValues: { dataElement: string }[] };
  expect(before.dataValues.some((v) => v.dataElement === 'cts.issued')).toBe(false);

  await dialog.getByRole('checkbox', { name: /Bỏ qua các dòng lỗi/ }).check();
  await write.click();
  await expect(page.getByText(/Đã ghi 1 số liệu .*Đã bỏ qua 1 dòng lỗi/)).toBeVisible();
  await expect(page.getByLabel(ISSUED, { exact: true })).toHaveValue('15');
});

test('the seed report previews with its coverage, document references and the 1,28% finding', async ({ page }) => {
  await login(page, 'vanphong');
  await page.goto(at('/nhap-bao-cao-cu', 'stttt-travinh', '2022-04'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nhập báo cáo cũ');
  await page.locator('input[type=file]').setInputFiles(SEED);

  const coverage = page.getByTestId('legacy-coverage');
  await expect(coverage).toContainText('%', { timeout: 30_000 });
  const percent = Number((await coverage.locator('.ant-statistic-content-value').innerText()).replace('%', '').replace(',', '.'));
  expect(percent).toBeGreaterThanOrEqual(95);
  await expect(page.getByTestId('legacy-finding').filter({ hasText: '1,28%' })).toBeVisible();
  await screenshot(page, '41-nhap-bao-cao-cu');
  await page.getByRole('tab', { name: /Văn bản/ }).click();
  await expect(page.getByRole('row', { name: /695\/QĐ-UBND/ })).toBeVisible();
});

test('a division is not offered the report import', async ({ page }) => {
  await login(page, 'bcvt');
  await expect(page.getByRole('navigation', { name: 'Chức năng' })).toContainText('Nhập số liệu');
  await expect(page.getByRole('menuitem', { name: 'Nhập báo cáo cũ' })).toHaveCount(0);
});
