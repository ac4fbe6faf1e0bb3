// The monthly cycle as each role lives it, by clicking, on the fresh demo: May 2022 at
// 1440 px, then June 2022 (which the office creates at the end of May) at 390 px. A
// division enters figures and an item and submits; the office returns it with a
// reason; the division sees the reason (Tổng quan, Nhập số liệu, Báo cáo, Thông báo),
// fixes and resubmits; the office adds a line to next month's plan, submits the
// parts handed in on paper and compiles; the leader reads the findings, approves and
// issues; the viewer reads the issued report; the office creates the next month and
// finds the plan carried into it. These tests change the data (they issue May and
// June): this file runs last.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixture.ts';
import type { Page } from '@playwright/test';
import { DESKTOP, PHONE, isPhone, login, logout, open, pickOption, screenshot } from './support/pages.ts';

test.describe.configure({ mode: 'serial' });

const BCVT = 'Phòng Bưu chính, Viễn thông và Công nghệ thông tin';

/** A month of the cycle and the figures the division enters in it (none of them stored before). */
interface Month { period: string; heading: string; short: string; next: string; nextShort: string; figures: [string, string, string] }

const MAY: Month = { period: '2022-05', heading: 'tháng 5 năm 2022', short: 'tháng 5/2022', next: '2022-06', nextShort: 'tháng 6/2022', figures: ['21.012', '16.230', '11'] };
const JUNE: Month = { period: '2022-06', heading: 'tháng 6 năm 2022', short: 'tháng 6/2022', next: '2022-07', nextShort: 'tháng 7/2022', figures: ['21.480', '16.951', '9'] };

async function pressAndSee(page: Page, button: string, status: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByTestId('report-status').first()).toHaveText(status);
}


async function submitOwnPart(page: Page): Promise<void> {
  await open(page, 'Tổng quan');
  await page.getByRole('button', { name: `Nộp phần ${BCVT}`, exact: true }).click();
  await expect(page.getByTestId('part-card')).toContainText('Đã nộp');
}

