// The whole monthly cycle by clicking, as each role in turn: two divisions' reporters
// enter a figure and an item and submit their parts; the office submits the parts of
// the divisions that have no reporter account (they hand in on paper: the compiler's
// role may submit a part of a division under its unit, the server checks it), sees
// "Tổng hợp" blocked until every part is in, and compiles; the leader approves and
// issues; the issued report downloads as DOCX and PDF with its number inside.
import { execFileSync } from 'node:child_process';
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
  await submitPart(page, division);
  await logout(page);
}

/** Submits one division's part and waits until the parts table shows it submitted. */
async function submitPart(page: Page, division: string): Promise<void> {
  await page.getByRole('button', { name: `Nộp phần ${division}`, exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(`^${division} Đã nộp`) })).toBeVisible();
  await expect(page.getByRole('button', { name: `Nộp phần ${division}`, exact: true })).toHaveCount(0);
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
  // The server refuses to compile while parts are missing: the button says so.
  await expect(page.getByRole('button', { name: 'Tổng hợp' })).toBeDisabled();
  for (const division of ['Văn phòng Sở', 'Phòng Thông tin - Báo chí - Xuất bản', 'Trung tâm Công nghệ thông tin và Truyền thông']) {
    await submitPart(page, division);
  }
  await expect(page.getByRole('button', { name: /^Nộp phần / })).toHaveCount(0);
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
  const number = (await page.getByTestId('report-number').textContent()) ?? '';
  await screenshot(page, '13-bao-cao-da-ban-hanh');

  for (const [label, extension, magic] of [['Tải DOCX', '.docx', 'PK'], ['Tải PDF', '.pdf', '%PDF']] as const) {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: label }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    if (extension === '.docx') expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    if (extension === '.pdf') {
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain(number);
    }
  }
});
