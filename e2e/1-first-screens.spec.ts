// Each demo account's first screen, at 1440 and at 390 px, on the fresh demo (March
// and April 2022 issued, May 2022 open): everyone lands on May 2022, never on an empty
// month; a division sees its own part (status, deadline, figures, items, findings) and
// no refusal; the unit picker shows names and only units in scope; the period picker
// marks which months have reports and their state; nothing is wider than the screen.
// Then every page for the admin. The fixture fails a test on any console error or
// request the app did not expect.
import { expect, expectFailure, test } from './support/fixture.ts';
import type { Page } from '@playwright/test';
import { DESKTOP, PHONE, expectFitsWidth, isPhone, login, open, screenshot } from './support/pages.ts';

const DEPARTMENT = 'Sở Thông tin và Truyền thông';

async function expectPart(page: Page, division: string): Promise<void> {
  await expect(page.getByTestId('part-card')).toContainText(`Phần của ${division}`);
  await expect(page.getByTestId('part-card')).toContainText('Hạn nộp: 15/05/2022');
  await expect(page.getByTestId('part-card')).toContainText('Đang soạn');
  await expect(page.getByText(/Số liệu phòng nhập/)).toBeVisible();
  await expect(page.getByTestId('dashboard-findings')).toBeVisible();
}

async function expectReport(page: Page): Promise<void> {
  await expect(page.getByText(`Báo cáo của ${DEPARTMENT}`)).toBeVisible();
  await expect(page.getByTestId('report-status').first()).toHaveText('Đang soạn');
  await expect(page.getByRole('row', { name: /Thanh tra Sở/ })).toBeVisible();
}

const ACCOUNTS: { user: string; unit: string; check: (page: Page) => Promise<void> }[] = [
  { user: 'bcvt', unit: 'Phòng Bưu chính, Viễn thông và Công nghệ thông tin', check: (p) => expectPart(p, 'Phòng Bưu chính, Viễn thông và Công nghệ thông tin') },
  { user: 'thanhtra', unit: 'Thanh tra Sở', check: (p) => expectPart(p, 'Thanh tra Sở') },
  { user: 'ttbcxb', unit: 'Phòng Thông tin - Báo chí - Xuất bản', check: (p) => expectPart(p, 'Phòng Thông tin - Báo chí - Xuất bản') },
  { user: 'ttcntt', unit: 'Trung tâm Công nghệ thông tin và Truyền thông', check: (p) => expectPart(p, 'Trung tâm Công nghệ thông tin và Truyền thông') },
  { user: 'vanphong', unit: DEPARTMENT, check: expectReport },
  { user: 'lanhdao', unit: DEPARTMENT, check: expectReport },
  { user: 'ubndtinh', unit: DEPARTMENT, check: expectReport },
  { user: 'quantri', unit: DEPARTMENT, check: expectReport },
];

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('the login page says in Vietnamese when the password is wrong', async ({ page }) => {
      await page.goto('/dang-nhap');
      await screenshot(page, '01-dang-nhap');
      expectFailure(page, { status: 401, method: 'POST', url: /\/api\/session$/ });
      await page.getByLabel('Tên đăng nhập').fill('bcvt');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(page.getByRole('alert')).toContainText('không đúng');
      await expectFitsWidth(page);
    });

    for (const account of ACCOUNTS) {
      test(`${account.user} lands on May 2022 and sees its work first`, async ({ page }) => {
        await login(page, account.user);
        await expect(page).toHaveURL(/period=2022-05/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tổng quan tháng 5 năm 2022');
        await account.check(page);
        await expect(page.locator('.ant-alert-error')).toHaveCount(0);
        // The unit picker: names, and only units in scope.
        const single = page.getByTestId('unit-name');
        if (await single.count()) await expect(single).toHaveText(account.unit);
        else await expect(page.getByLabel('Đơn vị', { exact: true }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(account.unit);
        await expectFitsWidth(page);
        await screenshot(page, `02-dau-tien-${account.user}`);
      });
    }

    test('the pickers mark the months with reports and show only the units in scope', async ({ page }) => {
      await login(page, 'vanphong');
      await page.getByLabel('Kỳ báo cáo', { exact: true }).click();
      for (const [month, state] of [['Tháng 5/2022', 'Đang soạn'], ['Tháng 4/2022', 'Đã ban hành'], ['Tháng 3/2022', 'Đã ban hành']] as const) {
        await expect(page.getByRole('option', { name: new RegExp(`^${month}\\b`) })).toContainText(state);
      }
      await screenshot(page, '03-chon-ky');
      await page.keyboard.press('Escape');
      await page.getByLabel('Đơn vị', { exact: true }).click();
      const options = page.getByRole('option');
      await expect(options.filter({ hasText: 'Phòng Bưu chính, Viễn thông và Công nghệ thông tin' })).toHaveCount(1);
      await expect(options.filter({ hasText: 'Tỉnh Trà Vinh' })).toHaveCount(0);
      await expect(options.filter({ hasText: /^stttt-/ })).toHaveCount(0);
      await page.keyboard.press('Escape');
    });

    test('every page shows for the admin and fits the screen', async ({ page }) => {
      await login(page, 'quantri');
      const pages: [string, string, string][] = [
        ['Nhập số liệu', 'Nhập số liệu', '04-nhap-so-lieu'],
        ['Nội dung', 'Nội dung báo cáo tháng 5 năm 2022', '05-noi-dung'],
        ['Báo cáo', 'Báo cáo tháng 5 năm 2022', '06-bao-cao'],
        ['Biểu đồ', 'Biểu đồ', '07-bieu-do'],
        ['Thông báo', 'Thông báo', '08-thong-bao'],
        ['Lịch sử', 'Lịch sử thay đổi', '09-lich-su'],
        ['Quản trị', 'Quản trị', '10-quan-tri'],
        ['Tổng quan', 'Tổng quan tháng 5 năm 2022', '11-tong-quan'],
      ];
      for (const [menu, heading, name] of pages) {
        await open(page, menu);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(heading, { timeout: 30_000 });
        await expect(page.locator('.ant-alert-error')).toHaveCount(0);
        if (menu === 'Báo cáo') await expect(page.getByTitle('Bản xem trước báo cáo')).toBeVisible();
        await expectFitsWidth(page);
        await screenshot(page, name);
      }
      if (isPhone(page)) {
        // The preview is the whole A4 page, scaled to the screen.
        await open(page, 'Báo cáo');
        const box = await page.getByTitle('Bản xem trước báo cáo').boundingBox();
        expect(box?.width ?? 0).toBeLessThanOrEqual(PHONE.width);
      }
    });
  });
}
