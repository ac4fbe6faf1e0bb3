// ADX (IHE Aggregate Data Exchange, urn:ihe:qrph:adx:2015) with idScheme code:
//   <adx xmlns="urn:ihe:qrph:adx:2015" exported="2022-04-15T08:00:00Z">
//     <group orgUnit="stttt-travinh" period="2022-04-01/P1M" dataSet="stttt-monthly">
//       <dataValue dataElement="dvc.dossiers" channel="online" service_level="l4" value="2217"/>
//     </group>
//   </adx>
// Periods are ISO 8601 start/duration; every attribute of a dataValue other than
// dataElement and value is a disaggregation (dimension code = option code). A comment
// travels as the dataValue's <annotation>, as DHIS2 does.
import type { DataValue } from '../core/data-value.ts';
import { disaggKey } from '../core/indicator.ts';
import { formatPeriod, periodStart, tryParsePeriod } from '../core/period.ts';
import type { Period, PeriodType } from '../core/period.ts';
import type { ImportConflict, ValueRow } from '../app/values/value-import.ts';
import type { LocatedValues } from './located-values.ts';
import { escapeXml, parseXml } from './xml.ts';
import type { XmlElement } from './xml.ts';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

const DURATION: Readonly<Record<PeriodType, string>> = { month: 'P1M', quarter: 'P3M', half: 'P6M', year: 'P1Y' };
const MONTHS: Readonly<Record<string, PeriodType>> = { 1: 'month', 3: 'quarter', 6: 'half', 12: 'year' };
/** Group attributes with a meaning; any other would be a DHIS2 attribute option combo, which baocao has not. */
const GROUP_ATTRIBUTES = new Set(['orgUnit', 'period', 'dataSet', 'completeDate']);
const VALUE_ATTRIBUTES = new Set(['dataElement', 'value']);

/** `2022-04` → `2022-04-01/P1M`; `2022-Q2` → `2022-04-01/P3M`; `2022` → `2022-01-01/P1Y`. */
export function adxPeriod(period: Period): string {
  return `${periodStart(period)}/${DURATION[period.type]}`;
}

/** Reads `2022-04-01/P1M` (also P3M, P6M, P1Y, P12M) as our period; a start off the period's first day is refused. */
export function parseAdxPeriod(text: string): { ok: true; period: Period } | { ok: false; problem: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})\/P(\d+)([MY])$/.exec(text.trim());
  const problem = `Kỳ ADX "${text}" không hợp lệ: cần ngày bắt đầu/độ dài theo ISO 8601, ví dụ 2022-04-01/P1M, 2022-04-01/P3M, 2022-01-01/P6M, 2022-01-01/P1Y.`;
  if (!match) return { ok: false, problem };
  const [, yearText, monthText, dayText, countText, unit] = match as unknown as [string, string, string, string, string, string];
  const year = Number(yearText), month = Number(monthText), count = Number(countText);
  const type = MONTHS[unit === 'Y' ? count * 12 : count];
  if (!type || dayText !== '01') return { ok: false, problem };
  const size = { month: 1, quarter: 3, half: 6, year: 12 }[type];
  if ((month - 1) % size !== 0) {
    return { ok: false, problem: `Kỳ ADX "${text}" không bắt đầu ở tháng đầu của ${type === 'quarter' ? 'quý' : type === 'half' ? 'nửa năm' : 'năm'}.` };
  }
  const code = type === 'month' ? `${year}-${monthText}` : type === 'quarter' ? `${year}-Q${(month - 1) / 3 + 1}` : type === 'half' ? `${year}-H${(month - 1) / 6 + 1}` : `${year}`;
  const parsed = tryParsePeriod(code);
  return parsed.ok ? { ok: true, period: parsed.period } : { ok: false, problem };
}

function fatal(message: string, value = ''): LocatedValues {
  return { format: 'adx', rows: [], conflicts: [{ object: 'adx', value, indexes: [], message }], fatal: true };
}

