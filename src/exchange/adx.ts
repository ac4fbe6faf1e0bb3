// ADX (IHE Aggregate Data Exchange, urn:ihe:qrph:adx:2015), as DHIS2 reads and writes it:
//   <adx xmlns="urn:ihe:qrph:adx:2015" exported="2022-04-15T08:00:00Z">
//     <group orgUnit="stttt-travinh" period="2022-04-01/P1M" dataSet="stttt-monthly" completeDate="2022-04-15" mechanism="pepfar">
//       <dataValue dataElement="dvc.dossiers" channel="online" service_level="l4" value="2217" comment="…"/>
//       <dataValue dataElement="note" value="0"><annotation>Some text</annotation></dataValue>
//     </group>
//   </adx>
// Periods are ISO 8601 start/duration. A dataValue's attributes besides the ones DHIS2
// defines (dataElement, value, categoryOptionCombo, attributeOptionCombo, comment,
// storedBy, created, lastUpdated, followup, deleted) are its disaggregation, one per
// category (category code = option code); a group's attributes besides orgUnit,
// period, dataSet, completeDate, dataSetComplete and attributeOptionCombo are its
// attribute categories, or defaults (comment…) DHIS2 passes on to each value. The value
// of a non-numeric data element travels in <annotation> with value="0"; for a numeric
// one an annotation is read as its comment. Identifiers are codes by default (DHIS2's
// default for ADX). Whether a name is a known category is decided by the import, which
// refuses an unknown one per row.
import type { DataValue } from '../core/data-value.ts';
import { isXmlName, parseDisaggKey } from '../core/indicator.ts';
import { formatPeriod, periodStart, periodStartingOn, tryParsePeriod, weekday } from '../core/period.ts';
import type { Period, PeriodType } from '../core/period.ts';
import type { ImportConflict, ValueRow } from '../app/values/value-import.ts';
import type { LocatedValues } from './located-values.ts';
import { isNumericValue, OWN_CODES, valueText } from './value-codes.ts';
import type { ValueFileOptions } from './value-codes.ts';
import { escapeXml, parseXml } from './xml.ts';
import type { XmlElement } from './xml.ts';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

/** Group attributes with a meaning of their own. */
const GROUP_ATTRIBUTES = new Set(['orgUnit', 'period', 'dataSet', 'completeDate', 'dataSetComplete', 'attributeOptionCombo']);
/** Attributes DHIS2 defines on a data value; on a group they are defaults for its values (DHIS2 passes them on). */
const VALUE_FIELDS = new Set(['comment', 'storedBy', 'created', 'lastUpdated', 'followup', 'deleted']);
const VALUE_ATTRIBUTES = new Set(['dataElement', 'value', 'categoryOptionCombo', 'attributeOptionCombo', ...VALUE_FIELDS]);
/** Child elements of a data value: the annotation, and the time stamps DHIS2 may write as elements. */
const VALUE_CHILDREN = new Set(['annotation', 'created', 'lastUpdated']);

/** `2022-04` → `2022-04-01/P1M`; `2022W5` → `2022-01-31/P7D`; `2022April` → `2022-04-01/P1Y`. */
export function adxPeriod(period: Period): string {
  return `${periodStart(period)}/${durationOf(period)}`;
}

function durationOf(period: Period): string {
  switch (period.type) {
    case 'day': return 'P1D';
    case 'biweek': return 'P14D';
    case 'month': return 'P1M';
    case 'bimonth': return 'P2M';
    case 'quarter': return 'P3M';
    case 'half': case 'half-apr': return 'P6M';
    case 'year': case 'fy-apr': case 'fy-jul': case 'fy-oct': return 'P1Y';
    default: return 'P7D';
  }
}

/** Period types by ADX duration; the start date then picks one (a week by its weekday, a half by its month). */
const BY_DURATION: Readonly<Record<string, readonly PeriodType[]>> = {
  P1D: ['day'], P7D: ['week', 'week-wed', 'week-thu', 'week-sat', 'week-sun'], P14D: ['biweek'],
  P1M: ['month'], P2M: ['bimonth'], P3M: ['quarter'], P6M: ['half', 'half-apr'], P12M: ['year', 'fy-apr', 'fy-jul', 'fy-oct'], P1Y: ['year', 'fy-apr', 'fy-jul', 'fy-oct'],
};

