// Reports (báo cáo): the header and workflow state in `report`, the divisions' parts,
// narrative items, document register entries and plan items in child tables.
// Every write that names an expected version updates only when the row still has it
// (`... WHERE version = ?`), so concurrent edits are refused rather than lost.
import type { Kysely, Selectable } from 'kysely';
import type { UpsertCounts } from '../../app/ports.ts';
import type {
  PartChange, ReportFilter, ReportHeaderChange, ReportRepository as ReportPort, ReportStateChange,
  StoredPart, StoredReport, Versioned, VersionedWrite,
} from '../../app/reports/report-ports.ts';
import type { DocumentEntry, NarrativeItem, PlanItem, PlanStatus, ReportInstance } from '../../core/report-instance.ts';
import type { Signer } from '../../core/report-model.ts';
import type { PartStatus, ReportStatus } from '../../core/workflow.ts';
import type { Database } from '../database.ts';
import type { ReportDocumentTable, ReportItemTable, ReportPlanItemTable, ReportTable } from '../report-tables.ts';
import { chunks, inTransaction } from './in-transaction.ts';
import { runTemplate } from './query-template.ts';

/** Rows per multi-row insert: 13 columns at most, well under every driver's limit of bound values. */
const INSERT_CHUNK = 200;

type ReportRow = Selectable<ReportTable>;
type ItemRow = Omit<Selectable<ReportItemTable>, 'version'>;
type DocumentRow = Omit<Selectable<ReportDocumentTable>, 'version'>;
type PlanRow = Omit<Selectable<ReportPlanItemTable>, 'version'>;
type HeaderRow = Omit<ReportRow, 'id' | 'status' | 'reason' | 'issued_at' | 'issued_by' | 'version'>;

const conflict = { ok: false, reason: 'conflict' } as const;
const notFound = { ok: false, reason: 'not_found' } as const;

function toStored(row: ReportRow): StoredReport {
  return {
    id: Number(row.id),
    template: row.template,
    orgUnit: row.org_unit,
    period: row.period,
    number: row.number,
    date: row.date,
    place: row.place,
    governingBody: row.governing_body,
    issuingBody: row.issuing_body,
    symbol: row.symbol,
    recipients: JSON.parse(row.recipients_json) as string[],
    signer: JSON.parse(row.signer_json) as Signer,
    variables: JSON.parse(row.variables_json) as Record<string, string | number>,
    status: row.status as ReportStatus,
    reason: row.reason,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    version: row.version,
  };
}

function headerRow(instance: Omit<ReportInstance, 'items' | 'documents' | 'plan'>): HeaderRow {
  return {
    template: instance.template,
    org_unit: instance.orgUnit,
    period: instance.period,
    number: instance.number,
    date: instance.date,
    place: instance.place,
    governing_body: instance.governingBody,
    issuing_body: instance.issuingBody,
    symbol: instance.symbol,
    recipients_json: JSON.stringify(instance.recipients),
    signer_json: JSON.stringify(instance.signer),
    variables_json: JSON.stringify(instance.variables ?? {}),
  };
}

function itemRow(reportId: number, item: NarrativeItem): ItemRow {
  return {
    report_id: reportId, id: item.id, section: item.section, position: item.order, text: item.text,
    marker: item.marker ?? null, owner: item.owner ?? null, slot: item.slot ?? null,
  };
}

/** Optional fields appear only when set, so a loaded item equals the one saved. */
function toItem(row: Selectable<ReportItemTable>): Versioned<NarrativeItem> {
  return {
    id: row.id, section: row.section, order: row.position, text: row.text,
    ...(row.marker !== null && { marker: row.marker }),
    ...(row.owner !== null && { owner: row.owner }),
    ...(row.slot !== null && { slot: row.slot }),
    version: row.version,
  };
}

