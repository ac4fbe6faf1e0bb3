// Validation rules (quy tắc kiểm tra): rows of validation_rule ↔ core ValidationRule.
import type { Kysely, Selectable } from 'kysely';
import type { UpsertCounts, ValidationRuleRepository as ValidationRulePort } from '../../app/ports.ts';
import type { MissingValueStrategy } from '../../core/expression/index.ts';
import type { Severity } from '../../core/finding.ts';
import type { RuleOperator, ValidationRule } from '../../core/validate.ts';
import type { Database, ValidationRuleTable } from '../database.ts';
import { chunks, inTransaction, lastByCode } from './in-transaction.ts';

type RuleRow = Selectable<ValidationRuleTable>;

function toRow(rule: ValidationRule): RuleRow {
  return {
    code: rule.code,
    name: rule.name,
    left_side: rule.left,
    operator: rule.operator,
    right_side: rule.right,
    severity: rule.severity,
    message: rule.message,
    missing_strategy: rule.missing ?? null,
  };
}

function toRule(row: RuleRow): ValidationRule {
  const rule: ValidationRule = {
    code: row.code,
    name: row.name,
    left: row.left_side,
    operator: row.operator as RuleOperator,
    right: row.right_side,
    severity: row.severity as Severity,
    message: row.message,
  };
  return row.missing_strategy === null ? rule : { ...rule, missing: row.missing_strategy as MissingValueStrategy };
}

const COLUMNS = ['code', 'name', 'left_side', 'operator', 'right_side', 'severity', 'message', 'missing_strategy'] as const;

export class ValidationRuleRepository implements ValidationRulePort {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<ValidationRule[]> {
    const rows = await this.db.selectFrom('validation_rule').select(COLUMNS).orderBy('code').execute();
    return rows.map(toRule);
  }

  upsertMany(rules: readonly ValidationRule[]): Promise<UpsertCounts> {
    return inTransaction(this.db, async (trx) => {
      const stored = new Map((await trx.selectFrom('validation_rule').select(COLUMNS).execute()).map((row) => [row.code, row]));
      let imported = 0;
      let unchanged = 0;
      const writes: RuleRow[] = [];
      for (const rule of lastByCode(rules)) {
        const row = toRow(rule);
        const current = stored.get(rule.code);
        if (!current) imported++;
        else if (COLUMNS.every((column) => current[column] === row[column])) {
          unchanged++;
          continue;
        }
        writes.push(row);
      }
      for (const part of chunks(writes, 1000)) {
        await trx
          .insertInto('validation_rule')
          .values(part)
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              left_side: eb.ref('excluded.left_side'),
              operator: eb.ref('excluded.operator'),
              right_side: eb.ref('excluded.right_side'),
              severity: eb.ref('excluded.severity'),
              message: eb.ref('excluded.message'),
              missing_strategy: eb.ref('excluded.missing_strategy'),
            })),
          )
          .execute();
      }
      return { imported, updated: writes.length - imported, unchanged };
    });
  }
}
