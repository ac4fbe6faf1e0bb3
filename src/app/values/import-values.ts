// Imports data values read from a file (DHIS2 JSON or CSV rows, ADX, an XLSX form) or
// sent to the API: resolves every identifier (by DHIS2's id schemes), checks every value
// against its indicator's value type, reports each bad row as a conflict, and writes
// atomically: upserts and deletions (DHIS2's `deleted`, empty values, importStrategy)
// in one transaction, each change audited. Any conflict writes nothing unless
// `skipConflicts`, in which case the valid rows are written.
import { dataValueKeyString } from '../../core/data-value.ts';
import type { DataValue, DataValueKey } from '../../core/data-value.ts';
import { mergeIdSchemes } from '../../core/dhis2-ids.ts';
import type { IdSchemes } from '../../core/dhis2-ids.ts';
import { formatPeriod, PERIOD_FORMS, tryParsePeriod } from '../../core/period.ts';
import { storedValueText } from '../../core/value-type.ts';
import { AppError } from '../app-error.ts';
import { loadCatalogue } from '../analysis/load-catalogue.ts';
import type { AuditEvent, Store } from '../ports.ts';
import { applyStrategy, isDeletion, storedDeletions } from './import-strategy.ts';
import { checkRowValue, rowValueAndComment } from './value-checks.ts';
import type { ImportConflict, ImportStrategy, ImportSummary, ParsedValues, ValueRow } from './value-import.ts';
import { rowKeyResolver } from './value-row-keys.ts';
import type { RowKeyResolver } from './value-row-keys.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import { ReportingUnitPolicy } from './reporting-unit-policy.ts';
import { enforceValueWritePolicy, valueWriteTargets } from './value-write-policy.ts';

