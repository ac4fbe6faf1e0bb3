// Creates, changes or deletes one entry of a report: a narrative item, a document
// register entry or a plan item. Checks the writer's scope on the section's owner
// (before and after the change, so an entry cannot be moved out of someone else's
// section), refuses writes to an issued period, writes under optimistic concurrency
// (a stale version gets 'conflict' with the current entry, nothing is overwritten)
// and audits before and after.
import { nextPeriod, formatPeriod, tryParsePeriod } from '../../core/period.ts';
import type { DocumentEntry, NarrativeItem, PlanItem } from '../../core/report-instance.ts';
import { AppError, notFound } from '../app-error.ts';
import { actorOf } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import type { Versioned, VersionedWrite } from './report-ports.ts';
import { ENTRY_LABELS, loadReportScope, ownerOf, requireEntryWriter, requireOpen, requireSection } from './report-entry-scope.ts';
import type { EntryKind, ReportScope } from './report-entry-scope.ts';
import { assertEntryWritable } from './entry-state-policy.ts';

export type ReportEntry = NarrativeItem | DocumentEntry | PlanItem;
export type EntryFields = Readonly<Record<string, unknown>>;

export type EntryWrite =
  | { readonly op: 'create'; readonly fields: EntryFields }
  | { readonly op: 'update'; readonly id: string; readonly fields: EntryFields; readonly expectedVersion: number }
  | { readonly op: 'delete'; readonly id: string; readonly expectedVersion: number };

/** The repository calls of one kind of entry, so the use case is written once. */
interface EntryAccess {
  list(reportId: number): Promise<Versioned<ReportEntry>[]>;
  save(reportId: number, entry: ReportEntry, expectedVersion?: number): Promise<VersionedWrite<Versioned<ReportEntry>>>;
  remove(reportId: number, id: string, expectedVersion: number): Promise<VersionedWrite<null>>;
}

export function entryAccess(store: Store, kind: EntryKind): EntryAccess {
  const r = store.reports;
  switch (kind) {
    case 'items': return { list: (id) => r.listItems(id), save: (id, e, v) => r.saveItem(id, e as NarrativeItem, v), remove: (id, e, v) => r.deleteItem(id, e, v) };
    case 'documents': return { list: (id) => r.listDocuments(id), save: (id, e, v) => r.saveDocument(id, e as DocumentEntry, v), remove: (id, e, v) => r.deleteDocument(id, e, v) };
    case 'plan': return { list: (id) => r.listPlanItems(id), save: (id, e, v) => r.savePlanItem(id, e as PlanItem, v), remove: (id, e, v) => r.deletePlanItem(id, e, v) };
  }
}

function sectionOf(entry: ReportEntry | EntryFields | undefined): string | null {
  const section = (entry as { section?: unknown } | undefined)?.section;
  return typeof section === 'string' ? section : null;
}

