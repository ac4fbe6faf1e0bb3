// Audit trail (nhật ký): who changed what, with before and after as JSON.
import type { Kysely } from 'kysely';
import type { AuditEvent, AuditRepository as AuditPort } from '../../app/ports.ts';
import type { Database } from '../database.ts';
import { chunks } from './in-transaction.ts';

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function fromJson(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text);
}

export class AuditRepository implements AuditPort {
  constructor(private readonly db: Kysely<Database>) {}

  async record(events: readonly AuditEvent[]): Promise<void> {
    for (const part of chunks(events, 1000)) {
      await this.db
        .insertInto('audit_event')
        .values(
          part.map((event) => ({
            at: event.at,
            actor: event.actor,
            action: event.action,
            entity: event.entity,
            org_unit: event.orgUnit ?? null,
            period: event.period ?? null,
            before_json: toJson(event.before),
            after_json: toJson(event.after),
          })),
        )
        .execute();
    }
  }

  /** Most recent first. */
  async list(filter: { orgUnit?: string; period?: string; actor?: string; action?: string; actions?: readonly string[]; limit?: number }): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('audit_event').selectAll();
    if (filter.orgUnit !== undefined) query = query.where('org_unit', '=', filter.orgUnit);
    if (filter.period !== undefined) query = query.where('period', '=', filter.period);
    if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.actions !== undefined) query = query.where('action', 'in', filter.actions.length > 0 ? [...filter.actions] : ['']);
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    const rows = await query.orderBy('id', 'desc').execute();
    return rows.map((row) => {
      const event: AuditEvent = {
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        orgUnit: row.org_unit,
        period: row.period,
      };
      const before = fromJson(row.before_json);
      const after = fromJson(row.after_json);
      return { ...event, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
    });
  }
}