export interface ImportValuesOptions {
  readonly store: Store;
  /** The parsed file (its parse conflicts are kept), or rows already in memory. */
  readonly parsed?: ParsedValues;
  readonly rows?: readonly ValueRow[];
  readonly dryRun?: boolean;
  readonly skipConflicts?: boolean;
  /** DHIS2's importStrategy; CREATE_AND_UPDATE by default. */
  readonly importStrategy?: ImportStrategy;
  /** Id schemes given with the request; the file's own win (DHIS2's precedence). */
  readonly idSchemes?: IdSchemes;
  readonly actor: string;
  /**
   * The API caller: its write scope is checked (value-write-policy.ts) on the units the
   * rows name and resolve to (a file may name units by DHIS2 uid or name), and the
   * report's state decides whether it may still write (reporting-unit-policy.ts). Absent
   * for the command line's operator, who holds the database and writes as the office
   * does. Period locks apply to both.
   */
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

export async function importValues({
  store, parsed, rows = parsed?.rows ?? [], dryRun = false, skipConflicts = false, importStrategy = 'CREATE_AND_UPDATE', idSchemes, actor, principal = null, onProgress,
  chunkSize = onProgress ? PROGRESS_CHUNK : DEFAULT_CHUNK, now = () => new Date(),
}: ImportValuesOptions): Promise<ImportSummary> {
  const conflicts = new ConflictList(parsed?.conflicts ?? []);
  const fatal = parsed?.fatal ?? false;
  const { catalogue } = await loadCatalogue({ store });
  const tree = await loadOrgTree(store);
  const keys = rowKeyResolver({
    catalogue, orgUnits: tree.all(), schemes: mergeIdSchemes(parsed?.idSchemes, idSchemes), fallback: parsed?.defaultIdScheme ?? 'UID',
  });
  // Who enters what: a row for a unit that does not report its indicator is a conflict.
  const policy = await ReportingUnitPolicy.load({ store, tree, catalogue, rows });
  const bases = new Map<string, string | null>();
  const { values, deletions } = resolveRows({ rows, keys, policy, conflicts, at: now().toISOString(), bases, format: parsed?.format, strategy: importStrategy, actor });
  // Rows the parser already dropped count as read, and as ignored.
  const rowsRead = rows.length + (parsed && !fatal ? parsed.conflicts.reduce((n, c) => n + c.indexes.length, 0) : 0);
  const conflictRows = rowsRead - values.length - deletions.length;

  const hasConflicts = conflicts.size > 0;
  // Scope and locks: on the units as written and as resolved, checked before conflicts
  // are reported (a caller out of scope learns nothing more), and again inside the write.
  const targets = valueWriteTargets([...valueWriteTargets(rows), ...targetsOf(values, deletions)]);
  // Outside the transaction first: a refusal comes before any write work, and what the
  // check reads is then in the read cache for the check inside the transaction.
  await enforceValueWritePolicy({ store, principal, targets });
  if (fatal || (hasConflicts && !skipConflicts)) {
    return summary('ERROR', dryRun, { imported: 0, updated: 0, ignored: rowsRead, deleted: 0 }, 0, conflicts.list());
  }

  const write = async (target: Store) => {
    await enforceValueWritePolicy({ store: target, principal, targets });
    // What is stored under the file's keys: before-values for the audit, and the
    // imported/updated split of a dry run.
    const touched = deletions.length === 0 ? values : [...values, ...deletions];
    const stored = await findStored(target, touched);
    // Read inside the write's transaction, so no save can slip in between check and write.
    assertNotStale(touched, bases, stored);
    // The report's state (a submitted part, a compiled report), read inside the write.
    await policy.assertWritable({ store: target, values: touched, principal });
    const { writes, ignored: leftByStrategy } = applyStrategy(values, stored, importStrategy);
    let imported = 0, updated = 0, unchanged = 0;
    for (let start = 0; start < writes.length; start += chunkSize) {
      const chunk = writes.slice(start, start + chunkSize);
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
      onProgress?.(Math.min(start + chunkSize, writes.length), writes.length);
    }
    // Deletions in the same transaction: audited one by one with what was stored.
    const toDelete = storedDeletions(deletions, stored);
    if (!dryRun && toDelete.length > 0) {
      await target.dataValues.deleteMany(toDelete);
      await target.audit.record(toDelete.map((before) => auditOfDeletion(before, actor, now())));
    }
    const deleted = toDelete.length;
    if (!dryRun && imported + updated + deleted > 0) {
      await target.audit.record([auditOfImport(toDelete.length === 0 ? writes : [...writes, ...toDelete], { imported, updated, unchanged, deleted }, actor, now())]);
    }
    return { imported, updated, unchanged, deleted, ignored: leftByStrategy + deletions.length - deleted };
  };
  const counts = dryRun ? await write(store) : await store.transaction(write);
  return summary(
    hasConflicts ? 'WARNING' : 'SUCCESS',
    dryRun,
    { imported: counts.imported, updated: counts.updated, ignored: conflictRows + counts.unchanged + counts.ignored, deleted: counts.deleted },
    counts.unchanged,
    conflicts.list(),
  );
}

/** The distinct (unit, period) pairs of the resolved values and deletions. */
function targetsOf(values: readonly DataValueKey[], deletions: readonly DataValueKey[]): { orgUnit: string; period: string }[] {
  const targets = new Map<string, { orgUnit: string; period: string }>();
  for (const list of [values, deletions]) {
    for (const { orgUnit, period } of list) targets.set(`${orgUnit}\u0000${period}`, { orgUnit, period });
  }
  return [...targets.values()];
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
  readonly keys: RowKeyResolver;
  readonly conflicts: ConflictList;
  readonly at: string;
  /** Filled with the base value of each row that carries one (as text; null: empty), by key string. */
  readonly bases: Map<string, string | null>;
  /** How a row's index reads to the user: a CSV line, a JSON item, else a position. */
  readonly format?: ParsedValues['format'] | undefined;
  readonly strategy: ImportStrategy;
  /** Decides who enters each figure (a row of another unit is a conflict). */
  readonly policy: ReportingUnitPolicy;
  /** Who writes: the stored-by of rows that do not name one, so a stale save can say who stored a value. */
  readonly actor: string;
}

/** "dòng 3" in a CSV file, "mục 3" in a JSON file (as the CLI labels rows), else "số liệu thứ 3". */
function rowPlace(format: ResolveInput['format'], index: number): string {
  return format === 'csv' ? `dòng ${index}` : format === 'json' ? `mục ${index}` : `số liệu thứ ${index}`;
}

/**
 * Rows to domain values and keys to delete; each bad row becomes a conflict. This loop
 * runs a million times on a national file, so identifiers are resolved through caches
 * keyed by the text as written, and duplicate keys are found through nested maps
 * (indicator → period → disaggregation → attribute → org unit) rather than by building
 * a key string per row.
 */
function resolveRows({ rows, keys, policy, conflicts, at, bases, format, strategy, actor }: ResolveInput): { values: DataValue[]; deletions: DataValueKey[] } {
  const periods = new Map<string, string | null>();
  const firstRowByIndicator = new Map<string, Map<string, Map<string, Map<string, Map<string, number>>>>>();
  const values: DataValue[] = [];
  const deletions: DataValueKey[] = [];
  for (const row of rows) {
    const indicatorFound = keys.indicator(row);
    if (!indicatorFound.ok) {
      conflicts.add(indicatorFound.object, indicatorFound.value, row.index, indicatorFound.problem);
      continue;
    }
    const indicator = indicatorFound.value;
    if (indicator.kind === 'derived') {
      conflicts.add(row.indicator, row.indicator, row.index, `Chỉ tiêu "${indicator.code}" là chỉ tiêu tính toán, không nhập số liệu.`);
      continue;
    }
    const unit = keys.orgUnit(row);
    if (!unit.ok) {
      conflicts.add(unit.object, unit.value, row.index, unit.problem);
      continue;
    }
    const orgUnit = unit.value;
    let period = periods.get(row.period);
    if (period === undefined) {
      const parsed = tryParsePeriod(row.period);
      period = parsed.ok ? formatPeriod(parsed.period) : null;
      periods.set(row.period, period);
    }
    if (period === null) {
      conflicts.add('period', row.period, row.index, `Kỳ báo cáo "${row.period}" không hợp lệ (dùng một trong các dạng ${PERIOD_FORMS}).`);
      continue;
    }
    const disagg = keys.disagg(row, indicator);
    if (!disagg.ok) {
      conflicts.add(disagg.object, disagg.value, row.index, disagg.problem);
      continue;
    }
    const attr = keys.attr(row, indicator);
    if (!attr.ok) {
      conflicts.add(attr.object, attr.value, row.index, attr.problem);
      continue;
    }
    // Only ADX moves values and comments about (its annotations); other rows are used as written.
    const meant = format === 'adx' || row.annotation !== undefined ? rowValueAndComment(indicator, row, format) : undefined;
    if (typeof meant === 'string') {
      conflicts.add('value', row.value, row.index, meant);
      continue;
    }
    const raw = meant ? meant.value : row.value;
    const checked = isDeletion(row, raw, strategy) ? null : checkRowValue(indicator, raw);
    if (typeof checked === 'string') {
      conflicts.add('value', row.value, row.index, checked);
      continue;
    }
    // Who enters what (reporting-unit-policy.ts). A deletion is never refused: a figure
    // stored on the wrong unit must stay possible to clear.
    const refusal = checked === null ? null : policy.refusal(indicator, orgUnit, period);
    if (refusal) {
      conflicts.add('orgUnit', orgUnit, row.index, refusal.message);
      continue;
    }
    const byOrgUnit = nested(nested(nested(nested(firstRowByIndicator, indicator.code), period), disagg.value), attr.value);
    const first = byOrgUnit.get(orgUnit);
    if (first !== undefined) {
      const shown = [indicator.code, orgUnit, period, disagg.value, ...(attr.value ? [attr.value] : [])].join(' / ');
      conflicts.add('dataValue', shown, row.index, `Số liệu trùng khóa với ${rowPlace(format, first)} (cùng chỉ tiêu, đơn vị, kỳ, phân tổ và phân tổ thuộc tính).`);
      continue;
    }
    byOrgUnit.set(orgUnit, row.index);
    // One object of one shape per row: this is the hot path of a national import.
    const value: DataValue | DataValueKey = checked === null
      ? { indicator: indicator.code, orgUnit, period, disagg: disagg.value, attr: attr.value }
      : {
        indicator: indicator.code, orgUnit, period, disagg: disagg.value, attr: attr.value, value: checked.value, text: checked.text,
        comment: meant ? meant.comment : (row.comment ?? null), storedBy: row.storedBy ?? actor, updatedAt: at, followup: row.followup === true,
      };
    if (row.base !== undefined) {
      const base = row.base === null || row.base.trim() === '' ? null : row.base.trim();
      bases.set(dataValueKeyString(value), base);
    }
    if (checked === null) deletions.push(value);
    else values.push(value as DataValue);
  }
  return { values, deletions };
}

/** One value whose stored state moved on since the writer read it. */
export interface StaleValue {
  readonly dataElement: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly categoryOptionCombo: string;
  readonly attributeOptionCombo?: string;
  /** What the writer saw (null: empty); text for text values. */
  readonly base: number | string | null;
  /** What the writer tried to store (null: a deletion); text for text values. */
  readonly value: number | string | null;
  /** What is stored now (null: nothing); text for text values. */
  readonly current: number | string | null;
  readonly storedBy: string | null;
  readonly lastUpdated: string | null;
}

/** 409 `conflict` listing every stale value with what is stored now; nothing is written. */
function assertNotStale(values: readonly DataValueKey[], bases: ReadonlyMap<string, string | null>, stored: ReadonlyMap<string, DataValue>): void {
  if (bases.size === 0) return;
  const stale: StaleValue[] = [];
  for (const value of values) {
    const key = dataValueKeyString(value);
    if (!bases.has(key)) continue;
    const base = asFigure(bases.get(key) ?? null);
    const now = stored.get(key);
    const current = now ? (now.value ?? now.text ?? null) : null;
    if (!sameFigure(current, base)) {
      stale.push({
        dataElement: value.indicator, orgUnit: value.orgUnit, period: value.period, categoryOptionCombo: value.disagg === '' ? 'default' : value.disagg,
        ...(value.attr ? { attributeOptionCombo: value.attr } : {}),
        base, value: 'value' in value ? ((value as DataValue).value ?? (value as DataValue).text ?? null) : null, current, storedBy: now?.storedBy ?? null, lastUpdated: now?.updatedAt ?? null,
      });
    }
  }
  if (stale.length > 0) {
    throw new AppError('conflict', `${stale.length} số liệu đã được người khác thay đổi từ lúc bạn mở; chưa ghi gì. Xem số hiện có rồi chọn giữ số nào.`, { details: { stale } });
  }
}

/** A base as written: a number when it reads as one (so "20601.0" is 20601), else its text. */
function asFigure(text: string | null): number | string | null {
  if (text === null) return null;
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? number : text;
}

function sameFigure(a: number | string | null, b: number | string | null): boolean {
  if (typeof a === 'string' && typeof b === 'number') return asFigure(a) === b;
  if (typeof a === 'number' && typeof b === 'string') return a === asFigure(b);
  return a === b;
}

/** The inner map under `key`, created on first use. */
function nested<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map()));
  return inner;
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
async function findStored(store: Store, values: readonly DataValueKey[]): Promise<Map<string, DataValue>> {
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
    else if (
      before.value !== value.value || (before.text ?? null) !== (value.text ?? null) ||
      (before.comment ?? null) !== (value.comment ?? null) || Boolean(before.followup) !== Boolean(value.followup)
    ) updates.push({ before, after: value });
  }
  return { imported, updates };
}

