// The XLSX data-entry form (biểu nhập số liệu): one sheet per org unit, one row per
// indicator and disaggregation (the total, the subtotals by each dimension, and the
// full combinations), last period's value beside the input cell.
//
// Layout of a sheet (columns H and I are hidden and carry the machine keys, so that
// import never depends on the labels a user may retype or sort):
//   row 1  title                                   H1 "baocao-form"   I1 form version
//   row 2  Đơn vị: …                               H2 org unit code   I2 period code
//   row 3  how to fill
//   row 4  Mã chỉ tiêu | Chỉ tiêu | Phân tổ | Đơn vị tính | Kỳ trước | Kỳ này | Ghi chú | (indicator) | (disagg key) | (attribute key) | (value type)
//   row 5… one row per (indicator, attribute options, disaggregation)
// Labels are locked (sheet protection without password), input cells are unlocked and
// carry data validation by the indicator's value type, with a Vietnamese message. The
// value type travels in a hidden column so the reader knows how to read each cell
// (a text "20.601" stays text; a number typed as text is read the Vietnamese way).
import type ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { DataValue } from '../core/data-value.ts';
import { disaggKey, parseDisaggKey } from '../core/indicator.ts';
import type { Catalogue, Indicator } from '../core/indicator.ts';
import { hasNumber, isIntegerType, isNumericType, storedValueText, toValueType, VALUE_TYPE_LABELS } from '../core/value-type.ts';
import type { ValueType } from '../core/value-type.ts';
import type { OrgUnit } from '../core/org-unit.ts';
import { formatPeriod, periodLabel, previousPeriod } from '../core/period.ts';
import type { Period } from '../core/period.ts';
import type { ImportConflict, ValueRow } from '../app/values/value-import.ts';
import { parseVietnameseNumberResult } from '../core/format.ts';
import type { LocatedValues } from './located-values.ts';
import { LegacyImportError } from './legacy-report/legacy-import-error.ts';
import type { ReaderLimits } from './legacy-report/legacy-import-error.ts';
import { assertZipWithinLimits } from './legacy-report/zip-entries.ts';
import { loadExcelJs } from './exceljs.ts';

export const FORM_MARKER = 'baocao-form';
/** 2: hidden attribute key and value type columns. Forms of version 1 are still read (numbers, no attributes). */
const FORM_VERSION = '2';
const HEADER_ROW = 4;
const FIRST_DATA_ROW = 5;
const COLUMN = { code: 1, name: 2, disagg: 3, unit: 4, previous: 5, value: 6, comment: 7, keyIndicator: 8, keyDisagg: 9, keyAttr: 10, valueType: 11 } as const;
const VALUE_LETTER = 'F';
const COMMENT_LETTER = 'G';
/** Above this many rows for one indicator, only the total and the full combinations are listed. */
const MAX_ROWS_PER_INDICATOR = 200;
const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const PLAIN_NUMBER = /^[+-]?\d+$/;

export interface WriteValuesFormOptions {
  readonly catalogue: Catalogue;
  readonly period: Period;
  /** One sheet each, in this order. */
  readonly units: readonly OrgUnit[];
  /** Stored values of the period (any of the units; others are ignored). */
  readonly values: readonly DataValue[];
  /** Stored values of the previous period, shown as "Kỳ trước". */
  readonly previousValues: readonly DataValue[];
  /** Indicator codes in form order (a template's order); the catalogue's order by default. Derived indicators are left out. */
  readonly indicators?: readonly string[];
}

/** "Kênh: Trực tuyến; Mức độ: Mức 3", or "Tổng số" for the total. */
export function disaggLabel(catalogue: Catalogue, key: string): string {
  if (key === '') return 'Tổng số';
  return Object.entries(parseDisaggKey(key)).map(([dimension, option]) => {
    const disaggregation = catalogue.disaggregation(dimension);
    const optionName = disaggregation?.options.find((o) => o.code === option)?.name ?? option;
    return `${disaggregation?.name ?? dimension}: ${optionName}`;
  }).join('; ');
}

