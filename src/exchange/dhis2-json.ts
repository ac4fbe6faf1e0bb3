// DHIS2 dataValueSets JSON:
//   {"dataSet":"pBOMPrpg1QX","completeDate":"2014-02-03","period":"201401","orgUnit":"DiszpKrYNg8",
//    "attributeOptionCombo":"HllvX50cXC0", "dataElementIdScheme":"CODE",
//    "dataValues":[{"dataElement":"f7n9E0hX8qk","categoryOptionCombo":"default","value":"12",
//                   "comment":"…","storedBy":"…","lastUpdated":"…","followup":false,"deleted":false}]}
// Top-level period, orgUnit and attributeOptionCombo are defaults that each data value
// may override; id schemes in the file win over the request's (DHIS2's precedence). A
// value that is missing, null or "" (or `deleted: true`) deletes the stored value.
// Every field DHIS2 writes is read; one baocao does not keep is named in a notice.
import type { DataValue } from '../core/data-value.ts';
import { ID_SCHEME_PARAMETERS, toIdScheme } from '../core/dhis2-ids.ts';
import type { IdScheme, IdSchemes } from '../core/dhis2-ids.ts';
import type { ImportConflict, ValueRow } from '../app/values/value-import.ts';
import type { LocatedValues } from './located-values.ts';
import { dhis2Period, OWN_CODES, valueText } from './value-codes.ts';
import type { ValueFileOptions } from './value-codes.ts';

type Json = Record<string, unknown>;

/** Fields of a dataValueSet; the id schemes are read apart. */
const SET_FIELDS = new Set(['dataSet', 'completeDate', 'period', 'orgUnit', 'attributeOptionCombo', 'dataValues', ...ID_SCHEME_PARAMETERS]);
/** Fields DHIS2 writes on a data value that baocao reads but keeps its own of (its time stamps). */
const ACCEPTED_VALUE_FIELDS = new Set(['created', 'lastUpdated']);
const VALUE_FIELDS = new Set([
  'dataElement', 'period', 'orgUnit', 'categoryOptionCombo', 'attributeOptionCombo', 'value', 'comment', 'storedBy', 'followup', 'deleted', ...ACCEPTED_VALUE_FIELDS,
]);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON scalar as text: DHIS2 writes values as strings, but numbers are common too. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** DHIS2 writes booleans as JSON booleans; "true" as text is read too. */
function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return undefined;
}

/** "dòng 3, cột 14" from the position V8 puts in JSON.parse's message. */
function whereInJson(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : source.length;
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `dòng ${line}, cột ${column}`;
}

function fatal(conflict: ImportConflict): LocatedValues {
  return { format: 'json', rows: [], conflicts: [conflict], fatal: true };
}

