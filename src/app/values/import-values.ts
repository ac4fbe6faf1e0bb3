// Imports data values read from a file (DHIS2 JSON or CSV rows): resolves every code,
// reports each bad row as a conflict, and writes atomically. Any conflict writes
// nothing unless `skipConflicts`, in which case the valid rows are written.
import { dataValueKeyString } from '../../core/data-value.ts';
import type { DataValue, DataValueKey } from '../../core/data-value.ts';
import { disaggKey, parseDisaggKey } from '../../core/indicator.ts';
import type { Catalogue, Indicator } from '../../core/indicator.ts';
import { formatPeriod, tryParsePeriod } from '../../core/period.ts';
import { AppError } from '../app-error.ts';
import { loadCatalogue } from '../analysis/load-catalogue.ts';
import type { AuditEvent, Store } from '../ports.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { Principal } from '../accounts/principal.ts';
import { ReportingUnitPolicy } from './reporting-unit-policy.ts';
import type { ImportConflict, ImportSummary, ParsedValues, ValueRow } from './value-import.ts';

export interface ImportValuesOptions {
  readonly store: Store;
  /** The parsed file (its parse conflicts are kept), or rows already in memory. */
  readonly parsed?: ParsedValues;
  readonly rows?: readonly ValueRow[];
  readonly dryRun?: boolean;
  readonly skipConflicts?: boolean;
  readonly actor: string;
  /** Who writes, for the report-state rules and corrections; null or absent: the command line. */
  readonly principal?: Principal | null;
  /** Called after each written chunk, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Rows per findExisting/upsertMany call; bounds memory and paces progress. */
  readonly chunkSize?: number;
  readonly now?: () => Date;
}

const DEFAULT_CHUNK = 50_000;
/** Smaller chunks when someone watches a progress bar. */
const PROGRESS_CHUNK = 10_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export async function importValues({
  store, parsed, rows = parsed?.rows ?? [], dryRun = false, skipConflicts = false, actor, principal = null, onProgress, chunkSize = onProgress ? PROGRESS_CHUNK : DEFAULT_CHUNK, now = () => new Date(),
}: ImportValuesOptions): Promise<ImportSummary> {
  const conflicts = new ConflictList(parsed?.conflicts ?? []);
  const fatal = parsed?.fatal ?? false;
  const { catalogue } = await loadCatalogue({ store });
  const units = await store.orgUnits.list();
  const orgUnitCodes = new Set(units.map((unit) => unit.code));
  const bases = new Map<string, number | null>();
  // Who enters what: a row for a unit that does not report its indicator is a conflict.
  const policy = await ReportingUnitPolicy.load({ store, tree: OrgTree.build(units).tree, catalogue, rows });
  const refused = new Set<number>();
  for (const c of policy.conflicts(rows)) {
    conflicts.add('orgUnit', c.orgUnit, c.index, c.message);
    refused.add(c.index);
  }
  const accepted = refused.size === 0 ? rows : rows.filter((row) => !refused.has(row.index));
  const values = resolveRows({ rows: accepted, catalogue, orgUnitCodes, conflicts, at: now().toISOString(), bases, format: parsed?.format, actor });
  // Rows the parser already dropped count as read, and as ignored.
  const rowsRead = rows.length + (parsed && !fatal ? parsed.conflicts.reduce((n, c) => n + c.indexes.length, 0) : 0);
  const conflictRows = rowsRead - values.length;

  const hasConflicts = conflicts.size > 0;
  if (fatal || (hasConflicts && !skipConflicts)) {
    return summary('ERROR', dryRun, { imported: 0, updated: 0, ignored: rowsRead, deleted: 0 }, 0, conflicts.list());
  }

  const write = async (target: Store) => {
    // What is stored under the file's keys: before-values for the audit, and the
    // imported/updated split of a dry run.
    const stored = await findStored(target, values);
    // Read inside the write's transaction, so no save can slip in between check and write.
    assertNotStale(values, bases, stored);
    await policy.assertWritable({ store: target, values, principal });
    let imported = 0, updated = 0, unchanged = 0;
    for (let start = 0; start < values.length; start += chunkSize) {
      const chunk = values.slice(start, start + chunkSize);
      const changes = changedValues(chunk, stored);
      if (dryRun) {
        imported += changes.imported;
        updated += changes.updates.length;
        unchanged += chunk.length - changes.imported - changes.updates.length;
      } else {
        const counts = await target.dataValues.upsertMany(chunk);
        imported += counts.imported;
        updated += counts.updated;
        unchanged += counts.unchanged;
        // Updates are audited one by one with before and after; new values in the summary
        // event below, except a correction from above, which is audited one by one too.
        const events = changes.updates.map(({ before, after }) => auditOfUpdate(before, after, actor, now(), policy.isCorrection(after, principal)));
        if (principal) {
          for (const value of chunk) if (!stored.has(dataValueKeyString(value)) && policy.isCorrection(value, principal)) events.push(auditOfUpdate(null, value, actor, now(), true));
        }
        if (events.length > 0) await target.audit.record(events);
      }
      onProgress?.(Math.min(start + chunkSize, values.length), values.length);
    }
    if (!dryRun && imported + updated > 0) {
      await target.audit.record([auditOfImport(values, { imported, updated, unchanged }, actor, now())]);
    }
    return { imported, updated, unchanged };
  };
  const counts = dryRun ? await write(store) : await store.transaction(write);
  return summary(
    hasConflicts ? 'WARNING' : 'SUCCESS',
    dryRun,
    { imported: counts.imported, updated: counts.updated, ignored: conflictRows + counts.unchanged, deleted: 0 },
    counts.unchanged,
    conflicts.list(),
  );
}