/**
 * The keys a form lists for an indicator: the total, then every combination of a subset
 * of its dimensions (subtotals by one dimension, …, the full combinations), so a user
 * can enter the figures a report states, as the demo data stores them.
 */
export function formDisaggKeys(catalogue: Catalogue, indicator: Indicator): string[] {
  const dimensions = indicator.disaggregations
    .map((code) => catalogue.disaggregation(code))
    .filter((d): d is NonNullable<typeof d> => d !== undefined);
  let combos: Record<string, string>[] = [{}];
  for (const dimension of dimensions) {
    combos = combos.flatMap((combo) => [combo, ...dimension.options.map((option) => ({ ...combo, [dimension.code]: option.code }))]);
  }
  if (combos.length > MAX_ROWS_PER_INDICATOR) combos = combos.filter((c) => Object.keys(c).length === 0 || Object.keys(c).length === dimensions.length);
  // Fewer dimensions first: the total, subtotals, then the full breakdown.
  return combos
    .map((combo, order) => ({ key: disaggKey(combo), size: Object.keys(combo).length, order }))
    .sort((a, b) => a.size - b.size || a.order - b.order)
    .map((entry) => entry.key);
}

/** Indicator codes a template's text blocks mention, in reading order (derived ones bring their parts). */
export function indicatorsOfLiquid(texts: readonly string[], catalogue: Catalogue): string[] {
  const found: string[] = [];
  const add = (code: string) => {
    const indicator = catalogue.indicator(code);
    if (!indicator || found.includes(code)) return;
    if (indicator.kind === 'derived') {
      for (const match of (indicator.expression ?? '').matchAll(/#\{\s*([^}:\s]+)/g)) if (match[1]) add(match[1]);
    } else found.push(code);
  };
  for (const text of texts) {
    for (const match of text.matchAll(/[A-Za-z_][\w]*(?:\.[A-Za-z_0-9][\w]*)+/g)) add(match[0]);
  }
  return found;
}

export async function writeValuesForm({ catalogue, period, units, values, previousValues, indicators }: WriteValuesFormOptions): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'baocao';
  const codes = indicators ?? catalogue.indicators().map((i) => i.code);
  const list = codes.map((code) => catalogue.indicator(code)).filter((i): i is Indicator => i !== undefined && i.kind !== 'derived');
  const periodCode = formatPeriod(period);
  const previousCode = formatPeriod(previousPeriod(period));
  const usedNames = new Set<string>();
  for (const unit of units) {
    const sheet = workbook.addWorksheet(sheetName(unit.code, usedNames), { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }] });
    const current = indexValues(values.filter((v) => v.orgUnit === unit.code && v.period === periodCode));
    const previous = indexValues(previousValues.filter((v) => v.orgUnit === unit.code && v.period === previousCode));
    await fillSheet(sheet, { catalogue, unit, period, indicators: list, current, previous });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function indexValues(values: readonly DataValue[]): Map<string, DataValue> {
  return new Map(values.map((v) => [`${v.indicator}\u0000${v.disagg}\u0000${v.attr ?? ''}`, v]));
}

/** Every full combination of an indicator's attribute options ([''] without attributes). */
function attributeKeys(catalogue: Catalogue, indicator: Indicator): string[] {
  let combos: Record<string, string>[] = [{}];
  for (const code of indicator.attributes ?? []) {
    const dimension = catalogue.disaggregation(code);
    if (!dimension) continue;
    combos = combos.flatMap((combo) => dimension.options.map((option) => ({ ...combo, [code]: option.code })));
  }
  return combos.map(disaggKey);
}

/** What a cell shows of a stored value: the number, or the text of booleans, text and dates. */
function cellValue(value: DataValue | undefined, type: ValueType): string | number | boolean | null {
  if (!value) return null;
  if (type === 'BOOLEAN' || type === 'TRUE_ONLY') return value.value === 1;
  if (isNumericType(type)) return value.value;
  return storedValueText(value);
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetName(code: string, used: Set<string>): string {
  const base = code.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Trang';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)}~${n}`;
  used.add(name.toLowerCase());
  return name;
}

interface SheetInput {
  readonly catalogue: Catalogue;
  readonly unit: OrgUnit;
  readonly period: Period;
  readonly indicators: readonly Indicator[];
  readonly current: ReadonlyMap<string, DataValue>;
  readonly previous: ReadonlyMap<string, DataValue>;
}

async function fillSheet(sheet: Worksheet, { catalogue, unit, period, indicators, current, previous }: SheetInput): Promise<void> {
  sheet.columns = [
    { width: 26 }, { width: 50 }, { width: 32 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 30 },
    { width: 10, hidden: true }, { width: 10, hidden: true }, { width: 10, hidden: true }, { width: 10, hidden: true },
  ];
  sheet.getCell('A1').value = 'BIỂU NHẬP SỐ LIỆU';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `Đơn vị: ${unit.name} (${unit.code}) — Kỳ báo cáo: ${periodLabel(period)}`;
  sheet.getCell('A2').font = { bold: true };
  sheet.getCell('A3').value = 'Nhập số liệu vào cột "Kỳ này" (ô nền vàng), số không dùng dấu phân cách hàng nghìn; để trống nếu không có số liệu. Không sửa, không xóa các cột ẩn.';
  sheet.getCell('A3').font = { italic: true };
  sheet.getCell('H1').value = FORM_MARKER;
  sheet.getCell('I1').value = FORM_VERSION;
  sheet.getCell('H2').value = unit.code;
  sheet.getCell('I2').value = formatPeriod(period);
  const header = sheet.getRow(HEADER_ROW);
  header.values = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Phân tổ', 'Đơn vị tính', `Kỳ trước (${periodLabel(previousPeriod(period))})`, `Kỳ này (${periodLabel(period)})`, 'Ghi chú', 'mã chỉ tiêu', 'khóa phân tổ', 'khóa phân tổ thuộc tính', 'kiểu giá trị'];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (let c = COLUMN.code; c <= COLUMN.comment; c++) header.getCell(c).fill = HEADER_FILL;

  let r = FIRST_DATA_ROW;
  for (const indicator of indicators) {
    const keys = formDisaggKeys(catalogue, indicator);
    const attrs = attributeKeys(catalogue, indicator);
    const rowKeys = attrs.flatMap((attr) => keys.map((key) => ({ key, attr })));
    // A stored key the catalogue no longer lists still gets its row, so nothing stored is hidden.
    for (const stored of [...current.values(), ...previous.values()]) {
      if (stored.indicator === indicator.code && !rowKeys.some((k) => k.key === stored.disagg && k.attr === (stored.attr ?? ''))) rowKeys.push({ key: stored.disagg, attr: stored.attr ?? '' });
    }
    const type = indicator.valueType;
    for (const { key, attr } of rowKeys) {
      const row = sheet.getRow(r);
      const now = current.get(`${indicator.code}\u0000${key}\u0000${attr}`);
      const before = previous.get(`${indicator.code}\u0000${key}\u0000${attr}`);
      row.getCell(COLUMN.code).value = indicator.code;
      row.getCell(COLUMN.name).value = indicator.name;
      row.getCell(COLUMN.disagg).value = attr === '' ? disaggLabel(catalogue, key) : `${disaggLabel(catalogue, attr)} — ${disaggLabel(catalogue, key)}`;
      row.getCell(COLUMN.unit).value = indicator.unit;
      row.getCell(COLUMN.previous).value = cellValue(before, type);
      row.getCell(COLUMN.keyIndicator).value = indicator.code;
      row.getCell(COLUMN.keyDisagg).value = key;
      row.getCell(COLUMN.keyAttr).value = attr;
      row.getCell(COLUMN.valueType).value = type;
      const input = row.getCell(COLUMN.value);
      input.value = cellValue(now, type);
      input.protection = { locked: false };
      input.fill = INPUT_FILL;
      const validation = valueValidation(indicator);
      if (validation) input.dataValidation = validation;
      const comment = row.getCell(COLUMN.comment);
      comment.value = now?.comment ?? null;
      comment.protection = { locked: false };
      const format = isIntegerType(type) ? '#,##0' : hasNumber(type) ? '#,##0.######' : type === 'DATE' ? 'yyyy-mm-dd' : '@';
      row.getCell(COLUMN.previous).numFmt = format;
      input.numFmt = format;
      if (key !== '' || attr !== '') row.getCell(COLUMN.disagg).alignment = { indent: 1 };
      r++;
    }
  }
  // No password: the lock protects labels from slips, not from a determined user.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/** Excel's check of an input cell by value type; none for text and dates (the import checks them). */
function valueValidation(indicator: Indicator): ExcelJS.DataValidation | null {
  const type = indicator.valueType;
  const message = { showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Giá trị không hợp lệ', error: `Chỉ tiêu "${indicator.name}" nhận ${VALUE_TYPE_LABELS[type]} (${indicator.unit}).` };
  const bounds: Partial<Record<ValueType, [number, number]>> = {
    INTEGER_ZERO_OR_POSITIVE: [0, 1e15], INTEGER_POSITIVE: [1, 1e15], INTEGER_NEGATIVE: [-1e15, -1], INTEGER: [-1e15, 1e15],
    PERCENTAGE: [0, 100], UNIT_INTERVAL: [0, 1], NUMBER: [-1e307, 1e307],
  };
  const range = bounds[type];
  if (range) return { type: isIntegerType(type) ? 'whole' : 'decimal', operator: 'between', allowBlank: true, formulae: range, ...message };
  if (type === 'BOOLEAN') return { type: 'list', allowBlank: true, formulae: ['"TRUE,FALSE"'], ...message };
  if (type === 'TRUE_ONLY') return { type: 'list', allowBlank: true, formulae: ['"TRUE"'], ...message };
  return null;
}

// ---------------------------------------------------------------------------------
// Import

type CellReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'value'; readonly text: string; readonly notice?: string }
  | { readonly kind: 'problem'; readonly message: string };

/** Reads a filled form back as rows; every problem names the sheet, row and column. */
/**
 * exceljs inflates the whole ZIP in memory: a form is first inflated within these
 * limits, so a ZIP bomb is refused instead of exhausting the server. One sheet per
 * unit of a national subtree is a few thousand entries.
 */
export const FORM_ZIP_LIMITS: ReaderLimits = { maxFileBytes: 20 * 1024 * 1024, maxZipEntries: 10_000, maxInflatedBytes: 200 * 1024 * 1024 };

export async function parseValuesForm(bytes: Uint8Array, limits: ReaderLimits = FORM_ZIP_LIMITS): Promise<LocatedValues> {
  try {
    assertZipWithinLimits(bytes, limits, 'XLSX');
  } catch (error) {
    if (error instanceof LegacyImportError) return fatal(error.message);
    throw error;
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    // exceljs's own messages are English internals ("Cannot set properties of undefined").
    return fatal('Tệp XLSX bị hỏng hoặc không phải tệp Excel; hãy mở bằng Excel, lưu lại rồi nhập lại.');
  }
  const rows: ValueRow[] = [];
  const conflicts: ImportConflict[] = [];
  const notices: string[] = [];
  const places = new Map<number, string>();
  let index = 0;
  let forms = 0;
  for (const sheet of workbook.worksheets) {
    const where = `Trang '${sheet.name}'`;
    if (cellText(sheet.getCell('H1')) !== FORM_MARKER) {
      conflicts.push({ object: 'sheet', value: sheet.name, indexes: [], message: `${where} không phải biểu nhập của baocao (thiếu mã ẩn ở ô H1) nên không được đọc; hãy xóa trang này hoặc dùng biểu xuất từ baocao.` });
      continue;
    }
    forms++;
    const orgUnit = cellText(sheet.getCell('H2'));
    const period = cellText(sheet.getCell('I2'));
    if (orgUnit === '' || period === '') {
      conflicts.push({ object: 'sheet', value: sheet.name, indexes: [], message: `${where}: mất mã đơn vị (ô H2) hoặc mã kỳ (ô I2) ẩn; hãy xuất lại biểu.` });
      continue;
    }
    for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const valueCell = row.getCell(COLUMN.value);
      const commentCell = row.getCell(COLUMN.comment);
      const indicator = cellText(row.getCell(COLUMN.keyIndicator));
      const disagg = cellText(row.getCell(COLUMN.keyDisagg));
      const attr = cellText(row.getCell(COLUMN.keyAttr));
      // Forms of version 1 had no type column: their values are numbers.
      const type = toValueType(cellText(row.getCell(COLUMN.valueType))) ?? 'NUMBER';
      const at = (letter: string) => `${where}, dòng ${r}, cột ${letter}`;
      const reading = hasNumber(type) && type !== 'BOOLEAN' && type !== 'TRUE_ONLY' ? readNumberCell(valueCell) : readTypedCell(valueCell, type);
      const comment = commentCell.isMerged ? null : readText(commentCell);
      if (indicator === '') {
        if (reading.kind !== 'empty') {
          conflicts.push({ object: 'row', value: String(r), indexes: [], message: `${at(VALUE_LETTER)}: dòng không có mã ẩn của biểu (dòng thêm tay?) nên không biết là chỉ tiêu nào; hãy nhập vào đúng dòng của chỉ tiêu.` });
        }
        continue;
      }
      index++;
      places.set(index, at(VALUE_LETTER));
      if (commentCell.isMerged) {
        conflicts.push({ object: 'comment', value: '', indexes: [index], message: `${at(COMMENT_LETTER)}: ô ghi chú đã bị gộp (merge) với ô khác; hãy tách ô ra.` });
        continue;
      }
      if (reading.kind === 'empty') {
        if (comment) conflicts.push({ object: 'value', value: '', indexes: [index], message: `${at(VALUE_LETTER)}: có ghi chú nhưng chưa nhập giá trị.` });
        continue;
      }
      if (reading.kind === 'problem') {
        conflicts.push({ object: 'value', value: '', indexes: [index], message: `${at(VALUE_LETTER)}: ${reading.message}` });
        continue;
      }
      if (reading.notice) notices.push(`${at(VALUE_LETTER)}: ${reading.notice}`);
      rows.push({ index, indicator, period, orgUnit, disagg, ...(attr ? { attr } : {}), value: reading.text, comment, storedBy: null });
    }
  }
  if (forms === 0) return fatal('Tệp Excel không có trang biểu nhập nào của baocao (mã ẩn ở ô H1); hãy dùng biểu xuất bằng "baocao values export --format xlsx".');
  return { format: 'xlsx', rows, conflicts, fatal: false, places, notices };
}

function fatal(message: string): LocatedValues {
  return { format: 'xlsx', rows: [], conflicts: [{ object: 'xlsx', value: '', indexes: [], message }], fatal: true };
}

/** What an input cell holds, never guessed: formulas give their cached result, dates and merged cells are refused. */
function readNumberCell(cell: Cell): CellReading {
  if (cell.isMerged) return { kind: 'problem', message: 'ô đã bị gộp (merge) với ô khác nên không biết số thuộc dòng nào; hãy tách ô ra.' };
  const value: unknown = cell.value;
  return readValue(value, cell.numFmt ?? '');
}

function readValue(value: unknown, numFmt: string): CellReading {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) return dateProblem();
    return Number.isFinite(value) ? { kind: 'value', text: String(value) } : { kind: 'problem', message: 'ô chứa số không hợp lệ.' };
  }
  if (value instanceof Date) return dateProblem();
  if (typeof value === 'boolean') return { kind: 'problem', message: `ô chứa giá trị logic (${value ? 'TRUE' : 'FALSE'}), không phải số.` };
  if (typeof value === 'string') return readNumberText(value);
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('formula' in object || 'sharedFormula' in object) {
      const result = object.result;
      if (result === undefined || result === null) {
        return { kind: 'problem', message: 'ô chứa công thức chưa có kết quả đã tính (mở tệp bằng Excel, để Excel tính rồi lưu lại, hoặc nhập số thay cho công thức).' };
      }
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
        return { kind: 'problem', message: `công thức cho kết quả lỗi ${String((result as { error: unknown }).error)}.` };
      }
      return readValue(result, numFmt);
    }
    if ('error' in object) return { kind: 'problem', message: `ô chứa lỗi ${String(object.error)}.` };
    if (Array.isArray(object.richText)) return readNumberText(object.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join(''));
    if (typeof object.text === 'string') return readNumberText(object.text);
  }
  return { kind: 'problem', message: 'ô chứa dữ liệu không phải số.' };
}