export function parseDataValueSetJson(source: string): LocatedValues {
  let document: unknown;
  try {
    document = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch (error) {
    const where = whereInJson(source, error);
    return fatal({ object: 'json', value: where, indexes: [], message: `Tệp JSON sai cú pháp ở ${where}.` });
  }
  if (!isObject(document) || !Array.isArray(document.dataValues)) {
    return fatal({ object: 'dataValues', value: '', indexes: [], message: 'Tệp JSON phải là một đối tượng dataValueSet có mảng "dataValues".' });
  }
  const idSchemes: Partial<Record<keyof IdSchemes, IdScheme>> = {};
  for (const key of ID_SCHEME_PARAMETERS) {
    const written = text(document[key]);
    if (written === undefined) continue;
    const scheme = toIdScheme(written);
    if (!scheme.ok) return fatal({ object: key, value: written, indexes: [], message: `${key}: ${scheme.problem}` });
    idSchemes[key] = scheme.scheme;
  }
  const notices: string[] = [];
  const unknownSetFields = Object.keys(document).filter((key) => !SET_FIELDS.has(key));
  if (unknownSetFields.length > 0) notices.push(`Các trường ${unknownSetFields.join(', ')} của dataValueSet không thuộc định dạng nên không được đọc.`);
  const dataSet = text(document.dataSet);
  const completeDate = text(document.completeDate);
  if (dataSet || completeDate) {
    notices.push(`Tệp ghi ${dataSet ? `biểu (dataSet) "${dataSet}"` : ''}${dataSet && completeDate ? ', ' : ''}${completeDate ? `ngày hoàn thành (completeDate) ${completeDate}` : ''}: baocao chỉ nhập số liệu; việc hoàn thành báo cáo theo quy trình duyệt của baocao.`);
  }
  const defaultPeriod = text(document.period) ?? '';
  const defaultOrgUnit = text(document.orgUnit) ?? '';
  const defaultAttr = text(document.attributeOptionCombo) ?? '';
  const rows: ValueRow[] = [];
  const conflicts: ImportConflict[] = [];
  const ignoredFields = new Set<string>();
  document.dataValues.forEach((item: unknown, i: number) => {
    const index = i + 1;
    if (!isObject(item)) {
      conflicts.push({ object: 'dataValues', value: JSON.stringify(item) ?? '', indexes: [index], message: 'Phần tử của dataValues không phải là một đối tượng.' });
      return;
    }
    for (const key of Object.keys(item)) if (!VALUE_FIELDS.has(key)) ignoredFields.add(key);
    const followup = flag(item.followup);
    const deleted = flag(item.deleted);
    const row: ValueRow = {
      index,
      indicator: text(item.dataElement) ?? '',
      period: text(item.period) || defaultPeriod,
      orgUnit: text(item.orgUnit) || defaultOrgUnit,
      disagg: text(item.categoryOptionCombo) ?? '',
      attr: text(item.attributeOptionCombo) || defaultAttr,
      // Text values keep their spaces; a missing or null value asks for deletion.
      value: typeof item.value === 'string' ? item.value : (text(item.value) ?? ''),
      comment: typeof item.comment === 'string' && item.comment !== '' ? item.comment : null,
      storedBy: text(item.storedBy) || null,
      ...(followup ? { followup } : {}),
      ...(deleted ? { deleted } : {}),
    };
    const missing =
      row.indicator === '' ? 'mã chỉ tiêu (dataElement)'
      : row.period === '' ? 'kỳ báo cáo (period)'
      : row.orgUnit === '' ? 'mã đơn vị (orgUnit)'
      : null;
    if (missing) {
      conflicts.push({ object: missing.replace(/.*\((.*)\)/, '$1'), value: '', indexes: [index], message: `Thiếu ${missing}.` });
      return;
    }
    rows.push(row);
  });
  if (ignoredFields.size > 0) notices.push(`Các trường ${[...ignoredFields].join(', ')} của số liệu không thuộc định dạng nên không được đọc.`);
  return { format: 'json', rows, conflicts, fatal: false, idSchemes, defaultIdScheme: 'UID', notices };
}

/** Writes a dataValueSet; period, orgUnit, dataSet and completeDate also go to the top level when all values share them. */
export function serializeDataValueSetJson(values: readonly DataValue[], options: ValueFileOptions = {}): string {
  const ids = options.ids ?? OWN_CODES;
  const periods = new Set(values.map((v) => v.period));
  const orgUnits = new Set(values.map((v) => v.orgUnit));
  const document: Json = {};
  const onePeriod = periods.size === 1 ? [...periods][0] : undefined;
  const oneUnit = orgUnits.size === 1 ? [...orgUnits][0] : undefined;
  const header = onePeriod !== undefined && oneUnit !== undefined ? options.header?.(oneUnit, onePeriod) : undefined;
  if (header?.dataSet) document.dataSet = header.dataSet;
  if (header?.completeDate) document.completeDate = header.completeDate;
  if (onePeriod !== undefined) document.period = dhis2Period(onePeriod);
  if (oneUnit !== undefined) document.orgUnit = ids.orgUnit(oneUnit);
  document.dataValues = values.map((v) => {
    const item: Json = {
      dataElement: ids.indicator(v.indicator),
      period: dhis2Period(v.period),
      orgUnit: ids.orgUnit(v.orgUnit),
      categoryOptionCombo: ids.combo(v.disagg),
    };
    if (v.attr) item.attributeOptionCombo = ids.combo(v.attr);
    item.value = valueText(v);
    if (v.storedBy) item.storedBy = v.storedBy;
    if (v.updatedAt) item.lastUpdated = v.updatedAt;
    if (v.comment) item.comment = v.comment;
    if (v.followup) item.followup = true;
    return item;
  });
  return JSON.stringify(document, null, 2) + '\n';
}
