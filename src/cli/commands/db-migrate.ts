// `baocao db migrate`: applies pending schema migrations and names them.
import { describeMigrationFailure, migrateToLatest } from '../../storage/migrate.ts';
import { openDatabase, resolveDatabaseUrl } from '../../storage/open-store.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';

export async function run({ io, env }: CommandContext): Promise<number> {
  const { db } = openDatabase(resolveDatabaseUrl(env));
  try {
    const result = await migrateToLatest(db);
    const failure = describeMigrationFailure(result);
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
