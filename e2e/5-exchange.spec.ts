// Data exchange in the browser: the Excel form downloads, a CSV with a bad row is
// checked first (its conflict shown, nothing written), written only when the user
// skips the bad row; the seed report's Markdown previews with its coverage and its
// stated-percentage mismatch; reporters do not see the report import.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { at, login, screenshot } from './support/pages.ts';

const SEED = new URL('../test/fixtures/seed-stttt-travinh-2022-04.md', import.meta.url).pathname;
const ISSUED = 'Chứng thư số cấp mới: Tổng';

test('the Excel form downloads; a CSV with a bad row shows its conflict and writes nothing until told', async ({ page }) => {
  await login(page, 'vanphong');
  await page.goto(at('/nhap-so-lieu'));
  await expect(page.getByLabel(ISSUED, { exact: true })).toHaveValue('13');

  const [form] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải biểu mẫu Excel' }).click()]);
  expect(form.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = readFileSync(await form.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // The unit's own CSV, with one figure changed and one row made unreadable.
  const original = await (await page.request.get('/api/values/export?org=stttt-travinh&period=2022-04&format=csv')).text();
  const edited = original
    .replace(/^(cts\.issued,202204,stttt-travinh,default,,)13,/m, '$115,')
    .replace(/^(attt\.alerts,202204,stttt-travinh,default,,)14,/m, '$1abc,');
  expect(edited).toContain(',15,');
  expect(edited).toContain(',abc,');

  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập số liệu từ tệp' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'so-lieu-sua.csv', mimeType: 'text/csv', buffer: Buffer.from(edited, 'utf8') });
  const check = dialog.getByTestId('import-check');
  await expect(check).toContainText('DHIS2 CSV');
  await expect(check.getByTestId('import-updated')).toContainText('1');
  await expect(check.getByTestId('import-conflicts')).toContainText('1');
  const conflict = check.getByRole('row', { name: /Dòng 7/ });
  await expect(conflict).toContainText('"abc" không phải là số');
  const write = dialog.getByRole('button', { name: 'Ghi số liệu' });
  await expect(write).toBeDisabled();
  await screenshot(page, '12-nhap-so-lieu-tu-tep');

  // The dry run wrote nothing.
  const stored = async () => {
    const body = (await (await page.request.get('/api/values?org=stttt-travinh&period=2022-04')).json()) as { dataValues: { dataElement: string; categoryOptionCombo: string; value: string }[] };
    return Object.fromEntries(body.dataValues.filter((v) => v.categoryOptionCombo === 'default').map((v) => [v.dataElement, v.value]));
  };
  expect(await stored()).toMatchObject({ 'cts.issued': '13', 'attt.alerts': '14' });

  // Skipping the bad row writes the good one, and the page shows it.
  await dialog.getByRole('checkbox', { name: /Bỏ qua các dòng lỗi/ }).check();
  await expect(write).toBeEnabled();
  await write.click();
  await expect(page.getByText(/Đã ghi 1 số liệu .*Đã bỏ qua 1 dòng lỗi/)).toBeVisible();
  await expect(page.getByLabel(ISSUED, { exact: true })).toHaveValue('15');
  expect(await stored()).toMatchObject({ 'cts.issued': '15', 'attt.alerts': '14' });

  // The untouched file puts the demo figure back: a clean file writes without asking to skip.
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  await dialog.locator('input[type=file]').setInputFiles({ name: 'so-lieu.csv', mimeType: 'text/csv', buffer: Buffer.from(original, 'utf8') });
  await expect(dialog.getByTestId('import-conflicts')).toContainText('0');
  await dialog.getByRole('button', { name: 'Ghi số liệu' }).click();
  await expect(page.getByLabel(ISSUED, { exact: true })).toHaveValue('13');
});

test('the seed report previews with its coverage, document references and the 1,28% finding', async ({ page }) => {
  await login(page, 'vanphong');
  await page.goto(at('/nhap-bao-cao-cu'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nhập báo cáo cũ');
  await page.locator('input[type=file]').setInputFiles(SEED);

  const coverage = page.getByTestId('legacy-coverage');
  await expect(coverage).toContainText('%', { timeout: 30_000 });
  const percent = Number((await coverage.locator('.ant-statistic-content-value').innerText()).replace('%', '').replace(',', '.'));
  expect(percent).toBeGreaterThanOrEqual(95);
  await expect(page.getByTestId('legacy-finding').filter({ hasText: '1,28%' })).toBeVisible();
  await expect(page.getByText('CÔNG TÁC QUẢN LÝ NHÀ NƯỚC', { exact: false }).first()).toBeVisible();
  await screenshot(page, '13-nhap-bao-cao-cu');

  await page.getByRole('tab', { name: /Văn bản/ }).click();
  await expect(page.getByRole('row', { name: /695\/QĐ-UBND/ })).toContainText('12/4/2022');

  // Saving asks first, saying what it replaces; cancelling leaves the report as it was.
  await page.getByRole('button', { name: 'Lưu vào báo cáo' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Lưu vào báo cáo?' });
  await expect(confirm).toContainText('văn bản và kế hoạch');
  await confirm.getByRole('button', { name: 'Hủy' }).click();
  await expect(confirm).toHaveCount(0);
});

test('a division reporter is not offered the report import', async ({ page }) => {
  await login(page, 'bcvt');
  await page.goto(at('/nhap-so-lieu'));
  await expect(page.getByRole('navigation', { name: 'Chức năng' })).toContainText('Nhập số liệu');
  await expect(page.getByRole('menuitem', { name: 'Nhập báo cáo cũ' })).toHaveCount(0);
});
