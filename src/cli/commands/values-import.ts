// `baocao values import FILE`: DHIS2 JSON, DHIS2 CSV, ADX XML or an XLSX form, recognised by content.
import { importValues } from '../../app/values/import-values.ts';
import { IMPORT_STRATEGIES } from '../../app/values/value-import.ts';
import type { ImportSummary, ParsedValues } from '../../app/values/value-import.ts';
import { placeConflicts } from '../../exchange/located-values.ts';
import { megabytes } from '../../exchange/legacy-report/legacy-import-error.ts';
import { readValuesFile, unreadableValuesFile } from '../../exchange/values-file.ts';
import { expectPositionals, flag, idSchemeOptions, oneOf } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext, Io } from '../command.ts';
import { readUserBytes } from '../files.ts';
import { formatNumberVi, rowLabel } from '../format.ts';
import { progressBar } from '../progress.ts';
import { refusingLockedPeriods } from '../refusals.ts';
import { cliActor, withStore } from '../store.ts';

const MAX_CONFLICTS_SHOWN = 50;
/** As the API's upload limit (413 above it). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  const [file = ''] = expectPositionals(args, ['tên tệp số liệu'], helpCommand);
  const bytes = await readUserBytes(file);
  // The same gate as the upload route: an empty, binary or non-UTF-8 file, or one over
  // the size limit, is one clear line (exit 2) instead of a garbled "conflict".
  if (bytes.length > MAX_FILE_BYTES) {
    throw new CliError(2, `Tệp "${file}" có dung lượng ${megabytes(bytes.length)}, vượt giới hạn ${megabytes(MAX_FILE_BYTES)}. Không ghi gì.`);
  }
  const unreadable = unreadableValuesFile(bytes);
  if (unreadable) throw new CliError(2, `Không nhập được tệp "${file}": ${unreadable} Không ghi gì.`);
  const importStrategy = oneOf(args, 'strategy', IMPORT_STRATEGIES, 'CREATE_AND_UPDATE', helpCommand);
  const idSchemes = idSchemeOptions(args, helpCommand);
  const parsed = await readValuesFile(bytes);
  const json = flag(args, 'json');
  if (parsed.fatal && !json) {
    // Nothing in the file could be read: no counts, and --skip-conflicts would not help.
    const reasons = parsed.conflicts.map((c) => c.message).join(' ');
    throw new CliError(2, `Không đọc được tệp "${file}" (${FORMAT_NAME[parsed.format]}): ${reasons} Không ghi gì.`);
  }
  // The operator writes any unit, but never into a period an issued report locks (exit 3).
  const summary = placeConflicts(await refusingLockedPeriods(() => withStore(env, (store) => importValues({
    store, parsed,
    dryRun: flag(args, 'dry-run'),
    skipConflicts: flag(args, 'skip-conflicts'),
    importStrategy, idSchemes,
    actor: cliActor(env),
    onProgress: progressBar(io, parsed.rows.length, 'Đang nhập'),
  }))), parsed);
  if (json) io.write(JSON.stringify(summary, null, 2) + '\n');
  else {
    printSummary(io, file, parsed.format, summary);
    for (const notice of parsed.notices ?? []) io.out(`  Lưu ý: ${notice}`);
  }
  return summary.status === 'ERROR' ? 2 : 0;
}

const STATUS_TEXT: Record<ImportSummary['status'], string> = {
  SUCCESS: 'THÀNH CÔNG',
  WARNING: 'CÓ CẢNH BÁO (đã bỏ qua các dòng lỗi)',
  ERROR: 'LỖI (không ghi gì)',
};

const FORMAT_NAME: Record<ParsedValues['format'], string> = { json: 'DHIS2 JSON', csv: 'DHIS2 CSV', adx: 'ADX XML', xlsx: 'biểu nhập Excel' };

function printSummary(io: Io, file: string, format: ParsedValues['format'], summary: ImportSummary): void {
  const n = (value: number) => formatNumberVi(value);
  io.out(`Nhập số liệu từ ${file} (${FORMAT_NAME[format]})${summary.dryRun ? ' — chạy thử, không ghi' : ''}`);
  io.out(`Kết quả: ${STATUS_TEXT[summary.status]}`);
  const verb = summary.dryRun ? 'sẽ ' : '';
  io.out(`  Thêm mới: ${n(summary.importCount.imported)}${summary.dryRun ? ' (sẽ thêm)' : ''}`);
  io.out(`  Cập nhật: ${n(summary.importCount.updated)}${summary.dryRun ? ' (sẽ cập nhật)' : ''}`);
  io.out(`  Bỏ qua:   ${n(summary.importCount.ignored)}${summary.unchanged > 0 ? ` (trong đó ${n(summary.unchanged)} ${verb}không thay đổi)` : ''}`);
  io.out(`  Xóa:      ${n(summary.importCount.deleted)}`);
  if (summary.conflicts.length > 0) {
    io.out(`Xung đột (${n(summary.conflicts.length)}):`);
    for (const conflict of summary.conflicts.slice(0, MAX_CONFLICTS_SHOWN)) {
      io.out(`  - ${conflict.indexes.length > 0 && (format === 'json' || format === 'csv') ? `${rowLabel(format, conflict.indexes)}: ` : ''}${conflict.message}`);
    }
    if (summary.conflicts.length > MAX_CONFLICTS_SHOWN) io.out(`  … và ${n(summary.conflicts.length - MAX_CONFLICTS_SHOWN)} xung đột khác (dùng --json để xem đủ).`);
  }
  if (summary.status === 'ERROR' && summary.conflicts.length > 0) {
    io.out('Không ghi số liệu nào vì tệp có xung đột. Sửa tệp, hoặc dùng --skip-conflicts để chỉ ghi các dòng hợp lệ.');
  }
}