/** Reads `2022-04-01/P1M` (any DHIS2 period type) as our period; a start that begins no period of that length is refused. */
export function parseAdxPeriod(text: string): { ok: true; period: Period } | { ok: false; problem: string } {
  const match = /^(\d{4}-\d{2}-\d{2})\/(P\d+[DMY])$/.exec(text.trim());
  const problem = `Kỳ ADX "${text}" không hợp lệ: cần ngày bắt đầu/độ dài theo ISO 8601, ví dụ 2022-04-01/P1M, 2022-04-01/P3M, 2022-01-01/P6M, 2022-01-01/P1Y, 2022-01-31/P7D, 2022-04-15/P1D.`;
  if (!match) return { ok: false, problem };
  const [, start = '', duration = ''] = match;
  const day = tryParsePeriod(start);
  if (!day.ok || day.period.type !== 'day') return { ok: false, problem };
  const types = BY_DURATION[duration];
  if (!types) return { ok: false, problem };
  for (const type of types) {
    const period = periodStartingOn(type, start);
    if (period) return { ok: true, period };
  }
  const what = duration === 'P7D' ? `tuần (bắt đầu thứ Hai, Tư, Năm, Bảy hoặc Chủ nhật; ngày này là thứ ${weekdayName(weekday(start))})` : `kỳ ${duration}`;
  return { ok: false, problem: `Kỳ ADX "${text}" không bắt đầu ở ngày đầu của một ${what}.` };
}

function weekdayName(day: number): string {
  return day === 7 ? 'Chủ nhật' : String(day + 1);
}

function fatal(message: string, value = ''): LocatedValues {
  return { format: 'adx', rows: [], conflicts: [{ object: 'adx', value, indexes: [], message }], fatal: true };
}

const isPlumbing = (name: string) => name === 'xmlns' || name.includes(':');

