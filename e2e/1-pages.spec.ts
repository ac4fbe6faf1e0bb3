// Every page renders for the admin on the demo data, without an error state, and a
// screenshot of each is saved under test-output/screenshots/ (1366×768).
import { expect, test } from '@playwright/test';
import { at, login, screenshot } from './support/pages.ts';

test('the login page says in Vietnamese when the password is wrong', async ({ page }) => {
  await page.goto('/dang-nhap');
  await screenshot(page, '01-dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('bcvt');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('không đúng');
  await screenshot(page, '02-dang-nhap-sai-mat-khau');
});

const PAGES: [string, string, string][] = [
  ['/tong-quan', 'Tổng quan', '03-tong-quan'],
  ['/nhap-so-lieu', 'Nhập số liệu', '04-nhap-so-lieu'],
  ['/noi-dung', 'Nội dung báo cáo', '05-noi-dung'],
  ['/bao-cao', 'Báo cáo tháng 4 năm 2022', '06-bao-cao'],
  ['/bieu-do', 'Biểu đồ', '07-bieu-do'],
  ['/lich-su', 'Lịch sử thay đổi', '08-lich-su'],
  ['/quan-tri', 'Quản trị', '09-quan-tri'],
];

test('every page shows for the admin, with a screenshot', async ({ page }) => {
  await login(page, 'quantri');
  for (const [path, heading, name] of PAGES) {
    await page.goto(at(path));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading, { timeout: 30_000 });
    await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByText('Không tải được dữ liệu')).toHaveCount(0);
    await screenshot(page, name);
  }
});

test('the dashboard counts the findings `baocao validate` reports for April 2022: 1 error, 1 warning', async ({ page }) => {
  await login(page, 'quantri');
  await page.goto(at('/tong-quan'));
  // The demo's own figures: 1022 petitions stated as 168 where the parts add up to 166, and a meeting item listed twice.
  const answer = await page.request.get('/api/validation?org=stttt-travinh&period=2022-04');
  const body = (await answer.json()) as { findings: { severity: string }[]; reportFindings: { severity: string }[] };
  const all = [...body.findings, ...body.reportFindings];
  expect(all.filter((f) => f.severity === 'error')).toHaveLength(1);
  await expect(page.getByTestId('findings-error').locator('.ant-statistic-content-value')).toHaveText('1');
  await expect(page.getByTestId('findings-warning').locator('.ant-statistic-content-value')).toHaveText(String(all.filter((f) => f.severity === 'warning').length));
});

test('Quản trị lists the accounts with their scopes; Biểu đồ charts a derived share, also on a slice', async ({ page }) => {
  await login(page, 'quantri');
  await page.goto(at('/quan-tri'));
  await page.getByRole('tab', { name: 'Người dùng' }).click();
  await expect(page.getByRole('row', { name: /thanhtra/ })).toContainText('Thanh tra Sở');
  await expect(page.getByRole('button', { name: 'Khóa bcvt', exact: true })).toBeVisible();
  await screenshot(page, '09b-quan-tri-nguoi-dung');

  await page.goto(at('/bieu-do'));
  // The signed share is derived: computed by the server from the month's sums.
  await expect(page.getByRole('img', { name: 'Biểu đồ Tỷ lệ văn bản được ký số' })).toBeVisible();
  await page.getByLabel('Chỉ tiêu', { exact: true }).click();
  await page.keyboard.type('Tỷ lệ hồ sơ trực tuyến');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: 'Biểu đồ Tỷ lệ hồ sơ trực tuyến' })).toBeVisible();
  await page.getByLabel('Lát cắt', { exact: true }).click();
  // The first level after "Tất cả" (antd's list is virtual: choose with the keyboard).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Lát cắt', { exact: true }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).not.toContainText('Tất cả');
  await expect(page.getByRole('img', { name: 'Biểu đồ Tỷ lệ hồ sơ trực tuyến' })).toBeVisible();
  await screenshot(page, '07b-bieu-do-ty-le-truc-tuyen');
});
