// A values file of either format, recognised by its content rather than its name:
// JSON starts with '{', anything else must be DHIS2 CSV with its header.
import type { DataValue } from '../core/data-value.ts';
import type { ParsedValues } from '../app/value-import.ts';
import { parseDataValueSetJson, serializeDataValueSetJson } from './dhis2-json.ts';
import { parseDhis2Csv, serializeDhis2Csv } from './dhis2-csv.ts';

export type ValuesFormat = 'json' | 'csv';

export function detectValuesFormat(text: string): ValuesFormat {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

export function parseValuesFile(text: string): ParsedValues {
  return detectValuesFormat(text) === 'json' ? parseDataValueSetJson(text) : parseDhis2Csv(text);
}

export function serializeValues(values: readonly DataValue[], format: ValuesFormat): string {
  return format === 'json' ? serializeDataValueSetJson(values) : serializeDhis2Csv(values);
}