function summary(status: ImportSummary['status'], dryRun: boolean, importCount: ImportSummary['importCount'], unchanged: number, conflicts: ImportConflict[]): ImportSummary {
  return { status, dryRun, importCount, unchanged, conflicts };
}

/** Conflicts grouped by (object, message), each with the rows it concerns, in file order. */
class ConflictList {
  private readonly byKey = new Map<string, { object: string; value: string; indexes: number[]; message: string }>();
  private readonly fixed: ImportConflict[];
  constructor(initial: readonly ImportConflict[]) {
    this.fixed = [...initial];
  }
  add(object: string, value: string, index: number, message: string): void {
    const key = `${object}\u0000${message}`;
    const found = this.byKey.get(key);
    if (found) found.indexes.push(index);
    else this.byKey.set(key, { object, value, indexes: [index], message });
  }
  get size(): number {
    return this.fixed.length + this.byKey.size;
  }
  list(): ImportConflict[] {
    return [...this.fixed, ...this.byKey.values()].sort((a, b) => (a.indexes[0] ?? 0) - (b.indexes[0] ?? 0));
  }
}

interface ResolveInput {
  readonly rows: readonly ValueRow[];
  readonly catalogue: Catalogue;
  readonly orgUnitCodes: ReadonlySet<string>;
  readonly conflicts: ConflictList;
  readonly at: string;
  /** Filled with the base value of each row that carries one, by key string. */
  readonly bases: Map<string, number | null>;
  /** How a row's index reads to the user: a CSV line, a JSON item, else a position. */
  readonly format?: ParsedValues['format'] | undefined;
  /** Who writes: the stored-by of rows that do not name one, so a stale save can say who stored a value. */
  readonly actor: string;
}

/** "dòng 3" in a CSV file, "mục 3" in a JSON file (as the CLI labels rows), else "số liệu thứ 3". */
function rowPlace(format: ResolveInput['format'], index: number): string {
  return format === 'csv' ? `dòng ${index}` : format === 'json' ? `mục ${index}` : `số liệu thứ ${index}`;
}

/**
 * Rows to domain values; each bad row becomes a conflict. This loop runs a million
 * times on a national file, so codes are resolved through caches keyed by the text
 * as written, and duplicate keys are found through nested maps (indicator → period →
 * disaggregation → org unit) rather than by building a key string per row.
 */
