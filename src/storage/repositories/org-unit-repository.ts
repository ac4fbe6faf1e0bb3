// Org units (đơn vị): rows of org_unit ↔ core OrgUnit.
import type { Kysely, Selectable } from 'kysely';
import type { OrgUnitRepository as OrgUnitPort, UpsertCounts } from '../../app/ports.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import type { Database, OrgUnitTable } from '../database.ts';
import { chunks, inTransaction, lastByCode, nullable } from './in-transaction.ts';

type OrgUnitRow = Omit<Selectable<OrgUnitTable>, 'id'>;

function toRow(unit: OrgUnit): OrgUnitRow {
  return {
    code: unit.code,
    name: unit.name,
    short_name: nullable(unit.shortName),
    parent_code: unit.parentCode,
    level: unit.level,
    path: unit.path,
    kind: nullable(unit.kind),
    opening_date: nullable(unit.openingDate),
    closing_date: nullable(unit.closingDate),
    successor_code: nullable(unit.successorCode),
    uid: nullable(unit.uid),
    dhis2_code: nullable(unit.dhis2Code),
  };
}

function toOrgUnit(row: OrgUnitRow): OrgUnit {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    parentCode: row.parent_code,
    level: row.level,
    path: row.path,
    kind: row.kind,
    openingDate: row.opening_date,
    closingDate: row.closing_date,
    successorCode: row.successor_code,
    ...(row.uid !== null ? { uid: row.uid } : {}),
    ...(row.dhis2_code !== null ? { dhis2Code: row.dhis2_code } : {}),
  };
}

const COLUMNS = ['code', 'name', 'short_name', 'parent_code', 'level', 'path', 'kind', 'opening_date', 'closing_date', 'successor_code', 'uid', 'dhis2_code'] as const;

function sameRow(a: OrgUnitRow, b: OrgUnitRow): boolean {
  return COLUMNS.every((column) => a[column] === b[column]);
}

export class OrgUnitRepository implements OrgUnitPort {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<OrgUnit[]> {
    const rows = await this.db.selectFrom('org_unit').select(COLUMNS).orderBy('path').execute();
    return rows.map(toOrgUnit);
  }

  async get(code: string): Promise<OrgUnit | undefined> {
    const row = await this.db.selectFrom('org_unit').select(COLUMNS).where('code', '=', code).executeTakeFirst();
    return row ? toOrgUnit(row) : undefined;
  }

  upsertMany(units: readonly OrgUnit[]): Promise<UpsertCounts> {
    return inTransaction(this.db, async (trx) => {
      // The unit table is small (thousands): compare in memory, write only what changed.
      const stored = new Map((await trx.selectFrom('org_unit').select(COLUMNS).execute()).map((row) => [row.code, row]));
      let imported = 0;
      let unchanged = 0;
      const writes: OrgUnitRow[] = [];
      for (const unit of lastByCode(units)) {
        const row = toRow(unit);
        const current = stored.get(unit.code);
        if (!current) imported++;
        else if (sameRow(current, row)) {
          unchanged++;
          continue;
        }
        writes.push(row);
      }
      for (const part of chunks(writes, 1000)) {
        await trx
          .insertInto('org_unit')
          .values(part)
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              short_name: eb.ref('excluded.short_name'),
              parent_code: eb.ref('excluded.parent_code'),
              level: eb.ref('excluded.level'),
              path: eb.ref('excluded.path'),
              kind: eb.ref('excluded.kind'),
              opening_date: eb.ref('excluded.opening_date'),
              closing_date: eb.ref('excluded.closing_date'),
              successor_code: eb.ref('excluded.successor_code'),
              uid: eb.ref('excluded.uid'),
              dhis2_code: eb.ref('excluded.dhis2_code'),
            })),
          )
          .execute();
      }
      return { imported, updated: writes.length - imported, unchanged };
    });
  }
}
