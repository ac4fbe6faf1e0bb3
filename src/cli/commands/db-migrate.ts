// `baocao db migrate`: applies pending schema migrations and names them.
import { describeMigrationFailure, migrateToLatest } from '../../storage/migrate.ts';
import { isDatabaseUnavailable } from '../../storage/database-unavailable.ts';
import { openDatabase, resolveConnectionSettings, resolveDatabaseUrl } from '../../storage/open-store.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';

export async function run({ io, env }: CommandContext): Promise<number> {
  const { db } = await openDatabase(resolveDatabaseUrl(env), resolveConnectionSettings(env));
  try {
    const result = await migrateToLatest(db);
    const failure = describeMigrationFailure(result);
    // main.ts reports an unreachable database (exit 75); anything else is a failed migration.
    if (failure && isDatabaseUnavailable(result.error)) throw result.error;
    if (failure) throw new CliError(1, failure);
    const applied = (result.results ?? []).filter((r) => r.status === 'Success');
    if (applied.length === 0) io.out('Cơ sở dữ liệu đã ở phiên bản mới nhất; không có thay đổi nào cần áp dụng.');
    else {
      io.out(`Đã áp dụng ${applied.length} thay đổi cấu trúc:`);
      for (const migration of applied) io.out(`  ${migration.migrationName}`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