function resolveRows({ rows, catalogue, orgUnitCodes, conflicts, at, bases, format, actor }: ResolveInput): DataValue[] {
  const periods = new Map<string, string | null>();
  const disaggsByIndicator = new Map<string, Map<string, { key: string } | { problem: string }>>();
  const firstRowByIndicator = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  const values: DataValue[] = [];
  for (const row of rows) {
    const indicator = catalogue.indicator(row.indicator);
    if (!indicator) {
      conflicts.add(row.indicator, row.indicator, row.index, `Chỉ tiêu "${row.indicator}" chưa được khai báo.`);
      continue;
    }
    if (indicator.kind === 'derived') {
      conflicts.add(row.indicator, row.indicator, row.index, `Chỉ tiêu "${row.indicator}" là chỉ tiêu tính toán, không nhập số liệu.`);
      continue;
    }
    if (!orgUnitCodes.has(row.orgUnit)) {
      conflicts.add(row.orgUnit, row.orgUnit, row.index, `Đơn vị "${row.orgUnit}" chưa được khai báo.`);
      continue;
    }
    let period = periods.get(row.period);
    if (period === undefined) {
      const parsed = tryParsePeriod(row.period);
      period = parsed.ok ? formatPeriod(parsed.period) : null;
      periods.set(row.period, period);
    }
    if (period === null) {
      conflicts.add('period', row.period, row.index, `Kỳ báo cáo "${row.period}" không hợp lệ (dùng 2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022).`);
      continue;
    }
    let disaggs = disaggsByIndicator.get(indicator.code);
    if (!disaggs) disaggsByIndicator.set(indicator.code, (disaggs = new Map()));
    let disagg = disaggs.get(row.disagg);
    if (!disagg) {
      disagg = resolveDisagg(catalogue, indicator, row.disagg);
      disaggs.set(row.disagg, disagg);
    }
    if ('problem' in disagg) {
      conflicts.add('categoryOptionCombo', row.disagg, row.index, disagg.problem);
      continue;
    }
    const number = parseValue(indicator, row.value);
    if (typeof number === 'string') {
      conflicts.add('value', row.value, row.index, number);
      continue;
    }
    const byOrgUnit = nested(nested(nested(firstRowByIndicator, indicator.code), period), disagg.key);
    const first = byOrgUnit.get(row.orgUnit);
    if (first !== undefined) {
      conflicts.add('dataValue', [indicator.code, row.orgUnit, period, disagg.key].join(' / '), row.index, `Số liệu trùng khóa với ${rowPlace(format, first)} (cùng chỉ tiêu, đơn vị, kỳ và phân tổ).`);
      continue;
    }
    byOrgUnit.set(row.orgUnit, row.index);
    if (row.base !== undefined) {
      const base = row.base === null || row.base.trim() === '' ? null : Number(row.base.trim());
      bases.set(dataValueKeyString({ indicator: indicator.code, orgUnit: row.orgUnit, period, disagg: disagg.key }), base !== null && Number.isFinite(base) ? base : null);
    }
    values.push({
      indicator: indicator.code, orgUnit: row.orgUnit, period, disagg: disagg.key, value: number,
      comment: row.comment ?? null, storedBy: row.storedBy ?? actor, updatedAt: at,
    });
  }
  return values;
}

/** One value whose stored state moved on since the writer read it. */
export interface StaleValue {
  readonly dataElement: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly categoryOptionCombo: string;
  /** What the writer saw (null: empty). */
  readonly base: number | null;
  /** What the writer tried to store. */
  readonly value: number;
  /** What is stored now (null: nothing). */
  readonly current: number | null;
  readonly storedBy: string | null;
  readonly lastUpdated: string | null;
}

/** 409 `conflict` listing every stale value with what is stored now; nothing is written. */
function assertNotStale(values: readonly DataValue[], bases: ReadonlyMap<string, number | null>, stored: ReadonlyMap<string, DataValue>): void {
  if (bases.size === 0) return;
  const stale: StaleValue[] = [];
  for (const value of values) {
    const key = dataValueKeyString(value);
    if (!bases.has(key)) continue;
    const base = bases.get(key) ?? null;
    const now = stored.get(key);
    const current = now ? now.value : null;
    if (current !== base) {
      stale.push({
        dataElement: value.indicator, orgUnit: value.orgUnit, period: value.period, categoryOptionCombo: value.disagg === '' ? 'default' : value.disagg,
        base, value: value.value, current, storedBy: now?.storedBy ?? null, lastUpdated: now?.updatedAt ?? null,
      });
    }
  }
  if (stale.length > 0) {
    throw new AppError('conflict', `${stale.length} số liệu đã được người khác thay đổi từ lúc bạn mở; chưa ghi gì. Xem số hiện có rồi chọn giữ số nào.`, { details: { stale } });
  }
}

/** The inner map under `key`, created on first use. */
function nested<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map()));
  return inner;
}

function resolveDisagg(catalogue: Catalogue, indicator: Indicator, raw: string): { key: string } | { problem: string } {
  if (raw === '' || raw.toLowerCase() === 'default') return { key: '' };
  const pairs = raw.split(';');
  if (pairs.some((pair) => pair.indexOf('=') <= 0)) {
    return { problem: `Phân tổ "${raw}" không đúng dạng "phân_tổ=mục;phân_tổ_2=mục_2" (hoặc "default" cho tổng số).` };
  }
  // Accept the pairs in any order; store the canonical spelling.
  const key = disaggKey(parseDisaggKey(raw));
  const problem = catalogue.checkDisaggKey(indicator.code, key);
  return problem ? { problem } : { key };
}