/** A boolean, text or date cell, as text for the value check: TRUE/FALSE as true/false, a date as YYYY-MM-DD. */
function readTypedCell(cell: Cell, type: ValueType): CellReading {
  if (cell.isMerged) return { kind: 'problem', message: 'ô đã bị gộp (merge) với ô khác nên không biết giá trị thuộc dòng nào; hãy tách ô ra.' };
  let value: unknown = cell.value;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && 'result' in value) value = (value as { result: unknown }).result;
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'value', text: value ? 'true' : 'false' };
  if (value instanceof Date) return { kind: 'value', text: value.toISOString().slice(0, 10) };
  if (typeof value === 'number' && type === 'DATE') {
    // A number in a date cell is Excel's day number: days since 1899-12-30.
    return { kind: 'value', text: new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10) };
  }
  if (typeof value === 'object' && Array.isArray((value as { richText?: unknown }).richText)) {
    return { kind: 'value', text: ((value as { richText: { text?: unknown }[] }).richText).map((run) => String(run.text ?? '')).join('') };
  }
  const text = typeof value === 'string' ? value : cell.text;
  return text.trim() === '' ? { kind: 'empty' } : { kind: 'value', text };
}

function dateProblem(): CellReading {
  return { kind: 'problem', message: 'ô chứa ngày tháng (Excel lưu ngày dưới dạng số), không phải số liệu; hãy đổi định dạng ô về Số (Number) và nhập lại.' };
}

