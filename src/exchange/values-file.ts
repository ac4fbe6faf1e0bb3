// A values file of any format, recognised by its content rather than its name:
// a ZIP (starts with "PK") is an XLSX form, '<' starts ADX XML, '{' starts JSON,
// anything else is DHIS2 CSV (with DHIS2's header, or none).
import type { DataValue } from '../core/data-value.ts';
import { checkJsonLimits, describeJsonProblem } from '../core/json-limits.ts';
import { parseAdx, serializeAdx } from './adx.ts';
import { parseDataValueSetJson, serializeDataValueSetJson } from './dhis2-json.ts';
import { parseDhis2Csv, serializeDhis2Csv } from './dhis2-csv.ts';
import type { LocatedValues } from './located-values.ts';
import type { ValueFileOptions } from './value-codes.ts';
import { parseValuesForm } from './xlsx-form.ts';

/** Text formats; XLSX is binary and read by readValuesFile. */
export type ValuesFormat = 'json' | 'csv' | 'adx';

export function detectValuesFormat(text: string): ValuesFormat {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  return first === '{' || first === '[' ? 'json' : first === '<' ? 'adx' : 'csv';
}

export function parseValuesFile(text: string): LocatedValues {
  switch (detectValuesFormat(text)) {
    case 'json': return parseDataValueSetJson(text);
    case 'adx': return parseAdx(text);
    case 'csv': return parseDhis2Csv(text);
  }
}

/** True for a ZIP container (XLSX, DOCX…): the local file header signature "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Why uploaded bytes cannot be a values file at all, before any parsing: empty, or
 * neither a ZIP (XLSX) nor UTF-8 text (a CSV saved in a legacy code page would
 * otherwise be read as garbled codes). Null when worth parsing.
 */
export function unreadableValuesFile(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'Tệp rỗng, không có số liệu để nhập.';
  if (isZip(bytes)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'Tệp không phải Excel (.xlsx) cũng không phải văn bản UTF-8 (JSON, CSV, ADX); nếu là CSV lưu bằng bảng mã cũ, hãy lưu lại với mã UTF-8.';
  }
  if (text.includes('\u0000')) return 'Tệp chứa dữ liệu nhị phân, không phải tệp số liệu JSON, CSV, ADX hay Excel (.xlsx).';
  if (text.trim() === '') return 'Tệp chỉ có khoảng trắng, không có số liệu để nhập.';
  // Too deep to walk safely, or numbers JSON.parse would round: refused before parsing.
  const problem = detectValuesFormat(text) === 'json' ? checkJsonLimits(text) : null;
  if (problem) return `Tệp JSON: ${describeJsonProblem(problem, '').message}`;
  return null;
}

/** Any values file as bytes: an XLSX form, or text in one of the text formats. */
export async function readValuesFile(bytes: Uint8Array): Promise<LocatedValues> {
  if (isZip(bytes)) return parseValuesForm(bytes);
  return parseValuesFile(new TextDecoder('utf-8').decode(bytes));
}

export function serializeValues(values: readonly DataValue[], format: ValuesFormat, options: ValueFileOptions = {}): string {
  switch (format) {
    case 'json': return serializeDataValueSetJson(values, options);
    case 'adx': return serializeAdx(values, options);
    case 'csv': return serializeDhis2Csv(values, options);
  }
}