function documentRow(reportId: number, entry: DocumentEntry, position: number): DocumentRow {
  return {
    report_id: reportId, id: entry.id, section: entry.section ?? null, doc_type: entry.type, label: entry.label ?? null,
    number: entry.number ?? null, symbol: entry.symbol ?? null, issuer: entry.issuer, date: entry.date ?? null,
    summary: entry.summary, cited: entry.cited === false ? 0 : 1, position,
  };
}

function toDocument(row: Selectable<ReportDocumentTable>): Versioned<DocumentEntry> {
  return {
    id: row.id, type: row.doc_type, issuer: row.issuer, summary: row.summary,
    ...(row.section !== null && { section: row.section }),
    ...(row.label !== null && { label: row.label }),
    ...(row.number !== null && { number: row.number }),
    ...(row.symbol !== null && { symbol: row.symbol }),
    ...(row.date !== null && { date: row.date }),
    cited: Number(row.cited) === 1,
    version: row.version,
  };
}

function planRow(reportId: number, item: PlanItem): PlanRow {
  return {
    report_id: reportId, id: item.id, position: item.order, text: item.text, for_period: item.forPeriod,
    status: item.status ?? null, result_item_ids_json: JSON.stringify(item.resultItemIds ?? []),
  };
}

function toPlanItem(row: Selectable<ReportPlanItemTable>): Versioned<PlanItem> {
  const resultItemIds = JSON.parse(row.result_item_ids_json) as string[];
  return {
    id: row.id, order: row.position, text: row.text, forPeriod: row.for_period,
    ...(row.status !== null && { status: row.status as PlanStatus }),
    ...(resultItemIds.length > 0 && { resultItemIds }),
    version: row.version,
  };
}

function toPart(row: Selectable<Database['report_part']>): StoredPart {
  return {
    reportId: Number(row.report_id), division: row.division, status: row.status as PartStatus,
    submittedAt: row.submitted_at, reason: row.reason, returnedAt: row.returned_at, returnedBy: row.returned_by, version: row.version,
  };
}

function sameColumns<T extends object>(a: T, b: T): boolean {
  return (Object.keys(a) as (keyof T)[]).every((key) => a[key] === b[key]);
}

/** What to insert, update and delete to turn the stored rows into the wanted ones (by id). */
function diffById<R extends { id: string }>(stored: readonly (R & { version: number })[], wanted: readonly R[]) {
  const byId = new Map(stored.map((row) => [row.id, row]));
  const wantedIds = new Set(wanted.map((row) => row.id));
  const inserts: R[] = [];
  const updates: R[] = [];
  for (const row of wanted) {
    const current = byId.get(row.id);
    if (!current) inserts.push(row);
    else if (!sameColumns(row, current)) updates.push(row);
  }
  const deletes = stored.filter((row) => !wantedIds.has(row.id)).map((row) => row.id);
  return { inserts, updates, deletes, changed: inserts.length + updates.length + deletes.length > 0 };
}

/** Last one wins for a repeated id, as in a file read top to bottom. */
function lastById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item] as const)).values()];
}

export class ReportRepository implements ReportPort {
  constructor(private readonly db: Kysely<Database>) {}

  async find(orgUnit: string, period: string, template?: string): Promise<StoredReport | undefined> {
    let query = this.db.selectFrom('report').selectAll().where('org_unit', '=', orgUnit).where('period', '=', period);
    if (template !== undefined) query = query.where('template', '=', template);
    const row = await query.orderBy('template').executeTakeFirst();
    return row ? toStored(row) : undefined;
  }

  async get(id: number): Promise<StoredReport | undefined> {
    const [row] = await runTemplate(this.db, 'report.get', [id], (db, [reportId]) => db.selectFrom('report').selectAll().where('id', '=', reportId as number));
    return row ? toStored(row) : undefined;
  }

  async list(filter: ReportFilter = {}): Promise<StoredReport[]> {
    let query = this.db.selectFrom('report').selectAll();
    if (filter.orgUnit !== undefined) query = query.where('org_unit', '=', filter.orgUnit);
    if (filter.period !== undefined) query = query.where('period', '=', filter.period);
    if (filter.template !== undefined) query = query.where('template', '=', filter.template);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    const rows = await query.orderBy('period').orderBy('org_unit').orderBy('template').execute();
    return rows.map(toStored);
  }