function keyOf(value: DataValueKey) {
  return { indicator: value.indicator, orgUnit: value.orgUnit, period: value.period, disagg: value.disagg, ...(value.attr ? { attr: value.attr } : {}) };
}

/** What an audit event shows of a value: its key, its value as files write it, its comment. */
function figureOf(value: DataValue) {
  return { ...keyOf(value), value: value.text === undefined || value.text === null ? value.value : storedValueText(value), comment: value.comment ?? null, ...(value.followup ? { followup: true } : {}) };
}

function auditOfUpdate(before: DataValue | null, after: DataValue, actor: string, at: Date, correction = false): AuditEvent {
  return {
    at: at.toISOString(), actor, action: correction ? 'data_value.correct' : 'data_value.update', entity: 'data_value',
    orgUnit: after.orgUnit, period: after.period,
    before: before ? figureOf(before) : null,
    after: figureOf(after),
  };
}

function auditOfDeletion(before: DataValue, actor: string, at: Date): AuditEvent {
  return {
    at: at.toISOString(), actor, action: 'data_value.delete', entity: 'data_value',
    orgUnit: before.orgUnit, period: before.period, before: figureOf(before), after: null,
  };
}

/** One event for the whole import: the counts, and the units and periods it touched. */
function auditOfImport(values: readonly DataValue[], counts: { imported: number; updated: number; unchanged: number; deleted: number }, actor: string, at: Date): AuditEvent {
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
