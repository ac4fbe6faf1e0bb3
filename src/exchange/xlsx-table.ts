// Indicator tables for analysis (bảng chỉ tiêu): stored values laid out indicator ×
// unit × period in one sheet ("Bảng chỉ tiêu", a column per unit and period under a
// merged unit heading), and the same values as a flat list ("Dữ liệu") that a pivot
// table or a filter can use directly.
import type { DataValue } from '../core/data-value.ts';
import type { Catalogue } from '../core/indicator.ts';
import type { OrgUnit } from '../core/org-unit.ts';
import { formatPeriod, offsetPeriod, periodLabel, tryParsePeriod } from '../core/period.ts';
import type { Period } from '../core/period.ts';
import { isIntegerType, storedValueText } from '../core/value-type.ts';
import { disaggLabel } from './xlsx-form.ts';
import { loadExcelJs } from './exceljs.ts';

const MAX_PERIODS = 60;
const FIRST_VALUE_COLUMN = 5;

/** `2022-01..2022-04` (or one period) as the list of periods, same type, in order. */
export function expandPeriodRange(text: string): { ok: true; periods: Period[] } | { ok: false; problem: string } {
  const [fromText = '', toText = fromText, ...rest] = text.split('..');
  const from = tryParsePeriod(fromText);
  const to = tryParsePeriod(toText);
  if (rest.length > 0 || !from.ok || !to.ok) return { ok: false, problem: `Khoảng kỳ "${text}" không hợp lệ: viết KỲ hoặc KỲ_ĐẦU..KỲ_CUỐI, ví dụ 2022-01..2022-04.` };
  if (from.period.type !== to.period.type) return { ok: false, problem: `Khoảng kỳ "${text}": hai đầu phải cùng loại kỳ (tháng với tháng, quý với quý).` };
  const ordinal = (p: Period) => p.year * 100 + p.index;
  if (ordinal(from.period) > ordinal(to.period)) return { ok: false, problem: `Khoảng kỳ "${text}": kỳ đầu phải trước kỳ cuối.` };
  const periods: Period[] = [from.period];
  for (let p = from.period; ordinal(p) < ordinal(to.period);) {
    if (periods.length >= MAX_PERIODS) return { ok: false, problem: `Khoảng kỳ "${text}" quá dài (tối đa ${MAX_PERIODS} kỳ).` };
    p = offsetPeriod(p, 1);
    periods.push(p);
  }
  return { ok: true, periods };
}

export interface WriteIndicatorTableOptions {
  readonly catalogue: Catalogue;
  readonly units: readonly OrgUnit[];
  readonly periods: readonly Period[];
  readonly values: readonly DataValue[];
}

export async function writeIndicatorTable({ catalogue, units, periods, values }: WriteIndicatorTableOptions): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'baocao';
  const periodCodes = periods.map(formatPeriod);
  const unitCodes = units.map((u) => u.code);
  const wanted = values.filter((v) => periodCodes.includes(v.period) && unitCodes.includes(v.orgUnit));
  // Values of different attribute options are summed in a cell; text values are shown as text.
  const byCell = new Map<string, number | string | null>();
  for (const v of wanted) {
    const key = `${v.indicator}\u0000${v.disagg}\u0000${v.orgUnit}\u0000${v.period}`;
    const shown = v.value !== null && (v.text === undefined || v.text === null) ? v.value : storedValueText(v);
    const before = byCell.get(key);
    byCell.set(key, typeof before === 'number' && typeof shown === 'number' ? before + shown : before === undefined ? shown : before);
  }
  // Rows: each (indicator, disaggregation) that has a value, in catalogue order, the total first.
  const order = new Map(catalogue.indicators().map((indicator, i) => [indicator.code, i]));
  const rowKeys = [...new Set(wanted.map((v) => `${v.indicator}\u0000${v.disagg}`))]
    .map((key) => key.split('\u0000') as [string, string])
    .sort(([ia, da], [ib, db]) => (order.get(ia) ?? Infinity) - (order.get(ib) ?? Infinity) || (ia < ib ? -1 : ia > ib ? 1 : 0) || (da === '' ? -1 : db === '' ? 1 : da < db ? -1 : da > db ? 1 : 0));

  const table = workbook.addWorksheet('Bảng chỉ tiêu', { views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }] });
  table.getCell('A1').value = `BẢNG CHỈ TIÊU: ${periods.length === 1 ? periodLabel(periods[0]!) : `từ ${periodLabel(periods[0]!)} đến ${periodLabel(periods.at(-1)!)}`}`;
  table.getCell('A1').font = { bold: true, size: 14 };
  table.getCell('A2').value = 'Số liệu đã lưu của từng đơn vị (không cộng dồn cây đơn vị, không tính chỉ tiêu tính toán).';
  table.getCell('A2').font = { italic: true };
  table.columns = [{ width: 26 }, { width: 46 }, { width: 30 }, { width: 12 }, ...units.flatMap(() => periods.map(() => ({ width: 16 })))];
  const headings = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Phân tổ', 'Đơn vị tính'];
  headings.forEach((text, i) => {
    table.mergeCells(3, i + 1, 4, i + 1);
    table.getCell(3, i + 1).value = text;
  });
  units.forEach((unit, u) => {
    const first = FIRST_VALUE_COLUMN + u * periods.length;
    if (periods.length > 1) table.mergeCells(3, first, 3, first + periods.length - 1);
    table.getCell(3, first).value = unit.shortName ?? unit.name;
    periods.forEach((period, p) => { table.getCell(4, first + p).value = periodLabel(period); });
  });
  for (const r of [3, 4]) {
    const row = table.getRow(r);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  rowKeys.forEach(([code, key], i) => {
    const indicator = catalogue.indicator(code);
    const row = table.getRow(5 + i);
    row.getCell(1).value = code;
    row.getCell(2).value = indicator?.name ?? code;
    row.getCell(3).value = disaggLabel(catalogue, key);
    row.getCell(4).value = indicator?.unit ?? '';
    units.forEach((unit, u) => periodCodes.forEach((period, p) => {
      const cell = row.getCell(FIRST_VALUE_COLUMN + u * periods.length + p);
      cell.value = byCell.get(`${code}\u0000${key}\u0000${unit.code}\u0000${period}`) ?? null;
      cell.numFmt = indicator && isIntegerType(indicator.valueType) ? '#,##0' : '#,##0.######';
    }));
  });

  const flat = workbook.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  flat.columns = [
    { header: 'Mã chỉ tiêu', width: 26 }, { header: 'Chỉ tiêu', width: 46 }, { header: 'Khóa phân tổ', width: 30 }, { header: 'Phân tổ', width: 30 },
    { header: 'Mã đơn vị', width: 20 }, { header: 'Đơn vị', width: 30 }, { header: 'Kỳ', width: 10 }, { header: 'Giá trị', width: 14 }, { header: 'Ghi chú', width: 30 },
  ];
  flat.getRow(1).font = { bold: true };
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  for (const v of wanted) {
    const disagg = v.attr ? `${v.attr} | ${v.disagg}` : v.disagg;
    const label = v.attr ? `${disaggLabel(catalogue, v.attr)} — ${disaggLabel(catalogue, v.disagg)}` : disaggLabel(catalogue, v.disagg);
    flat.addRow([v.indicator, catalogue.indicator(v.indicator)?.name ?? v.indicator, disagg, label, v.orgUnit, unitByCode.get(v.orgUnit)?.name ?? v.orgUnit, v.period, v.text ?? v.value, v.comment ?? null]);
  }
  flat.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 9 } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
