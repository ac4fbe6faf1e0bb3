// Builds a Store over one Kysely instance (or transaction) and one dialect.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Store } from '../app/ports.ts';
import type { Database } from './database.ts';
import { pendingMigrations } from './migrate.ts';
import { AccountRepository } from './repositories/account-repository.ts';
import { AuditRepository } from './repositories/audit-repository.ts';
import { DataValueRepository } from './repositories/data-value-repository.ts';
import { ExplanationRepository } from './repositories/explanation-repository.ts';
import { IndicatorRepository } from './repositories/indicator-repository.ts';
import { NotificationReadRepository } from './repositories/notification-read-repository.ts';
import { OrgUnitRepository } from './repositories/org-unit-repository.ts';
import { ReportRepository } from './repositories/report-repository.ts';
import { ReportTemplateRepository } from './repositories/report-template-repository.ts';
import { StoredRenderRepository } from './repositories/stored-render-repository.ts';
import { ValidationRuleRepository } from './repositories/validation-rule-repository.ts';
import { ValueSourceRepository } from './repositories/value-source-repository.ts';
import type { StorageDialect } from './storage-dialect.ts';

export function createStore(db: Kysely<Database>, dialect: StorageDialect, cacheScope: object = {}): Store {
  const store: Store = {
    dialect: dialect.name,
    inTransaction: db.isTransaction,
    cacheScope,
    orgUnits: new OrgUnitRepository(db),
    indicators: new IndicatorRepository(db),
    dataValues: new DataValueRepository(db, dialect),
    validationRules: new ValidationRuleRepository(db),
    audit: new AuditRepository(db),
    accounts: new AccountRepository(db),
    templates: new ReportTemplateRepository(db),
    reports: new ReportRepository(db),
    valueSources: new ValueSourceRepository(db),
    explanations: new ExplanationRepository(db),
    notificationReads: new NotificationReadRepository(db),
    storedRenders: dialect.name === 'sqlite' ? new StoredRenderRepository(db) : null,
    transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
      // Nested use joins the open transaction: a use case can call another that
      // opens its own, and both commit or roll back together.
      if (db.isTransaction) return work(store);
      return db.transaction().execute((trx) => work(createStore(trx, dialect, cacheScope)));
    },
    changeToken: () => dialect.changeToken(db),
    async ping(): Promise<void> {
      await sql`select 1`.execute(db);
    },
    pendingMigrations: () => pendingMigrations(db),
    async close(): Promise<void> {
      if (db.isTransaction) throw new Error('close() inside a transaction: close the store that opened it');
      await db.destroy();
    },
  };
  return store;
}