function newId(kind: EntryKind): string {
  return `${kind === 'items' ? 'item' : kind === 'documents' ? 'doc' : 'plan'}-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

/** A complete entry from the fields of a create: defaults where the API allows them. */
function completeEntry(kind: EntryKind, scope: ReportScope, fields: EntryFields, existing: readonly Versioned<ReportEntry>[]): ReportEntry {
  const id = typeof fields['id'] === 'string' ? fields['id'] : newId(kind);
  const order = typeof fields['order'] === 'number' ? fields['order'] : existing.reduce((max, e) => Math.max(max, (e as { order?: number }).order ?? 0), 0) + 1;
  switch (kind) {
    case 'items': {
      const section = sectionOf(fields) ?? '';
      return { ...fields, id, order, section, text: String(fields['text'] ?? ''), owner: (fields['owner'] as string | undefined) ?? ownerOf(scope, 'items', section) } as NarrativeItem;
    }
    case 'documents':
      return { ...fields, id } as DocumentEntry;
    case 'plan': {
      const parsed = tryParsePeriod(scope.report.period);
      const forPeriod = typeof fields['forPeriod'] === 'string' ? fields['forPeriod'] : parsed.ok ? formatPeriod(nextPeriod(parsed.period)) : scope.report.period;
      return { ...fields, id, order, forPeriod, text: String(fields['text'] ?? '') } as PlanItem;
    }
  }
}

function stripVersion(entry: Versioned<ReportEntry>): ReportEntry {
  const { version: _version, ...rest } = entry;
  return rest as ReportEntry;
}

function conflict(kind: EntryKind, current: Versioned<ReportEntry> | undefined): AppError {
  return new AppError('conflict', `${ENTRY_LABELS[kind][0]?.toUpperCase() ?? ''}${ENTRY_LABELS[kind].slice(1)} vừa được người khác sửa; tải lại để xem bản mới rồi sửa lại.`, {
    details: { version: current?.version ?? null, current: current ?? null },
  });
}

/** A plan line's result links must name items of this report. */
async function requireKnownResults(store: Store, scope: ReportScope, entry: ReportEntry): Promise<void> {
  const links = (entry as PlanItem).resultItemIds;
  if (!links || links.length === 0) return;
  const items = new Set((await store.reports.listItems(scope.report.id)).map((i) => i.id));
  const index = links.findIndex((id) => !items.has(id));
  if (index >= 0) throw new AppError('bad_request', `Không có nội dung "${links[index] ?? ''}" trong báo cáo này để liên kết kết quả.`, { field: `body.resultItemIds.${index}` });
}

export interface EntryWriteResult {
  readonly entry: Versioned<ReportEntry> | null;
}

export async function writeReportEntry({ store, principal, orgUnit, period, kind, write, now = new Date() }: {
  store: Store; principal: Principal; orgUnit: string; period: string; kind: EntryKind; write: EntryWrite; now?: Date;
}): Promise<EntryWriteResult> {
  return store.transaction(async (tx) => {
    const scope = await loadReportScope(tx, orgUnit, period);
    const access = entryAccess(tx, kind);
    const existing = await access.list(scope.report.id);
    const current = write.op === 'create' ? undefined : existing.find((e) => e.id === write.id);
    if (write.op !== 'create' && !current) throw notFound(`Không có ${ENTRY_LABELS[kind]} "${write.id}" trong báo cáo này.`);

    // Scope before the lock: someone out of scope learns nothing about the report's state.
    if (current) requireEntryWriter(principal, scope, ownerOf(scope, kind, sectionOf(current)));
    const next = write.op === 'create'
      ? completeEntry(kind, scope, write.fields, existing)
      : write.op === 'update' && current ? { ...stripVersion(current), ...write.fields, id: current.id } as ReportEntry : undefined;
    if (next) {
      const section = sectionOf(next);
      if (section !== null) requireSection(scope, section, 'body.section');
      else if (kind === 'items') throw new AppError('bad_request', 'Cần chọn mục (section) cho nội dung.', { field: 'body.section' });
      requireEntryWriter(principal, scope, ownerOf(scope, kind, section));
      await requireKnownResults(tx, scope, next);
    }
    await requireOpen(tx, scope);
    await assertEntryWritable({ store: tx, scope, principal, owners: [current, next].flatMap((e) => (e ? [ownerOf(scope, kind, sectionOf(e))] : [])) });

    if (write.op !== 'create' && current && current.version !== write.expectedVersion) throw conflict(kind, current);
    if (write.op === 'create' && existing.some((e) => e.id === next?.id)) {
      throw new AppError('conflict', `Đã có ${ENTRY_LABELS[kind]} mã "${next?.id ?? ''}" trong báo cáo này.`, { field: 'body.id' });
    }

    const result = write.op === 'delete'
      ? await access.remove(scope.report.id, write.id, write.expectedVersion)
      : await access.save(scope.report.id, next as ReportEntry, write.op === 'update' ? write.expectedVersion : undefined);
    if (!result.ok) {
      // Lost a race inside the transaction's snapshot: report what is stored now.
      const now = (await access.list(scope.report.id)).find((e) => e.id === (current?.id ?? next?.id));
      throw conflict(kind, now);
    }
    const entry = result.value;
    await tx.audit.record([{
      at: now.toISOString(), actor: actorOf(principal),
      action: `report_${kind === 'items' ? 'item' : kind === 'documents' ? 'document' : 'plan_item'}.${write.op}`,
      entity: `${kind}:${current?.id ?? next?.id ?? ''}`,
      orgUnit: scope.report.orgUnit, period: scope.report.period,
      before: current ?? null, after: entry,
    }]);
    return { entry };
  });
}
