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
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByText('Không tải được dữ liệu')).toHaveCount(0);
    await screenshot(page, name);
  }
});
