// Two people edit the same figure: the second save does not overwrite the first; it
// shows both values and lets the user choose.
import { expect, test } from '@playwright/test';
import { at, login, screenshot } from './support/pages.ts';

const CELL = 'Cảnh báo sự cố an toàn thông tin tiếp nhận: Tổng';

test('a stale save shows what changed instead of overwriting', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await login(a, 'vanphong');
  await login(b, 'vanphong');
  await a.goto(at('/nhap-so-lieu'));
  await b.goto(at('/nhap-so-lieu'));
  await expect(a.getByLabel(CELL, { exact: true })).toHaveValue('14');
  await expect(b.getByLabel(CELL, { exact: true })).toHaveValue('14');

  // Vietnamese input: "1.234" is one thousand two hundred thirty-four; Enter moves on.
  await a.getByLabel(CELL, { exact: true }).fill('1.234');
  await a.getByLabel(CELL, { exact: true }).press('Enter');
  await expect(a.getByLabel(CELL, { exact: true })).not.toBeFocused();
  await a.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(a.getByText(/Đã lưu 1 số liệu/)).toBeVisible();

  await b.getByLabel(CELL, { exact: true }).fill('15');
  await b.getByRole('button', { name: 'Lưu số liệu' }).click();
  const dialog = b.getByRole('dialog');
  await expect(dialog).toContainText('Số liệu đã được người khác thay đổi');
  await expect(dialog).toContainText('1.234');
  await expect(dialog).toContainText('15');
  await screenshot(b, '11-xung-dot-khi-luu');

  // Nothing was overwritten: the server still has the first save.
  const stored = await b.request.get('/api/values?org=stttt-travinh&period=2022-04');
  const body = (await stored.json()) as { dataValues: { dataElement: string; categoryOptionCombo: string; value: string }[] };
  expect(body.dataValues.find((v) => v.dataElement === 'attt.alerts' && v.categoryOptionCombo === 'default')?.value).toBe('1234');

  await dialog.getByRole('button', { name: 'Lấy số liệu mới (bỏ số của tôi)' }).click();
  await expect(b.getByLabel(CELL, { exact: true })).toHaveValue('1.234');
  // Put the demo figure back for the monthly cycle that follows.
  await b.getByLabel(CELL, { exact: true }).fill('14');
  await b.getByRole('button', { name: 'Lưu số liệu' }).click();
  await expect(b.getByText(/Đã lưu 1 số liệu/)).toBeVisible();
  await first.close();
  await second.close();
});
