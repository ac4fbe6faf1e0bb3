// Opening and saving workbooks in tests, and finding a form row by its hidden keys.
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The sheet row of (indicator, disaggregation key), found by the hidden key columns H and I. */
export function formRowOf(sheet: Worksheet, indicator: string, key = ''): number {
  for (let r = 5; r <= sheet.rowCount; r++) {
    if (sheet.getCell(r, 8).value === indicator && (sheet.getCell(r, 9).value ?? '') === key) return r;
  }
  throw new Error(`no form row for ${indicator} ${key}`);
}
