// A reporter sees its own division and the report it contributes to, never another
// division's data: the unit picker lists only its unit, and asking for another
// division's values (through the page or the API) is refused in Vietnamese.
import { expect, test } from '@playwright/test';
import { at, login, screenshot } from './support/pages.ts';

test('a reporter of P.BCVTCNTT cannot see the inspectorate\'s data', async ({ page }) => {
  await login(page, 'bcvt');
  await page.goto(at('/nhap-so-lieu'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập số liệu');
  await expect(page.getByText('Phòng Bưu chính, Viễn thông và Công nghệ thông tin ·')).toBeVisible();

  await page.getByLabel('Đơn vị', { exact: true }).click();
  // Its division, and the department whose report its part belongs to; no sibling.
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: 'Phòng Bưu chính' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'Thanh tra' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.goto(at('/bieu-do', 'stttt-ttra'));
  await expect(page.getByText('Không tải được dữ liệu')).toBeVisible();
  await expect(page.getByText(/quyền/)).toBeVisible();
  await screenshot(page, '10-ngoai-pham-vi');

  const response = await page.request.get('/api/values?org=stttt-ttra&period=2022-04');
  expect(response.status()).toBe(403);
});
