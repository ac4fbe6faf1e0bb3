// Accounts (issue 12's server parts, which arrive with it): "Đăng xuất mọi nơi" ends
// every session of the user, on every device; an administrator lifts a login lockout
// with "Mở khóa". Both use an account made for the test, so the demo accounts the
// cycle needs are never locked.
import { expect, expectFailure, expectNoProblems, test, watchedPage } from './support/fixture.ts';
import type { Page } from '@playwright/test';
import { DESKTOP, login, open } from './support/pages.ts';

test.use({ viewport: DESKTOP });

const PASSWORD = 'mat-khau-thu-nghiem';

async function createAccount(page: Page, username: string): Promise<void> {
  await login(page, 'quantri');
  await open(page, 'Quản trị');
  await page.getByRole('tab', { name: 'Người dùng' }).click();
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await dialog.getByLabel('Tên đăng nhập').fill(username);
  await dialog.getByLabel('Họ tên').fill(`Thử nghiệm ${username}`);
  await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
  await dialog.getByLabel('Vai trò').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^Xem$/ }).click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('row', { name: new RegExp(username) })).toBeVisible();
}

test('"Đăng xuất mọi nơi" ends the user\'s sessions on every device', async ({ page, browser }) => {
  await createAccount(page, 'thu-dang-xuat');
  const laptopContext = await browser.newContext({ viewport: DESKTOP });
  const phoneContext = await browser.newContext({ viewport: DESKTOP });
  const laptop = await watchedPage(laptopContext);
  const other = await watchedPage(phoneContext);
  await login(laptop, 'thu-dang-xuat', PASSWORD);
  await login(other, 'thu-dang-xuat', PASSWORD);

  await laptop.getByRole('button', { name: /^Tài khoản/ }).click();
  await laptop.getByRole('menuitem', { name: /Đăng xuất mọi nơi/ }).click();
  await laptop.getByRole('dialog').getByRole('button', { name: 'Đăng xuất mọi nơi' }).click();
  await expect(laptop.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();

  // The other device's session is gone too: its next request is refused and it shows the login.
  expectFailure(other, { status: 401, url: /\/api\// });
  await other.reload();
  await expect(other.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  expectNoProblems(laptop);
  expectNoProblems(other);
  await laptopContext.close();
  await phoneContext.close();
});

test('an administrator lifts a login lockout with "Mở khóa"', async ({ page, browser }) => {
  await createAccount(page, 'thu-mo-khoa');
  const context = await browser.newContext({ viewport: DESKTOP });
  const user = await watchedPage(context);
  expectFailure(user, { status: 401, method: 'POST', url: /\/api\/session$/ });
  expectFailure(user, { status: 429, method: 'POST', url: /\/api\/session$/ });
  await user.goto('/dang-nhap');
  for (let attempt = 0; attempt < 5; attempt++) {
    await user.getByLabel('Tên đăng nhập').fill('thu-mo-khoa');
    await user.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await user.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(user.getByRole('alert')).toBeVisible();
  }
  await user.getByLabel('Mật khẩu').fill(PASSWORD);
  await user.getByRole('button', { name: 'Đăng nhập' }).click();
  // The throttle of this account from this address: a wait, and who can lift it.
  await expect(user.getByRole('alert')).toContainText('thử lại sau');
  await expect(user.getByRole('alert')).toContainText('Quản trị viên có thể mở khóa');

  await page.getByRole('button', { name: 'Mở khóa thu-mo-khoa', exact: true }).click();
  await expect(page.getByText('Đã mở khóa đăng nhập cho thu-mo-khoa.')).toBeVisible();

  await user.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(user.getByTestId('current-user')).toBeVisible();
  expectNoProblems(user);
  await context.close();
});