  async loadInstance(orgUnit: string, period: string, template?: string): Promise<ReportInstance | undefined> {
    const report = await this.find(orgUnit, period, template);
    if (!report) return undefined;
    const strip = <T extends { version: number }>({ version: _version, ...rest }: T): Omit<T, 'version'> => rest;
    return {
      template: report.template,
      orgUnit: report.orgUnit,
      period: report.period,
      number: report.number,
      date: report.date,
      place: report.place,
      governingBody: report.governingBody,
      issuingBody: report.issuingBody,
      symbol: report.symbol,
      recipients: report.recipients,
      signer: report.signer,
      items: (await this.listItems(report.id)).map(strip),
      documents: (await this.listDocuments(report.id)).map(strip),
      plan: (await this.listPlanItems(report.id)).map(strip),
      variables: report.variables,
    };
  }

  saveInstance(instance: ReportInstance): Promise<UpsertCounts> {
    return inTransaction(this.db, async (trx) => {
      const header = headerRow(instance);
      const existing = await trx.selectFrom('report').selectAll()
        .where('org_unit', '=', instance.orgUnit).where('period', '=', instance.period).where('template', '=', instance.template)
        .executeTakeFirst();
      let reportId: number;
      let changed = false;
      if (!existing) {
        const inserted = await trx.insertInto('report').values({ ...header, status: 'draft', version: 1 }).returning('id').executeTakeFirstOrThrow();
        reportId = Number(inserted.id);
      } else {
        reportId = Number(existing.id);
        const { id: _id, status: _s, reason: _r, issued_at: _i, issued_by: _b, version: _v, ...storedHeader } = existing;
        if (!sameColumns(header, storedHeader as HeaderRow)) {
          changed = true;
          await trx.updateTable('report').set({ ...header, version: existing.version + 1 }).where('id', '=', reportId).execute();
        }
      }

      const items = diffById(
        await trx.selectFrom('report_item').selectAll().where('report_id', '=', reportId).execute(),
        lastById(instance.items).map((item) => itemRow(reportId, item)),
      );
      if (items.deletes.length > 0) await trx.deleteFrom('report_item').where('report_id', '=', reportId).where('id', 'in', items.deletes).execute();
      // Many rows (an imported report holds thousands): a few multi-row inserts, not one statement each.
      for (const part of chunks(items.inserts, INSERT_CHUNK)) await trx.insertInto('report_item').values(part.map((row) => ({ ...row, version: 1 }))).execute();
      for (const row of items.updates) {
        await trx.updateTable('report_item').set((eb) => ({ ...row, version: eb('version', '+', 1) }))
          .where('report_id', '=', reportId).where('id', '=', row.id).execute();
      }

      const documents = diffById(
        await trx.selectFrom('report_document').selectAll().where('report_id', '=', reportId).execute(),
        lastById(instance.documents).map((entry, i) => documentRow(reportId, entry, i + 1)),
      );
      if (documents.deletes.length > 0) await trx.deleteFrom('report_document').where('report_id', '=', reportId).where('id', 'in', documents.deletes).execute();
      for (const part of chunks(documents.inserts, INSERT_CHUNK)) await trx.insertInto('report_document').values(part.map((row) => ({ ...row, version: 1 }))).execute();
      for (const row of documents.updates) {
        await trx.updateTable('report_document').set((eb) => ({ ...row, version: eb('version', '+', 1) }))
          .where('report_id', '=', reportId).where('id', '=', row.id).execute();
      }

      const plan = diffById(
        await trx.selectFrom('report_plan_item').selectAll().where('report_id', '=', reportId).execute(),
        lastById(instance.plan).map((item) => planRow(reportId, item)),
      );
      if (plan.deletes.length > 0) await trx.deleteFrom('report_plan_item').where('report_id', '=', reportId).where('id', 'in', plan.deletes).execute();
      for (const part of chunks(plan.inserts, INSERT_CHUNK)) await trx.insertInto('report_plan_item').values(part.map((row) => ({ ...row, version: 1 }))).execute();
      for (const row of plan.updates) {
        await trx.updateTable('report_plan_item').set((eb) => ({ ...row, version: eb('version', '+', 1) }))
          .where('report_id', '=', reportId).where('id', '=', row.id).execute();
      }

      if (!existing) return { imported: 1, updated: 0, unchanged: 0 };
      return changed || items.changed || documents.changed || plan.changed
        ? { imported: 0, updated: 1, unchanged: 0 }
        : { imported: 0, updated: 0, unchanged: 1 };
    });
  }

