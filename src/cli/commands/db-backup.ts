// `baocao db backup FILE [--portable]`: a consistent copy of the database while it is in use.
import { backupDatabase } from '../../storage/backup/backup-database.ts';
import type { BackupFormat } from '../../storage/backup/backup-database.ts';
import { BackupProblem } from '../../storage/backup/database-dump.ts';
import { resolveDatabaseUrl } from '../../storage/open-store.ts';
import { expectPositionals, flag } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';

export const FORMAT_NAMES: Readonly<Record<BackupFormat, string>> = {
  sqlite: 'tệp SQLite',
  pg_dump: 'pg_dump (dạng custom)',
  portable: 'dạng portable, JSON nén gzip',
};

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  const [file = ''] = expectPositionals(args, ['TỆP'], helpCommand);
  const result = await backupDatabase({ url: resolveDatabaseUrl(env), file, portable: flag(args, 'portable') }).catch((error: unknown) => {
    if (error instanceof BackupProblem) throw new CliError(2, `Không sao lưu được: ${error.message}.`);
    throw error;
  });
  if (result.fallbackReason) io.err(`Lưu ý: ${result.fallbackReason}; dùng dạng portable.`);
  const counted = result.tables === undefined ? '' : `, ${result.tables} bảng, ${result.rows?.toLocaleString('vi-VN')} dòng`;
  io.out(`Đã sao lưu vào ${result.file} (${FORMAT_NAMES[result.format]}, ${result.bytes.toLocaleString('vi-VN')} byte${counted}).`);
  return 0;
}
