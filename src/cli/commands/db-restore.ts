// `baocao db restore FILE`: a backup into a new, empty database (BAOCAO_DB).
import { BackupProblem } from '../../storage/backup/database-dump.ts';
import { restoreDatabase } from '../../storage/backup/restore-database.ts';
import { resolveDatabaseUrl } from '../../storage/open-store.ts';
import { expectPositionals } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { FORMAT_NAMES } from './db-backup.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  const [file = ''] = expectPositionals(args, ['TỆP'], helpCommand);
  const result = await restoreDatabase({ url: resolveDatabaseUrl(env), file }).catch((error: unknown) => {
    if (error instanceof BackupProblem) throw new CliError(2, `Không khôi phục được: ${error.message}. Không có gì được ghi.`);
    throw error;
  });
  const counted = result.tables === undefined ? '' : `: ${result.tables} bảng, ${result.rows?.toLocaleString('vi-VN')} dòng`;
  io.out(`Đã khôi phục từ ${file} (${FORMAT_NAMES[result.format]})${counted}.`);
  return 0;
}