  async create(instance: Omit<ReportInstance, 'items' | 'documents' | 'plan'>): Promise<VersionedWrite<StoredReport>> {
    return inTransaction(this.db, async (trx) => {
      const existing = await trx.selectFrom('report').select('id')
        .where('org_unit', '=', instance.orgUnit).where('period', '=', instance.period).where('template', '=', instance.template)
        .executeTakeFirst();
      if (existing) return conflict;
      const row = await trx.insertInto('report').values({ ...headerRow(instance), status: 'draft', version: 1 }).returningAll().executeTakeFirstOrThrow();
      return { ok: true, value: toStored(row) };
    });
  }

  updateHeader(id: number, expectedVersion: number, change: ReportHeaderChange): Promise<VersionedWrite<StoredReport>> {
    return this.updateReport(id, expectedVersion, {
      ...(change.place !== undefined && { place: change.place }),
      ...(change.governingBody !== undefined && { governing_body: change.governingBody }),
      ...(change.issuingBody !== undefined && { issuing_body: change.issuingBody }),
      ...(change.symbol !== undefined && { symbol: change.symbol }),
      ...(change.recipients !== undefined && { recipients_json: JSON.stringify(change.recipients) }),
      ...(change.signer !== undefined && { signer_json: JSON.stringify(change.signer) }),
      ...(change.variables !== undefined && { variables_json: JSON.stringify(change.variables) }),
      ...(change.date !== undefined && { date: change.date }),
    });
  }

  updateState(id: number, expectedVersion: number, change: ReportStateChange): Promise<VersionedWrite<StoredReport>> {
    return this.updateReport(id, expectedVersion, {
      ...(change.status !== undefined && { status: change.status }),
      ...(change.number !== undefined && { number: change.number }),
      ...(change.date !== undefined && { date: change.date }),
      ...(change.reason !== undefined && { reason: change.reason }),
      ...(change.issuedAt !== undefined && { issued_at: change.issuedAt }),
      ...(change.issuedBy !== undefined && { issued_by: change.issuedBy }),
    });
  }

  private updateReport(id: number, expectedVersion: number, set: Partial<Omit<ReportRow, 'id' | 'version'>>): Promise<VersionedWrite<StoredReport>> {
    return inTransaction(this.db, async (trx) => {
      const row = await trx.updateTable('report').set({ ...set, version: expectedVersion + 1 })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst();
      if (row) return { ok: true, value: toStored(row) };
      const exists = await trx.selectFrom('report').select('id').where('id', '=', id).executeTakeFirst();
      return exists ? conflict : notFound;
    });
  }

