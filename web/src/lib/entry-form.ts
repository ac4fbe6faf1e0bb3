// The data-entry form's bookkeeping, apart from React: what the user changed against
// what was loaded, the rows a save sends (each to the unit that reports the figure,
// an emptied cell as a deletion), the server's refusals put back on their cells in the
// form's own words, and a stale save resolved without losing the other edits.
import { formatNumber, parseVietnameseNumber } from '../../../src/core/format.ts';
import type { DataValue } from '../api/types.ts';

/** A cell's id: indicator and disaggregation key ('' = total), as in live-findings.ts. */
export type CellId = string;

export interface LoadedValue {
  /** As stored, in the API's plain form ("20601", "77.2"). */
  readonly value: string;
  readonly storedBy?: string | undefined;
  readonly lastUpdated?: string | undefined;
}

/** "20601" → "20.601", "77.2" → "77,2": how the form shows a stored value. */
export function shownValue(raw: string | undefined | null): string {
  if (raw === undefined || raw === null || raw === '') return '';
  const n = Number(raw);
  return Number.isFinite(n) ? formatNumber(n) : raw;
}

/** The texts the form starts from (and returns to on "Hủy thay đổi"). */
export function textsOf(loaded: ReadonlyMap<CellId, LoadedValue>): Record<CellId, string> {
  const texts: Record<CellId, string> = {};
  for (const [cell, v] of loaded) texts[cell] = shownValue(v.value);
  return texts;
}

/** Cells whose text means something else than what was loaded ("20.601" and "20601" are the same). */
export function changedCells(texts: Readonly<Record<CellId, string>>, loaded: ReadonlyMap<CellId, LoadedValue>): CellId[] {
  return Object.entries(texts).filter(([cell, text]) => {
    const before = loaded.get(cell)?.value;
    if (text.trim() === '') return before !== undefined;
    const n = parseVietnameseNumber(text);
    if (n === null) return true;
    return before === undefined || Number(before) !== n;
  }).map(([cell]) => cell);
}

export interface SaveRow {
  readonly cell: CellId;
  readonly dataElement: string;
  readonly categoryOptionCombo: string;
  readonly orgUnit: string;
  /** The number in the API's plain form, or '' to delete the stored value. */
  readonly value: string;
  /** What the save is based on: the value loaded (null: the cell was empty). */
  readonly base: string | null;
}

export function splitCell(cell: CellId): { indicator: string; key: string } {
  const at = cell.indexOf('|');
  return at < 0 ? { indicator: cell, key: '' } : { indicator: cell.slice(0, at), key: cell.slice(at + 1) };
}

/** The rows of a save; `unitOf` names the unit that reports each indicator. */
export function saveRows(cells: readonly CellId[], texts: Readonly<Record<CellId, string>>, loaded: ReadonlyMap<CellId, LoadedValue>, unitOf: (indicator: string) => string): SaveRow[] {
  return cells.map((cell) => {
    const { indicator, key } = splitCell(cell);
    const text = (texts[cell] ?? '').trim();
    const n = text === '' ? null : parseVietnameseNumber(text);
    return {
      cell, dataElement: indicator, categoryOptionCombo: key === '' ? 'default' : key, orgUnit: unitOf(indicator),
      value: n === null ? '' : String(n), base: loaded.get(cell)?.value ?? null,
    };
  });
}

/**
 * The server's refusals of a save, each on the cell of its row, without the row number
 * the user never saw ("Dòng 3: …"); a refusal of no row stays general.
 */
export function refusalsByCell(conflicts: readonly { indexes: readonly number[]; message: string }[], rows: readonly SaveRow[]): { cells: Map<CellId, string>; general: string[] } {
  const cells = new Map<CellId, string>();
  const general: string[] = [];
  for (const conflict of conflicts) {
    const message = conflict.message.replace(/^(Dòng|Mục) [\d, ]+(?: và \d+ [^:]+ khác)?:\s*/u, '');
    const targets = conflict.indexes.map((i) => rows[i - 1]?.cell).filter((c): c is CellId => c !== undefined);
    if (targets.length === 0) general.push(message);
    for (const cell of targets) cells.set(cell, message);
  }
  return { cells, general };
}

export interface StaleEntry {
  readonly cell: CellId;
  /** Stored now, plain form; null: nothing stored. */
  readonly current: string | null;
  readonly storedBy: string | null;
  readonly lastUpdated: string | null;
}

/**
 * "Lấy số đang lưu": the stale cells take the stored value as both their base and their
 * text; every other edit stays as the user typed it, still based on what was loaded.
 */
export function takeStored(stale: readonly StaleEntry[], texts: Readonly<Record<CellId, string>>, loaded: ReadonlyMap<CellId, LoadedValue>): { texts: Record<CellId, string>; loaded: Map<CellId, LoadedValue> } {
  const nextTexts = { ...texts };
  const nextLoaded = new Map(loaded);
  for (const s of stale) {
    if (s.current === null) {
      nextLoaded.delete(s.cell);
      nextTexts[s.cell] = '';
    } else {
      nextLoaded.set(s.cell, { value: s.current, storedBy: s.storedBy ?? undefined, lastUpdated: s.lastUpdated ?? undefined });
      nextTexts[s.cell] = shownValue(s.current);
    }
  }
  return { texts: nextTexts, loaded: nextLoaded };
}

/** Stored values keyed by cell, only those of the unit that reports each indicator. */
export function loadedOf(values: readonly DataValue[], unitOf: (indicator: string) => string | undefined): Map<CellId, LoadedValue> {
  const map = new Map<CellId, LoadedValue>();
  for (const v of values) {
    if (unitOf(v.dataElement) !== v.orgUnit) continue;
    const key = v.categoryOptionCombo === 'default' ? '' : v.categoryOptionCombo;
    map.set(`${v.dataElement}|${key}`, { value: v.value, storedBy: v.storedBy, lastUpdated: v.lastUpdated });
  }
  return map;
}