/** The number a cell holds, or a Vietnamese reason it cannot be stored for this indicator. */
function parseValue(indicator: Indicator, text: string): number | string {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return `Giá trị "${text}" không phải là số (chỉ tiêu "${indicator.code}" nhận số; dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn).`;
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return `Giá trị "${text}" quá lớn.`;
  if (indicator.valueType === 'integer' && !Number.isInteger(number)) return `Giá trị "${text}" không phải là số nguyên (chỉ tiêu "${indicator.code}" chỉ nhận số nguyên).`;
  return number;
}

interface Changes {
  readonly imported: number;
  readonly updates: { before: DataValue; after: DataValue }[];
}

/** Up to these many distinct codes, one filtered query beats key-by-key lookups. */
const MAX_FILTER_CODES = 5_000;
const MAX_FILTER_PERIODS = 60;

/**
 * The stored values under the given keys, by key string. A file usually covers a few
 * periods and a set of units and indicators: one query filtered by those sets reads
 * the candidates in a single pass (and nothing on a first import), where looking up
 * a million keys in batches costs as much as writing them.
 */
async function findStored(store: Store, values: readonly DataValue[]): Promise<Map<string, DataValue>> {
  const periods = new Set<string>(), indicators = new Set<string>(), orgUnits = new Set<string>();
  for (const value of values) {
    periods.add(value.period);
    indicators.add(value.indicator);
    orgUnits.add(value.orgUnit);
  }
  const found = new Map<string, DataValue>();
  if (values.length === 0) return found;
  // Stored values outside the file may come back too; they are never looked up.
  const keep = (value: DataValue) => found.set(dataValueKeyString(value), value);
  if (periods.size <= MAX_FILTER_PERIODS && indicators.size <= MAX_FILTER_CODES && orgUnits.size <= MAX_FILTER_CODES) {
    for (const value of await store.dataValues.find({ periods: [...periods], indicators: [...indicators], orgUnits: [...orgUnits] })) keep(value);
  } else {
    for (let start = 0; start < values.length; start += DEFAULT_CHUNK) {
      for (const value of await store.dataValues.findExisting(values.slice(start, start + DEFAULT_CHUNK))) keep(value);
    }
  }
  return found;
}

function changedValues(chunk: readonly DataValue[], stored: ReadonlyMap<string, DataValue>): Changes {
  // A first import finds nothing stored: skip a million key strings.
  if (stored.size === 0) return { imported: chunk.length, updates: [] };
  let imported = 0;
  const updates: { before: DataValue; after: DataValue }[] = [];
  for (const value of chunk) {
    const before = stored.get(dataValueKeyString(value));
    if (!before) imported++;
    else if (before.value !== value.value || (before.comment ?? null) !== (value.comment ?? null)) updates.push({ before, after: value });
  }
  return { imported, updates };
}

function keyOf(value: DataValueKey) {
  return { indicator: value.indicator, orgUnit: value.orgUnit, period: value.period, disagg: value.disagg };
}

function auditOfUpdate(before: DataValue | null, after: DataValue, actor: string, at: Date, correction = false): AuditEvent {
  return {
    at: at.toISOString(), actor, action: correction ? 'data_value.correct' : 'data_value.update', entity: 'data_value',
    orgUnit: after.orgUnit, period: after.period,
    before: before ? { ...keyOf(before), value: before.value, comment: before.comment ?? null } : null,
    after: { ...keyOf(after), value: after.value, comment: after.comment ?? null },
  };
}

/** One event for the whole import: the counts, and the units and periods it touched. */
function auditOfImport(values: readonly DataValue[], counts: { imported: number; updated: number; unchanged: number }, actor: string, at: Date): AuditEvent {
  const orgUnits = [...new Set(values.map((v) => v.orgUnit))];
  const periods = [...new Set(values.map((v) => v.period))];
  return {
    at: at.toISOString(), actor, action: 'data_value.import', entity: 'data_value',
    orgUnit: orgUnits.length === 1 ? orgUnits[0] : null,
    period: periods.length === 1 ? periods[0] : null,
    before: null,
    after: { ...counts, rows: values.length, orgUnits: orgUnits.slice(0, 100), periods },
  };
}