  async nextNumber(issuingBody: string, symbol: string, year: number): Promise<number> {
    // The year of issue is the year of the document's date (số văn bản restart each January).
    const row = await this.db.selectFrom('report')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('issuing_body', '=', issuingBody).where('symbol', '=', symbol)
      .where('number', 'is not', null)
      .where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`)
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  }

  listIssued(period?: string): Promise<StoredReport[]> {
    return this.list({ status: 'issued', ...(period !== undefined && { period }) });
  }

  async listParts(reportId: number): Promise<StoredPart[]> {
    const rows = await runTemplate(this.db, 'report.parts', [reportId], (db, [id]) => db.selectFrom('report_part').selectAll().where('report_id', '=', id as number).orderBy('division'));
    return rows.map(toPart);
  }

  ensureParts(reportId: number, divisions: readonly string[]): Promise<StoredPart[]> {
    return inTransaction(this.db, async (trx) => {
      const existing = new Set((await trx.selectFrom('report_part').select('division').where('report_id', '=', reportId).execute()).map((r) => r.division));
      const missing = [...new Set(divisions)].filter((division) => !existing.has(division));
      if (missing.length > 0) {
        await trx.insertInto('report_part').values(missing.map((division) => ({ report_id: reportId, division, status: 'draft', version: 1 }))).execute();
      }
      const rows = await trx.selectFrom('report_part').selectAll().where('report_id', '=', reportId).orderBy('division').execute();
      return rows.map(toPart);
    });
  }

  updatePart(reportId: number, division: string, expectedVersion: number, change: PartChange): Promise<VersionedWrite<StoredPart>> {
    return inTransaction(this.db, async (trx) => {
      const row = await trx.updateTable('report_part')
        .set({
          status: change.status,
          ...(change.submittedAt !== undefined && { submitted_at: change.submittedAt }),
          ...(change.reason !== undefined && { reason: change.reason }),
          ...(change.returnedAt !== undefined && { returned_at: change.returnedAt }),
          ...(change.returnedBy !== undefined && { returned_by: change.returnedBy }),
          version: expectedVersion + 1,
        })
        .where('report_id', '=', reportId).where('division', '=', division).where('version', '=', expectedVersion)
        .returningAll().executeTakeFirst();
      if (row) return { ok: true, value: toPart(row) };
      const exists = await trx.selectFrom('report_part').select('division').where('report_id', '=', reportId).where('division', '=', division).executeTakeFirst();
      return exists ? conflict : notFound;
    });
  }

  async listItems(reportId: number, section?: string): Promise<Versioned<NarrativeItem>[]> {
    let query = this.db.selectFrom('report_item').selectAll().where('report_id', '=', reportId);
    if (section !== undefined) query = query.where('section', '=', section);
    const rows = await query.orderBy('section').orderBy('position').orderBy('id').execute();
    return rows.map(toItem);
  }

  saveItem(reportId: number, item: NarrativeItem, expectedVersion?: number): Promise<VersionedWrite<Versioned<NarrativeItem>>> {
    return inTransaction(this.db, async (trx) => {
      const row = itemRow(reportId, item);
      if (expectedVersion === undefined) {
        const exists = await trx.selectFrom('report_item').select('id').where('report_id', '=', reportId).where('id', '=', item.id).executeTakeFirst();
        if (exists) return conflict;
        const inserted = await trx.insertInto('report_item').values({ ...row, version: 1 }).returningAll().executeTakeFirstOrThrow();
        return { ok: true, value: toItem(inserted) };
      }
      const updated = await trx.updateTable('report_item').set({ ...row, version: expectedVersion + 1 })
        .where('report_id', '=', reportId).where('id', '=', item.id).where('version', '=', expectedVersion)
        .returningAll().executeTakeFirst();
      if (updated) return { ok: true, value: toItem(updated) };
      const exists = await trx.selectFrom('report_item').select('id').where('report_id', '=', reportId).where('id', '=', item.id).executeTakeFirst();
      return exists ? conflict : notFound;
    });
  }

  deleteItem(reportId: number, id: string, expectedVersion: number): Promise<VersionedWrite<null>> {
    return inTransaction(this.db, async (trx) => {
      const result = await trx.deleteFrom('report_item').where('report_id', '=', reportId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(result.numDeletedRows) > 0) return { ok: true, value: null };
      const exists = await trx.selectFrom('report_item').select('id').where('report_id', '=', reportId).where('id', '=', id).executeTakeFirst();
      return exists ? conflict : notFound;
    });
  }

  async listDocuments(reportId: number): Promise<Versioned<DocumentEntry>[]> {
    const rows = await this.db.selectFrom('report_document').selectAll().where('report_id', '=', reportId).orderBy('position').orderBy('id').execute();
    return rows.map(toDocument);
  }

  saveDocument(reportId: number, entry: DocumentEntry, expectedVersion?: number): Promise<VersionedWrite<Versioned<DocumentEntry>>> {
    return inTransaction(this.db, async (trx) => {
      const current = await trx.selectFrom('report_document').select(['position']).where('report_id', '=', reportId).where('id', '=', entry.id).executeTakeFirst();
      if (expectedVersion === undefined) {
        if (current) return conflict;
        const last = await trx.selectFrom('report_document').select((eb) => eb.fn.max('position').as('max')).where('report_id', '=', reportId).executeTakeFirst();
        const row = documentRow(reportId, entry, Number(last?.max ?? 0) + 1);
        const inserted = await trx.insertInto('report_document').values({ ...row, version: 1 }).returningAll().executeTakeFirstOrThrow();
        return { ok: true, value: toDocument(inserted) };
      }
      if (!current) return notFound;
      const updated = await trx.updateTable('report_document').set({ ...documentRow(reportId, entry, current.position), version: expectedVersion + 1 })
        .where('report_id', '=', reportId).where('id', '=', entry.id).where('version', '=', expectedVersion)
        .returningAll().executeTakeFirst();
      return updated ? { ok: true, value: toDocument(updated) } : conflict;
    });
  }

  deleteDocument(reportId: number, id: string, expectedVersion: number): Promise<VersionedWrite<null>> {
    return inTransaction(this.db, async (trx) => {
      const result = await trx.deleteFrom('report_document').where('report_id', '=', reportId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(result.numDeletedRows) > 0) return { ok: true, value: null };
      const exists = await trx.selectFrom('report_document').select('id').where('report_id', '=', reportId).where('id', '=', id).executeTakeFirst();
      return exists ? conflict : notFound;
    });
  }

  async listPlanItems(reportId: number): Promise<Versioned<PlanItem>[]> {
    const rows = await this.db.selectFrom('report_plan_item').selectAll().where('report_id', '=', reportId).orderBy('for_period').orderBy('position').orderBy('id').execute();
    return rows.map(toPlanItem);
  }

  savePlanItem(reportId: number, item: PlanItem, expectedVersion?: number): Promise<VersionedWrite<Versioned<PlanItem>>> {
    return inTransaction(this.db, async (trx) => {
      const row = planRow(reportId, item);
      if (expectedVersion === undefined) {
        const exists = await trx.selectFrom('report_plan_item').select('id').where('report_id', '=', reportId).where('id', '=', item.id).executeTakeFirst();
        if (exists) return conflict;
        const inserted = await trx.insertInto('report_plan_item').values({ ...row, version: 1 }).returningAll().executeTakeFirstOrThrow();
        return { ok: true, value: toPlanItem(inserted) };
      }
      const updated = await trx.updateTable('report_plan_item').set({ ...row, version: expectedVersion + 1 })
        .where('report_id', '=', reportId).where('id', '=', item.id).where('version', '=', expectedVersion)
        .returningAll().executeTakeFirst();
      if (updated) return { ok: true, value: toPlanItem(updated) };
      const exists = await trx.selectFrom('report_plan_item').select('id').where('report_id', '=', reportId).where('id', '=', item.id).executeTakeFirst();
      return exists ? conflict : notFound;
    });
  }

  deletePlanItem(reportId: number, id: string, expectedVersion: number): Promise<VersionedWrite<null>> {
    return inTransaction(this.db, async (trx) => {
      const result = await trx.deleteFrom('report_plan_item').where('report_id', '=', reportId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(result.numDeletedRows) > 0) return { ok: true, value: null };
      const exists = await trx.selectFrom('report_plan_item').select('id').where('report_id', '=', reportId).where('id', '=', id).executeTakeFirst();
      return exists ? conflict : notFound;
    });
  }
}
