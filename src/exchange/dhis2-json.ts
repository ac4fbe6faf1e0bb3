// DHIS2 dataValueSets JSON (idScheme code):
//   {"dataSet":"stttt-monthly","period":"202204","orgUnit":"stttt-travinh","completeDate":"2022-04-15",
//    "dataValues":[{"dataElement":"ioffice.docs_issued","categoryOptionCombo":"default","value":"20601"}]}
// Top-level period/orgUnit are defaults that each data value may override.
import type { DataValue } from '../core/data-value.ts';
import type { ImportConflict, ParsedValues, ValueRow } from '../app/values/value-import.ts';
import { dhis2Period, exportedDisagg } from './value-codes.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON scalar as text: DHIS2 writes values as strings, but numbers are common too. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
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

function fatal(conflict: ImportConflict): ParsedValues {
  return { format: 'json', rows: [], conflicts: [conflict], fatal: true };
}

export function parseDataValueSetJson(source: string): ParsedValues {
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
  const defaultPeriod = text(document.period) ?? '';
  const defaultOrgUnit = text(document.orgUnit) ?? '';
  const rows: ValueRow[] = [];
  const conflicts: ImportConflict[] = [];
  document.dataValues.forEach((item: unknown, i: number) => {
    const index = i + 1;
    if (!isObject(item)) {
      conflicts.push({ object: 'dataValues', value: JSON.stringify(item) ?? '', indexes: [index], message: 'Phần tử của dataValues không phải là một đối tượng.' });
      return;
    }
    const row: ValueRow = {
      index,
      indicator: text(item.dataElement) ?? '',
      period: text(item.period) || defaultPeriod,
      orgUnit: text(item.orgUnit) || defaultOrgUnit,
      disagg: text(item.categoryOptionCombo) ?? '',
      value: text(item.value) ?? '',
      comment: typeof item.comment === 'string' && item.comment !== '' ? item.comment : null,
      storedBy: text(item.storedBy) || null,
    };
    const missing =
      row.indicator === '' ? 'mã chỉ tiêu (dataElement)'
      : row.period === '' ? 'kỳ báo cáo (period)'
      : row.orgUnit === '' ? 'mã đơn vị (orgUnit)'
      : row.value === '' ? 'giá trị (value)'
      : null;
    if (missing) {
      conflicts.push({ object: missing.replace(/.*\((.*)\)/, '$1'), value: '', indexes: [index], message: `Thiếu ${missing}.` });
      return;
    }
    rows.push(row);
  });
  return { format: 'json', rows, conflicts, fatal: false };
}

export interface DataValueSetHeader {
  readonly dataSet?: string;
  readonly completeDate?: string;
}

/** Writes a dataValueSet; period and orgUnit also go to the top level when all values share them. */
export function serializeDataValueSetJson(values: readonly DataValue[], header: DataValueSetHeader = {}): string {
  const periods = new Set(values.map((v) => v.period));
  const orgUnits = new Set(values.map((v) => v.orgUnit));
  const document: Json = {};
  if (header.dataSet) document.dataSet = header.dataSet;
  if (periods.size === 1) document.period = dhis2Period([...periods][0] ?? '');
  if (orgUnits.size === 1) document.orgUnit = [...orgUnits][0];
  if (header.completeDate) document.completeDate = header.completeDate;
  document.dataValues = values.map((v) => {
    const item: Json = {
      dataElement: v.indicator,
      period: dhis2Period(v.period),
      orgUnit: v.orgUnit,
      categoryOptionCombo: exportedDisagg(v.disagg),
      value: String(v.value),
    };
    if (v.storedBy) item.storedBy = v.storedBy;
    if (v.updatedAt) item.lastUpdated = v.updatedAt;
    if (v.comment) item.comment = v.comment;
    return item;
  });
  return JSON.stringify(document, null, 2) + '\n';
}
