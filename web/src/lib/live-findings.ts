// Findings shown beside the data-entry cells while the user types, computed in the
// browser with src/core: a cell that is not a Vietnamese number, a decimal in a
// whole-number indicator, a negative count, and parts that do not add up to the
// total entered. The server's validation (GET /api/validation) adds the catalogue's
// own rules after saving.
import { formatNumber, parseVietnameseNumberResult } from '../../../src/core/format.ts';
import { parseDisaggKey } from '../../../src/core/indicator.ts';

export type CellSeverity = 'error' | 'warning';

export interface CellFinding {
  readonly cell: string;
  readonly severity: CellSeverity;
  readonly message: string;
  /** The value cannot be saved as typed (not a number, wrong type); other findings are saved and shown. */
  readonly blocking: boolean;
}

export interface LiveIndicator {
  readonly code: string;
  readonly valueType: string;
}

/** A cell's id: indicator code and disaggregation key (`''` = total), e.g. `dvc.dossiers|channel=online`. */
export function cellId(indicator: string, key: string): string {
  return `${indicator}|${key}`;
}

/**
 * Checks the texts typed for one indicator, `texts` keyed by disaggregation key ('' = total).
 * Empty cells are not findings: a value may legitimately be missing.
 */
export function liveFindings(indicator: LiveIndicator, texts: Readonly<Record<string, string>>): CellFinding[] {
  const findings: CellFinding[] = [];
  const numbers = new Map<string, number>();
  for (const [key, text] of Object.entries(texts)) {
    if (text.trim() === '') continue;
    const cell = cellId(indicator.code, key);
    const parsed = parseVietnameseNumberResult(text);
    if (!parsed.ok) {
      findings.push({ cell, severity: 'error', message: parsed.reason, blocking: true });
      continue;
    }
    if (parsed.value < 0) findings.push({ cell, severity: 'error', message: 'Số liệu không được âm.', blocking: true });
    if (indicator.valueType === 'integer' && !Number.isInteger(parsed.value)) {
      findings.push({ cell, severity: 'error', message: 'Chỉ tiêu này nhận số nguyên.', blocking: true });
    }
    numbers.set(key, parsed.value);
  }
  const total = numbers.get('');
  if (total === undefined) return findings;
  // Parts by dimension: a one-dimension part is a key with a single `dim=opt` pair.
  const byDimension = new Map<string, number[]>();
  for (const [key, value] of numbers) {
    const options = Object.keys(parseDisaggKey(key));
    if (options.length !== 1) continue;
    const dimension = options[0] ?? '';
    byDimension.set(dimension, [...(byDimension.get(dimension) ?? []), value]);
  }
  for (const parts of byDimension.values()) {
    const sum = parts.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - total) > 1e-9 * Math.max(1, Math.abs(total))) {
      findings.push({
        cell: cellId(indicator.code, ''),
        severity: 'error',
        message: `Tổng (${formatNumber(total)}) khác tổng các phân tổ (${formatNumber(sum)}).`,
        blocking: false,
      });
    }
  }
  return findings;
}
