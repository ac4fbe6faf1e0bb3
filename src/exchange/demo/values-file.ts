// The compact values file of the demo (demo/values/*.yaml): one org unit and period,
// then `indicator: number` (the total) or `indicator: { total: n, "dim=opt;dim2=opt": n }`.
// Keys are normalised to the canonical disaggregation key; problems come back as data.
import { z } from 'zod';
import type { DataValue } from '../../core/data-value.ts';
import { disaggKey, parseDisaggKey } from '../../core/indicator.ts';
import { formatPeriod, tryParsePeriod } from '../../core/period.ts';
import { parseStructuredText, zodProblems } from '../metadata-file.ts';
import type { FileProblem, MetadataFormat } from '../metadata-file.ts';

const ZBreakdown = z.record(z.string(), z.number());
export const ZValuesFile = z.strictObject({
  orgUnit: z.string().min(1),
  period: z.coerce.string(),
  values: z.record(z.string(), z.union([z.number(), ZBreakdown])),
});

/** `total` or '' is the figure without breakdown; other keys are `dim=opt` pairs in any order. */
function canonicalKey(key: string): string | null {
  const trimmed = key.trim();
  if (trimmed === '' || trimmed === 'total') return '';
  if (!/^[^=;\s]+=[^=;\s]+(;[^=;\s]+=[^=;\s]+)*$/.test(trimmed)) return null;
  return disaggKey(parseDisaggKey(trimmed));
}

export function parseValuesFile(text: string, format: MetadataFormat = 'yaml'): { values: DataValue[]; problems: FileProblem[] } {
  const { value, problems } = parseStructuredText(text, format);
  if (problems.length > 0) return { values: [], problems };
  const result = ZValuesFile.safeParse(value, { reportInput: true });
  if (!result.success) return { values: [], problems: zodProblems(result.error, []) };
  const file = result.data;
  const period = tryParsePeriod(file.period);
  if (!period.ok) return { values: [], problems: [{ path: 'period', message: period.error.message }] };
  const periodCode = formatPeriod(period.period);
  const values: DataValue[] = [];
  const out: FileProblem[] = [];
  for (const [indicator, entry] of Object.entries(file.values)) {
    const cells: [string, number][] = typeof entry === 'number' ? [['', entry]] : Object.entries(entry);
    const seen = new Set<string>();
    for (const [rawKey, number] of cells) {
      const key = canonicalKey(rawKey);
      if (key === null) {
        out.push({ path: `values.${indicator}.${rawKey}`, message: `Khóa phân tổ "${rawKey}" không đúng dạng "phân_tổ=mục;phân_tổ_2=mục_2" (hoặc "total").` });
        continue;
      }
      if (seen.has(key)) {
        out.push({ path: `values.${indicator}.${rawKey}`, message: `Giá trị "${rawKey}" bị khai báo hai lần.` });
        continue;
      }
      seen.add(key);
      values.push({ indicator, orgUnit: file.orgUnit, period: periodCode, disagg: key, value: number });
    }
  }
  return { values, problems: out };
}
