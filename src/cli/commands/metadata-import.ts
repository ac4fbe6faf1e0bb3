// `baocao metadata import FILE.yaml|FILE.json`: atomic; re-importing the same file changes nothing.
import { importMetadata } from '../../app/metadata/import-metadata.ts';
import type { MetadataImportSummary } from '../../app/metadata/import-metadata.ts';
import type { UpsertCounts } from '../../app/ports.ts';
import { parseMetadataFile } from '../../exchange/metadata-file.ts';
import { expectPositionals, flag } from '../args.ts';
import type { CommandContext, Io } from '../command.ts';
import { readUserFile } from '../files.ts';
import { formatNumberVi } from '../format.ts';
import { cliActor, withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  const [file = ''] = expectPositionals(args, ['tên tệp danh mục'], helpCommand);
  const text = await readUserFile(file);
  const format = /^\s*[{[]/.test(text) || file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
  const parsed = parseMetadataFile(text, format);
  if (parsed.problems.length > 0) {
    io.out(`Tệp ${file} có ${formatNumberVi(parsed.problems.length)} lỗi; không ghi gì:`);
    for (const problem of parsed.problems) io.out(`  - ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
    return 2;
  }
  const summary = await withStore(env, (store) => importMetadata({ store, metadata: parsed.metadata, dryRun: flag(args, 'dry-run'), actor: cliActor(env) }));
  printSummary(io, file, summary);
  for (const notice of parsed.notices ?? []) io.out(`  Lưu ý: ${notice}`);
  return summary.status === 'ERROR' ? 2 : 0;
}

const KIND_LABEL: Record<keyof MetadataImportSummary['counts'], string> = {
  orgUnits: 'Đơn vị',
  disaggregations: 'Phân tổ',
  indicators: 'Chỉ tiêu',
  validationRules: 'Quy tắc kiểm tra',
  templates: 'Đề cương báo cáo',
  optionCombos: 'Tổ hợp phân tổ (DHIS2)',
};

function printSummary(io: Io, file: string, summary: MetadataImportSummary): void {
  if (summary.status === 'ERROR') {
    io.out(`Danh mục trong ${file} mâu thuẫn (${formatNumberVi(summary.problems.length)} lỗi); không ghi gì:`);
    for (const problem of summary.problems) io.out(`  - ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
    return;
  }
  io.out(`Nhập danh mục từ ${file}${summary.dryRun ? ' — chạy thử, không ghi' : ''}`);
  const line = (c: UpsertCounts) => `thêm mới ${formatNumberVi(c.imported)}, cập nhật ${formatNumberVi(c.updated)}, không đổi ${formatNumberVi(c.unchanged)}`;
  for (const kind of Object.keys(KIND_LABEL) as (keyof typeof KIND_LABEL)[]) io.out(`  ${KIND_LABEL[kind]}: ${line(summary.counts[kind])}`);
}
