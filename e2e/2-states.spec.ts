// States visible before anyone works: an issued month says who issued it, when and
// its number on every page and offers no control that would fail; a viewer sees no
// edit control; a division sees only its own figures and cannot be pointed at
// another division's; the findings where Duyệt is clicked are those of Tổng quan,
// each leading to its cell; Quản trị speaks Vietnamese, dates dd/mm/yyyy (Lịch sử:
// 9-cycle, once the cycle has written events).
import { expect, test } from './support/fixture.ts';
import type { Page } from '@playwright/test';
import { DESKTOP, at, choosePeriod, login, logout, open, screenshot } from './support/pages.ts';

test.use({ viewport: DESKTOP });

async function expectNoEditControls(page: Page): Promise<void> {
  await open(page, 'Nhập số liệu');
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu số liệu' })).toHaveCount(0);
  await expect(page.locator('input[data-entry-cell]:not([readonly])')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nhập từ tệp' })).toHaveCount(0);
  await open(page, 'Nội dung');
  await expect(page.getByRole('button', { name: 'Thêm nội dung' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Xóa' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Sổ văn bản' }).click();
  await expect(page.getByRole('button', { name: 'Thêm văn bản' })).toHaveCount(0);
}

test('an issued month shows its number, date and who issued it on every page, and no control that would fail', async ({ page }) => {
  await login(page, 'vanphong');
  await choosePeriod(page, 'Tháng 4/2022');
  for (const menu of ['Tổng quan', 'Nhập số liệu', 'Nội dung', 'Báo cáo']) {
    await open(page, menu);
    const notice = page.getByTestId('issued-notice');
    await expect(notice).toContainText(/Đã ban hành: số 05\/BC-STTTT ngày 15\/04\/2022/);
    await expect(notice).toContainText(/bởi .+, lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  }
  await expect(page.getByTestId('report-number')).toHaveText('05/BC-STTTT');
  await expect(page.getByRole('button', { name: /^(Nộp|Tổng hợp|Trả lại|Duyệt|Ban hành)/ })).toHaveCount(0);
  await screenshot(page, '20-thang-4-da-ban-hanh');
  await expectNoEditControls(page);
});

test('a viewer reads May 2022 without any edit control', async ({ page }) => {
  await login(page, 'ubndtinh');
  await expectNoEditControls(page);
  await open(page, 'Báo cáo');
  await expect(page.getByRole('button', { name: /^(Nộp|Tổng hợp|Trả lại|Duyệt|Ban hành)/ })).toHaveCount(0);
});

test('a division enters only its own figures and is never shown another division\'s', async ({ page }) => {
  await login(page, 'bcvt');
  // A link to the inspectorate's data lands on the division's own part, asking nothing refused.
  await page.goto(at('/nhap-so-lieu', 'stttt-ttra', '2022-05'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập số liệu');
  await expect(page.getByText(/^Phòng Bưu chính, Viễn thông và Công nghệ thông tin ·/)).toBeVisible();
  await expect(page.getByLabel('Văn bản điện tử phát hành trên iOffice: Tổng', { exact: true })).toBeEditable();
  await expect(page.getByText('Đơn khiếu nại mới tiếp nhận')).toHaveCount(0);
  const refused = await page.request.get('/api/values?org=stttt-ttra&period=2022-05');
  expect(refused.status()).toBe(403);
});

test('the report page lists the findings of Tổng quan, each leading to its cell or item', async ({ page }) => {
  await login(page, 'lanhdao');
  await choosePeriod(page, 'Tháng 4/2022');
  const findings = async () => (await page.getByTestId('finding').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();
  await expect(page.getByTestId('dashboard-findings').getByTestId('finding').first()).toBeVisible();
  const onDashboard = await findings();
  const api = (await (await page.request.get('/api/validation?org=stttt-travinh&period=2022-04')).json()) as { findings: unknown[]; reportFindings: unknown[] };
  expect(onDashboard).toHaveLength(api.findings.length + api.reportFindings.length);
  await expect(page.getByTestId('findings-error').locator('.ant-statistic-content-value')).not.toHaveText('0');

  await open(page, 'Báo cáo');
  await expect(page.getByTestId('report-findings').getByTestId('finding').first()).toBeVisible();
  expect(await findings()).toEqual(onDashboard);
  await screenshot(page, '21-ket-qua-kiem-tra-bao-cao');

  // The 1022 hotline finding (168 ≠ 56 + 112) leads to its cell.
  const cellLink = page.getByTestId('report-findings').getByRole('link', { name: /Ô số liệu/ }).first();
  await cellLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập số liệu');
  await expect(page.locator('input[data-entry-cell]:focus')).toHaveCount(1);
});

test('Quản trị speaks Vietnamese: unit kinds, dates dd/mm/yyyy, template parts, account actions', async ({ page }) => {
  await login(page, 'quantri');
  await open(page, 'Quản trị');
  const units = page.getByRole('tabpanel');
  await expect(units.getByRole('row', { name: /Sở Thông tin và Truyền thông/ })).toContainText('Sở');
  await expect(units.getByRole('row', { name: /Thanh tra Sở/ })).toContainText('Phòng');
  await expect(units.getByRole('row', { name: /^Tỉnh Trà Vinh/ })).toContainText('đến 01/07/2025');
  await expect(units).not.toContainText(/\b(province|department|division|centre)\b/);
  await page.getByRole('tab', { name: 'Đề cương' }).click();
  await expect(page.getByRole('tabpanel')).not.toContainText(/\b(items|documents|plan-review)\b/);
  await page.getByRole('tab', { name: 'Người dùng' }).click();
  await expect(page.getByRole('row', { name: /thanhtra/ })).toContainText('Thanh tra Sở');
  await expect(page.getByRole('button', { name: 'Mở khóa bcvt', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ngừng hoạt động bcvt', exact: true })).toBeVisible();
  await screenshot(page, '22-quan-tri-nguoi-dung');

});

test('a month without a report is an empty state that offers the next step to whoever may take it', async ({ page }) => {
  await login(page, 'vanphong');
  await choosePeriod(page, 'Tháng 6/2022');
  for (const menu of ['Tổng quan', 'Nhập số liệu', 'Nội dung', 'Báo cáo']) {
    await open(page, menu);
    await expect(page.getByTestId('no-report')).toContainText('Chưa có báo cáo tháng 6/2022 của Sở Thông tin và Truyền thông.');
    await expect(page.getByRole('button', { name: /Tạo báo cáo tháng 6\/2022/ })).toBeVisible();
    await expect(page.locator('.ant-alert-error')).toHaveCount(0);
  }
  await screenshot(page, '24-chua-co-bao-cao');

  // A division cannot create it: it is told who does, and led back to its open month.
  await logout(page);
  await login(page, 'bcvt');
  await page.goto(at('/nhap-so-lieu', 'stttt-bcvt', '2022-08'));
  await expect(page.getByTestId('no-report')).toContainText('Chưa có báo cáo tháng 8/2022');
  await expect(page.getByRole('button', { name: /Tạo báo cáo/ })).toHaveCount(0);
  await page.getByRole('button', { name: /Xem báo cáo tháng 5\/2022/ }).click();
  await expect(page.getByLabel('Văn bản điện tử phát hành trên iOffice: Tổng', { exact: true })).toBeVisible();
});