async function runCycle(page: Page, month: Month, tag: string): Promise<void> {
  // 1. The division enters its figures and an item, and submits its part.
  await login(page, 'bcvt');
  await expect(page).toHaveURL(new RegExp(`period=${month.period}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tổng quan ${month.heading}`);
  await open(page, 'Nhập số liệu');
  await page.getByLabel('Văn bản điện tử phát hành trên iOffice: Tổng', { exact: true }).fill(month.figures[0]);
  await page.getByLabel('Văn bản điện tử được ký số: Tổng', { exact: true }).fill(month.figures[1]);
  await page.getByLabel('Chứng thư số cấp mới: Tổng', { exact: true }).fill(month.figures[2]);
  await page.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(page.getByText(/Đã lưu 3 số liệu/)).toBeVisible();
  await open(page, 'Nội dung');
  await pickOption(page, page.getByLabel('Mục', { exact: true }), 'Lĩnh vực bưu chính');
  await page.getByRole('button', { name: 'Thêm nội dung' }).click();
  await page.getByRole('dialog').getByLabel('Nội dung').fill(`Kiểm tra hoạt động của 05 điểm phục vụ bưu chính công ích (${month.short}).`);
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('cell', { name: /05 điểm phục vụ bưu chính/ })).toBeVisible();
  await submitOwnPart(page);
  // Submitted: read-only for the division until returned.
  await open(page, 'Nhập số liệu');
  await expect(page.getByTestId('part-submitted')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu số liệu' })).toHaveCount(0);
  await screenshot(page, `${tag}-01-phong-da-nop`);
  await logout(page);

  // 2. The office returns the part with a reason.
  await login(page, 'vanphong');
  await open(page, 'Báo cáo');
  await page.getByRole('button', { name: `Trả lại phần ${BCVT}`, exact: true }).click();
  const reason = `Thiếu số chứng thư số thu hồi ${month.short}.`;
  await page.getByRole('dialog').getByLabel('Lý do').fill(reason);
  await page.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
  await expect(page.getByRole('row', { name: new RegExp(BCVT) })).toContainText('Bị trả lại');
  await logout(page);

  // 3. The division sees why on every page, fixes and resubmits.
  await login(page, 'bcvt');
  await expect(page.getByTestId('return-reason')).toContainText(reason);
  await screenshot(page, `${tag}-02-phong-bi-tra-lai`);
  await open(page, 'Báo cáo');
  await expect(page.getByTestId('return-reason')).toContainText(reason);
  await open(page, 'Thông báo');
  const returnNotice = page.getByTestId('notification').filter({ hasText: reason });
  await expect(returnNotice).toContainText('Bị trả lại');
  // New until read: the bell counts it; marking all read leaves nothing new.
  await expect(returnNotice).toContainText('Mới');
  await expect(page.getByRole('button', { name: /chưa đọc\)$/ })).toBeVisible();
  await screenshot(page, `${tag}-02b-thong-bao-moi`);
  await page.getByRole('button', { name: /^Đánh dấu tất cả đã đọc/ }).click();
  await expect(page.locator('[data-testid="notification"][data-read="false"]')).toHaveCount(0);
  await expect(returnNotice).not.toContainText('Mới');
  await expect(page.getByRole('button', { name: 'Thông báo', exact: true })).toBeVisible();
  await open(page, 'Nhập số liệu');
  await expect(page.getByTestId('return-reason')).toContainText(reason);
  await page.getByLabel('Chứng thư số thu hồi: Tổng', { exact: true }).fill(month === MAY ? '3' : '5');
  await page.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(page.getByText(/Đã lưu 1 số liệu/)).toBeVisible();
  await submitOwnPart(page);
  await logout(page);

  // 4. The office plans next month, submits the parts handed in on paper and compiles.
  await login(page, 'vanphong');
  await open(page, 'Nội dung');
  await page.getByRole('tab', { name: /^Kế hoạch/ }).click();
  const plan = `Tổ chức kiểm tra an toàn thông tin các cơ quan (${month.nextShort}).`;
  await page.getByLabel('Việc trong kế hoạch kỳ sau').fill(plan);
  await page.getByRole('tabpanel').getByRole('button', { name: /Thêm$/ }).click();
  await expect(page.getByRole('cell', { name: plan })).toBeVisible();
  await open(page, 'Báo cáo');
  // Every other division hands in on paper here; the office submits each part for it.
  await expect(page.getByRole('row', { name: new RegExp(BCVT) })).toContainText('Đã nộp');
  const submits = page.getByRole('button', { name: /^Nộp phần / });
  for (let left = await submits.count(); left > 0; left--) {
    await submits.first().click();
    await expect(submits).toHaveCount(left - 1);
  }
  await expect(page.getByRole('table').last()).not.toContainText('Đang soạn');
  await pressAndSee(page, 'Tổng hợp', 'Đã tổng hợp');
  await screenshot(page, `${tag}-03-da-tong-hop`);
  await logout(page);

  // 5. The leader reads the findings where Duyệt is, approves and issues.
  await login(page, 'lanhdao');
  await open(page, 'Báo cáo');
  await expect(page.getByTestId('report-findings')).toBeVisible();
  await pressAndSee(page, 'Duyệt', 'Đã phê duyệt');
  await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
  await expect(page.getByTestId('report-status').first()).toHaveText('Đã ban hành');
  await expect(page.getByTestId('report-number')).toHaveText(/^\d{2}\/BC-STTTT$/);
  const number = (await page.getByTestId('report-number').textContent()) ?? '';
  await expect(page.getByTestId('issued-notice')).toContainText('Lãnh đạo Sở (mẫu)');
  await screenshot(page, `${tag}-04-da-ban-hanh`);
  if (!isPhone(page)) {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /Tải PDF/ }).click();
    const file = await (await downloading).path();
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(number);
    expect(text).not.toContain('DỰ THẢO');
  }
  // The trail says what happened, in sentences: no codes, no JSON, dates dd/mm/yyyy.
  await open(page, 'Lịch sử');
  await pickOption(page, page.getByLabel('Loại thao tác', { exact: true }), 'Quy trình báo cáo');
  const trail = page.getByRole('table');
  await expect(trail).toContainText('Ban hành');
  await expect(trail).toContainText('Trả lại');
  await expect(trail).toContainText(reason);
  await expect(trail).not.toContainText(/report\.|data_value|[{}]/);
  await expect(trail).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await screenshot(page, `${tag}-04b-lich-su`);
  await logout(page);

  // 6. The viewer reads the issued report: its number, who issued it; nothing to edit.
  await login(page, 'ubndtinh');
  await open(page, 'Báo cáo');
  await expect(page.getByTestId('report-number')).toHaveText(number);
  await expect(page.getByTestId('issued-notice')).toContainText('Lãnh đạo Sở (mẫu)');
  await expect(page.getByRole('button', { name: /^(Nộp|Tổng hợp|Trả lại|Duyệt|Ban hành)/ })).toHaveCount(0);
  await logout(page);

  // 7. The office creates next month; the plan is carried into its review.
  await login(page, 'vanphong');
  await page.getByRole('button', { name: `Tạo báo cáo ${month.nextShort}` }).click();
  await expect(page).toHaveURL(new RegExp(`period=${month.next}`));
  await expect(page.getByTestId('report-status').first()).toHaveText('Đang soạn');
  await open(page, 'Nội dung');
  await page.getByRole('tab', { name: /^Đánh giá/ }).click();
  await expect(page.getByRole('cell', { name: plan })).toBeVisible();
  await screenshot(page, `${tag}-05-thang-sau`);
  await logout(page);
}

test.describe('May 2022 at 1440 px', () => {
  test.use({ viewport: DESKTOP });
  test('every role does its part of May by clicking; June is created with the plan', async ({ page }) => {
    await runCycle(page, MAY, '50-thang-5');
  });
});

test.describe('June 2022 at 390 px', () => {
  test.use({ viewport: PHONE });
  test('every role does its part of June on a phone; July is created with the plan', async ({ page }) => {
    await runCycle(page, JUNE, '60-thang-6');
  });
});
