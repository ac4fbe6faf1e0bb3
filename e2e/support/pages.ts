// Helpers the specs share: log in through the form, take a page screenshot.
import { mkdirSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export const PASSWORD = 'baocao-demo';
export const PERIOD = '2022-04';
export const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;

export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: false });
}

/** A page of the app for the demo department and April 2022. */
export function at(path: string, org = 'stttt-travinh', period = PERIOD): string {
  return `${path}?org=${org}&period=${period}`;
}