/** A number format that shows a date or time: d, m, y, h or s outside quoted text and [..] codes. */
function isDateFormat(numFmt: string): boolean {
  return /[dmyhs]/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').replace(/general/gi, ''));
}

/**
 * Text in a number cell is read the Vietnamese way, since that is how people here type:
 * "20.601" is 20601 and "77,2" is 77.2 (and the import says so); "1.5" is ambiguous and
 * refused; anything else is not a number.
 */
function readNumberText(raw: string): CellReading {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (PLAIN_NUMBER.test(text)) return { kind: 'value', text: String(Number(text)) };
  const parsed = parseVietnameseNumberResult(text);
  if (!parsed.ok) return { kind: 'problem', message: `ô chứa chữ "${text}" thay vì số: ${parsed.reason}` };
  return { kind: 'value', text: String(parsed.value), notice: `ô chứa chữ "${text}", đã đọc theo cách viết số của Việt Nam là ${String(parsed.value)}.` };
}

function readText(cell: Cell): string | null {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return null;
  const text = typeof value === 'object' && value !== null && Array.isArray((value as { richText?: unknown }).richText)
    ? ((value as { richText: { text?: unknown }[] }).richText).map((run) => String(run.text ?? '')).join('')
    : cell.text;
  return text.trim() === '' ? null : text.trim();
}

function cellText(cell: Cell): string {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? value : cell.text).trim();
}