/** An ADX document as rows; each problem names its group and dataValue (1-based). */
export function parseAdx(source: string): LocatedValues {
  const xml = parseXml(source);
  if (!xml.ok) return fatal(`Tệp ADX sai cú pháp XML: ${xml.message}.`, `dòng ${xml.line}`);
  const root = xml.root;
  if (root.localName !== 'adx') return fatal(`Phần tử gốc của tệp ADX phải là <adx>, không phải <${root.name}>.`);
  const namespace = root.attributes.get(root.name.includes(':') ? `xmlns:${root.name.slice(0, root.name.indexOf(':'))}` : 'xmlns');
  if (namespace !== undefined && namespace !== ADX_NAMESPACE) {
    return fatal(`Tệp ADX có không gian tên "${namespace}", cần "${ADX_NAMESPACE}".`);
  }
  const rows: ValueRow[] = [];
  const conflicts: ImportConflict[] = [];
  const places = new Map<number, string>();
  let index = 0;
  const groups = root.children.filter((child) => child.localName === 'group');
  groups.forEach((group, g) => {
    const groupPlace = `Nhóm ${g + 1} (dòng ${group.line})`;
    const values = group.children.filter((child) => child.localName === 'dataValue');
    const firstIndex = index + 1;
    index += values.length;
    const allIndexes = values.map((_, i) => firstIndex + i);
    const groupProblem = checkGroup(group);
    if (groupProblem) {
      conflicts.push({ object: groupProblem.object, value: groupProblem.value, indexes: allIndexes, message: `${groupPlace}: ${groupProblem.message}` });
      return;
    }
    const orgUnit = group.attributes.get('orgUnit') ?? '';
    const period = groupPeriod(group);
    values.forEach((dataValue, v) => {
      const rowIndex = firstIndex + v;
      const place = `${groupPlace}, dataValue ${v + 1} (dòng ${dataValue.line})`;
      places.set(rowIndex, place);
      const indicator = (dataValue.attributes.get('dataElement') ?? '').trim();
      const value = (dataValue.attributes.get('value') ?? '').trim();
      if (indicator === '' || value === '') {
        const missing = indicator === '' ? 'dataElement' : 'value';
        conflicts.push({ object: missing, value: '', indexes: [rowIndex], message: `${place}: thiếu thuộc tính ${missing}.` });
        return;
      }
      const options: Record<string, string> = {};
      for (const [name, option] of dataValue.attributes) {
        if (VALUE_ATTRIBUTES.has(name) || name === 'xmlns' || name.includes(':')) continue;
        options[name] = option.trim();
      }
      const annotation = dataValue.children.find((child) => child.localName === 'annotation')?.text.trim() ?? '';
      rows.push({ index: rowIndex, indicator, period, orgUnit, disagg: disaggKey(options), value, comment: annotation === '' ? null : annotation, storedBy: null });
    });
  });
  if (groups.length === 0) return fatal('Tệp ADX không có nhóm <group> nào.');
  // Nothing is dropped silently: an element ADX does not define is reported.
  const stray = [
    ...root.children.filter((child) => child.localName !== 'group'),
    ...groups.flatMap((group) => group.children.filter((child) => child.localName !== 'dataValue')),
  ];
  for (const element of stray) {
    conflicts.push({ object: element.name, value: '', indexes: [], message: `Phần tử <${element.name}> ở dòng ${element.line} không thuộc định dạng ADX nên không được đọc.` });
  }
  return { format: 'adx', rows, conflicts, fatal: false, places };
}

function checkGroup(group: XmlElement): { object: string; value: string; message: string } | null {
  const orgUnit = group.attributes.get('orgUnit')?.trim() ?? '';
  if (orgUnit === '') return { object: 'orgUnit', value: '', message: 'thiếu thuộc tính orgUnit (mã đơn vị).' };
  const period = group.attributes.get('period')?.trim() ?? '';
  if (period === '') return { object: 'period', value: '', message: 'thiếu thuộc tính period (kỳ báo cáo, ví dụ 2022-04-01/P1M).' };
  const parsed = parseAdxPeriod(period);
  if (!parsed.ok) return { object: 'period', value: period, message: parsed.problem };
  for (const name of group.attributes.keys()) {
    if (GROUP_ATTRIBUTES.has(name) || name === 'xmlns' || name.includes(':')) continue;
    return { object: name, value: group.attributes.get(name) ?? '', message: `thuộc tính "${name}" của nhóm (phân tổ thuộc tính của DHIS2) chưa được hỗ trợ; hãy chuyển nó vào từng dataValue.` };
  }
  return null;
}

function groupPeriod(group: XmlElement): string {
  const parsed = parseAdxPeriod(group.attributes.get('period') ?? '');
  return parsed.ok ? formatPeriod(parsed.period) : '';
}

export interface AdxHeader {
  readonly dataSet?: string;
  /** ISO instant written as `exported`; now by default. */
  readonly exported?: string;
}

/** One <group> per (org unit, period), in the order values come; disaggregations as attributes. */
export function serializeAdx(values: readonly DataValue[], header: AdxHeader = {}): string {
  const groups = new Map<string, DataValue[]>();
  for (const value of values) {
    const key = `${value.orgUnit}\u0000${value.period}`;
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
  }
  const exported = header.exported ?? new Date().toISOString();
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<adx xmlns="${ADX_NAMESPACE}" exported="${escapeXml(exported)}">`];
  for (const list of groups.values()) {
    const first = list[0];
    if (!first) continue;
    const parsed = tryParsePeriod(first.period);
    const period = parsed.ok ? adxPeriod(parsed.period) : first.period;
    const dataSet = header.dataSet ? ` dataSet="${escapeXml(header.dataSet)}"` : '';
    lines.push(`  <group orgUnit="${escapeXml(first.orgUnit)}" period="${escapeXml(period)}"${dataSet}>`);
    for (const value of list) {
      const disaggregations = value.disagg === '' ? '' : value.disagg.split(';').map((pair) => {
        const at = pair.indexOf('=');
        return ` ${pair.slice(0, at)}="${escapeXml(pair.slice(at + 1))}"`;
      }).join('');
      const start = `    <dataValue dataElement="${escapeXml(value.indicator)}"${disaggregations} value="${String(value.value)}"`;
      lines.push(value.comment ? `${start}>\n      <annotation>${escapeXml(value.comment)}</annotation>\n    </dataValue>` : `${start}/>`);
    }
    lines.push('  </group>');
  }
  lines.push('</adx>');
  return lines.join('\n') + '\n';
}
