// Helpers the specs share: log in and out through the form, move between pages by
// clicking the menu (a drawer on a phone), choose a period in the picker, check that
// a page fits the screen, and save a full-page screenshot.
import { mkdirSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export const PASSWORD = 'baocao-demo';
export const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;
export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1440) < 768;

/** Logs in and waits for the first screen: the layout with the unit and period the user has work in. */
export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  if (isPhone(page)) await expect(page.getByRole('button', { name: 'Mở danh mục chức năng' })).toBeVisible();
  else await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page).toHaveURL(/[?&]period=\d{4}/);
  await shownForAddress(page);
}

const PATHS: Readonly<Record<string, string>> = {
  'Tổng quan': '/tong-quan', 'Nhập số liệu': '/nhap-so-lieu', 'Nội dung': '/noi-dung', 'Nhập báo cáo cũ': '/nhap-bao-cao-cu',
  'Báo cáo': '/bao-cao', 'Biểu đồ': '/bieu-do', 'Thông báo': '/thong-bao', 'Lịch sử': '/lich-su', 'Quản trị': '/quan-tri',
};

/** Opens the menu (on a phone, the drawer), clicks an entry and waits for its page. */
export async function open(page: Page, label: string): Promise<void> {
  if (isPhone(page)) await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('menuitem').filter({ hasText: new RegExp(`^${label}$`) }).click();
  await expect(page).toHaveURL(new RegExp(`${PATHS[label] ?? ''}\\?`));
  // The address changes at once; the previous page stays on screen until the new one's
  // code has loaded (routes.tsx marks each page with its path).
  await expect(page.locator(`[data-page="${PATHS[label] ?? ''}"]`).getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await shownForAddress(page);
}

export async function logout(page: Page): Promise<void> {
  if (isPhone(page)) await page.getByRole('button', { name: 'Mở danh mục chức năng' }).click();
  // The button's name carries its icon's ("logout Đăng xuất"); "Đăng xuất mọi nơi" is another action.
  await page.getByRole('button', { name: /Đăng xuất$/ }).click();
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
}

/** Chooses a period in the header's picker by its label ("Tháng 6/2022"). */
export async function choosePeriod(page: Page, label: string): Promise<void> {
  const before = page.url();
  await page.getByLabel('Kỳ báo cáo', { exact: true }).click();
  await page.getByRole('option', { name: new RegExp(`^${label}\\b`) }).click();
  const [, month, year] = /^Tháng (\d{1,2})\/(\d{4})$/.exec(label) ?? [];
  if (month && year) await expect(page).toHaveURL(new RegExp(`[?&]period=${year}-${month.padStart(2, '0')}(&|$)`));
  else await expect(page).not.toHaveURL(before);
  await shownForAddress(page);
}

/**
 * Chooses an option of a searchable Ant Design select: types to narrow the list, waits
 * until the highlighted option is the one wanted, and presses Enter. Enter at once
 * picks whatever is highlighted before the list narrows ("Tất cả" stayed chosen); a
 * click on a phone scrolls the page under the list, and the layout takes the click.
 */
export async function pickOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await field.fill(option);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')).toContainText(option);
  await field.press('Enter');
  await expect(field.locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(option);
}

/**
 * Waits until the page on screen renders the address's query: the router renders a new
 * period in a transition, and until then the previous period's figures and findings
 * stay on screen with no loading state (routes.tsx marks each page with its query).
 */
export async function shownForAddress(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = document.querySelector('[data-page]');
    return shown?.getAttribute('data-page') === window.location.pathname && shown.getAttribute('data-search') === window.location.search;
  }, undefined, { timeout: 30_000 });
  await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 30_000 });
}

/** Nothing is wider than the screen: no sideways scrolling of the page. */
export async function expectFitsWidth(page: Page): Promise<void> {
  const { scroll, viewport, wide } = await page.evaluate(() => {
    // The elements that reach past the right edge, to say what is too wide when it fails.
    const wide: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 1 && wide.length < 5) wide.push(`${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)} (${Math.round(box.right)} px)`);
    }
    return { scroll: document.documentElement.scrollWidth, viewport: window.innerWidth, wide };
  });
  expect(scroll, `page width against the screen; past the edge: ${wide.join(', ')}`).toBeLessThanOrEqual(viewport);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}.png`, fullPage: true });
}

/** A page of the app for a unit and period (for the few checks that start from a link). */
export function at(path: string, org: string, period: string): string {
  return `${path}?org=${org}&period=${period}`;
}
