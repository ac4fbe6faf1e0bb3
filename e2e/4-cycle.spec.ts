// The whole monthly cycle by clicking, as each role in turn: two divisions' reporters
// enter a figure and an item and submit their parts; the office submits the parts
// handed in on paper and compiles; the leader approves and issues; the issued report
// downloads as DOCX and PDF.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { at, login, logout, screenshot } from './support/pages.ts';

async function enterAndSubmit(page: Page, user: string, division: string, cell: string, value: string, section?: string, item?: string): Promise<void> {
  await login(page, user);
  await page.goto(at('/nhap-so-lieu'));
  await page.getByLabel(cell, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(page.getByText(/Đã lưu \d+ số liệu/)).toBeVisible();

  if (section && item) await addItem(page, section, item);

  await page.goto(at('/bao-cao'));
  await page.getByRole('button', { name: `Nộp phần ${division}` }).click();
  await expect(page.getByText(/Đã thực hiện: Nộp/)).toBeVisible();
  await logout(page);
}

async function addItem(page: Page, section: string, item: string): Promise<void> {
  await page.goto(at('/noi-dung'));
  // The list is long (virtual): search it as a user would.
  await page.getByLabel('Mục', { exact: true }).click();
  await page.keyboard.type(section);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Mục', { exact: true }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(section);
  await page.getByRole('button', { name: 'Thêm nội dung' }).click();
  await page.getByRole('dialog').getByLabel('Nội dung').fill(item);
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('cell', { name: item })).toBeVisible();
}

test('reporters submit, the office compiles, the leader approves and issues; DOCX and PDF download', async ({ page }) => {
  await enterAndSubmit(page, 'bcvt', 'Phòng Bưu chính, Viễn thông và Công nghệ thông tin', 'Chứng thư số cấp mới: Tổng', '13',
    'Lĩnh vực bưu chính', 'Kiểm tra hoạt động của 05 điểm phục vụ bưu chính công ích.');
  // The inspectorate's section is all figures (no items block in the template).
  await enterAndSubmit(page, 'thanhtra', 'Thanh tra Sở', 'Đơn khiếu nại mới tiếp nhận: Tổng', '0');

  await login(page, 'vanphong');
  await page.goto(at('/bao-cao'));
  for (let i = 0; i < 5; i += 1) {
    const submit = page.getByRole('button', { name: /^Nộp phần / });
    if ((await submit.count()) === 0) break;
    await submit.first().click();
    await expect(page.getByText(/Đã thực hiện: Nộp/).last()).toBeVisible();
  }
  await page.getByRole('button', { name: 'Tổng hợp' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Đã tổng hợp');
  await screenshot(page, '12-bao-cao-da-tong-hop');
  await logout(page);

  await login(page, 'lanhdao');
  await page.goto(at('/bao-cao'));
  await page.getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Đã phê duyệt');
  await page.getByRole('button', { name: 'Ban hành' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Đã ban hành');
  await expect(page.getByTestId('report-number')).toHaveText(/^\d{2}\/BC-STTTT$/);
  await screenshot(page, '13-bao-cao-da-ban-hanh');

  for (const [label, extension, magic] of [['Tải DOCX', '.docx', 'PK'], ['Tải PDF', '.pdf', '%PDF']] as const) {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: label }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
    const file = await download.path();
    expect(readFileSync(file).subarray(0, magic.length).toString('latin1')).toBe(magic);
  }
});