/** An ADX document as rows; each problem names its group and dataValue (1-based). */
export function parseAdx(source: string): LocatedValues {
  const xml = parseXml(source);
  if (!xml.ok) return fatal(`Tệp ADX sai cú pháp XML: ${xml.message}.`, `dòng ${xml.line}`);
  const root = xml.root;
  if (root.localName !== 'adx') return fatal(`Phần tử gốc của tệp ADX phải là <adx>, không phải <${root.name}>.`);
  const namespace = root.attributes.get(root.name.includes(':') ? `xmlns:${root.name.slice(0, root.name.indexOf(':'))}` : 'xmlns');
  if (namespace !== undefined && namespace !== ADX_NAMESPACE) {
    return fatal(`Tệp ADX có không gian tên "${namespace}", cần "${ADX_NAMESPACE}" (bản ADX chính thức của IHE năm 2015).`);
  }
  const rows: ValueRow[] = [];
  const conflicts: ImportConflict[] = [];
  const places = new Map<number, string>();
  const notices: string[] = [];
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
    const complete = group.attributes.get('completeDate') ?? group.attributes.get('dataSetComplete');
    const dataSet = group.attributes.get('dataSet');
    if (complete || dataSet) {
      notices.push(`${groupPlace} ghi ${dataSet ? `biểu (dataSet) "${dataSet}"` : ''}${dataSet && complete ? ', ' : ''}${complete ? `hoàn thành (${complete})` : ''}: baocao chỉ nhập số liệu; việc hoàn thành báo cáo theo quy trình duyệt của baocao.`);
    }
    const orgUnit = group.attributes.get('orgUnit')?.trim() ?? '';
    const period = groupPeriod(group);
    const groupDefaults = new Map<string, string>();
    const attrOptions: Record<string, string> = {};
    for (const [name, value] of group.attributes) {
      if (GROUP_ATTRIBUTES.has(name) || isPlumbing(name)) continue;
      if (VALUE_FIELDS.has(name)) groupDefaults.set(name, value);
      else attrOptions[name] = value;
    }
    values.forEach((dataValue, v) => {
      const rowIndex = firstIndex + v;
      const place = `${groupPlace}, dataValue ${v + 1} (dòng ${dataValue.line})`;
      places.set(rowIndex, place);
      const field = (name: string) => dataValue.attributes.get(name) ?? groupDefaults.get(name);
      const indicator = (dataValue.attributes.get('dataElement') ?? '').trim();
      if (indicator === '') {
        conflicts.push({ object: 'dataElement', value: '', indexes: [rowIndex], message: `${place}: thiếu thuộc tính dataElement.` });
        return;
      }
      const stray = dataValue.children.find((child) => !VALUE_CHILDREN.has(child.localName));
      if (stray) {
        conflicts.push({ object: stray.name, value: '', indexes: [rowIndex], message: `${place}: phần tử <${stray.name}> (dòng ${stray.line}) không thuộc định dạng ADX của DHIS2 nên số liệu này không được đọc.` });
        return;
      }
      const disaggOptions: Record<string, string> = {};
      for (const [name, option] of dataValue.attributes) {
        if (VALUE_ATTRIBUTES.has(name) || isPlumbing(name)) continue;
        disaggOptions[name] = option;
      }
      const annotation = dataValue.children.find((child) => child.localName === 'annotation');
      const deleted = field('deleted')?.trim().toLowerCase() === 'true';
      if (!dataValue.attributes.has('value') && !deleted) {
        conflicts.push({ object: 'value', value: '', indexes: [rowIndex], message: `${place}: thiếu thuộc tính value (để xóa số liệu đã lưu, ghi deleted="true").` });
        return;
      }
      const comment = field('comment');
      rows.push({
        index: rowIndex, indicator, period, orgUnit,
        disagg: dataValue.attributes.get('categoryOptionCombo')?.trim() ?? '',
        ...(Object.keys(disaggOptions).length > 0 && !dataValue.attributes.has('categoryOptionCombo') ? { disaggOptions } : {}),
        attr: (dataValue.attributes.get('attributeOptionCombo') ?? group.attributes.get('attributeOptionCombo') ?? '').trim(),
        ...(Object.keys(attrOptions).length > 0 && !group.attributes.has('attributeOptionCombo') ? { attrOptions } : {}),
        value: (dataValue.attributes.get('value') ?? '').trim(),
        ...(annotation ? { annotation: annotation.text } : {}),
        comment: comment === undefined || comment === '' ? null : comment,
        storedBy: field('storedBy')?.trim() || null,
        ...(field('followup')?.trim().toLowerCase() === 'true' ? { followup: true } : {}),
        ...(deleted ? { deleted } : {}),
      });
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
  return { format: 'adx', rows, conflicts, fatal: false, places, notices, defaultIdScheme: 'CODE' };
}

function checkGroup(group: XmlElement): { object: string; value: string; message: string } | null {
  const orgUnit = group.attributes.get('orgUnit')?.trim() ?? '';
  if (orgUnit === '') return { object: 'orgUnit', value: '', message: 'thiếu thuộc tính orgUnit (mã đơn vị).' };
  const period = group.attributes.get('period')?.trim() ?? '';
  if (period === '') return { object: 'period', value: '', message: 'thiếu thuộc tính period (kỳ báo cáo, ví dụ 2022-04-01/P1M).' };
  const parsed = parseAdxPeriod(period);
  if (!parsed.ok) return { object: 'period', value: period, message: parsed.problem };
  return null;
}

function groupPeriod(group: XmlElement): string {
  const parsed = parseAdxPeriod(group.attributes.get('period') ?? '');
  return parsed.ok ? formatPeriod(parsed.period) : '';
}

/** Names that cannot be written as XML attribute names: the export refuses them before writing. */
export function invalidAdxNames(values: readonly DataValue[], options: ValueFileOptions = {}): string[] {
  const ids = options.ids ?? OWN_CODES;
  const bad = new Set<string>();
  for (const value of values) {
    for (const key of [value.disagg, value.attr ?? '']) {
      for (const dimension of Object.keys(parseDisaggKey(key))) {
        const name = ids.dimension(dimension);
        if (!isXmlName(name) || VALUE_ATTRIBUTES.has(name) || GROUP_ATTRIBUTES.has(name)) bad.add(name);
      }
    }
  }
  return [...bad];
}

/**
 * One <group> per (org unit, period, attribute options), in the order values come;
 * disaggregations and attribute options as attributes named by category. Numbers are
 * written in plain notation (xs:decimal); a non-numeric value as DHIS2 writes it,
 * value="0" and the text in <annotation>; comments as DHIS2 reads them, in `comment`.
 */
export function serializeAdx(values: readonly DataValue[], options: ValueFileOptions = {}): string {
  const ids = options.ids ?? OWN_CODES;
  const groups = new Map<string, DataValue[]>();
  for (const value of values) {
    const key = `${value.orgUnit}\u0000${value.period}\u0000${value.attr ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
  }
  const options2 = (key: string) => Object.entries(parseDisaggKey(key)).map(([dimension, option]) => ` ${ids.dimension(dimension)}="${escapeXml(ids.option(dimension, option))}"`).join('');
  const exported = options.exported ?? new Date().toISOString();
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<adx xmlns="${ADX_NAMESPACE}" exported="${escapeXml(exported)}">`];
  for (const list of groups.values()) {
    const first = list[0];
    if (!first) continue;
    const parsed = tryParsePeriod(first.period);
    const period = parsed.ok ? adxPeriod(parsed.period) : first.period;
    const header = options.header?.(first.orgUnit, first.period) ?? {};
    const dataSet = header.dataSet ? ` dataSet="${escapeXml(header.dataSet)}"` : '';
    const completeDate = header.completeDate ? ` completeDate="${escapeXml(header.completeDate)}"` : '';
    lines.push(`  <group orgUnit="${escapeXml(ids.orgUnit(first.orgUnit))}" period="${escapeXml(period)}"${dataSet}${completeDate}${options2(first.attr ?? '')}>`);
    for (const value of list) {
      const numeric = isNumericValue(value, options);
      const comment = value.comment ? ` comment="${escapeXml(value.comment)}"` : '';
      const followup = value.followup ? ' followup="true"' : '';
      const start = `    <dataValue dataElement="${escapeXml(ids.indicator(value.indicator))}"${options2(value.disagg)} value="${numeric ? valueText(value) : '0'}"${comment}${followup}`;
      lines.push(numeric ? `${start}/>` : `${start}>\n      <annotation>${escapeXml(valueText(value))}</annotation>\n    </dataValue>`);
    }
    lines.push('  </group>');
  }
  lines.push('</adx>');
  return lines.join('\n') + '\n';
}
