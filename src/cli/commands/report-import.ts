// `baocao report import FILE.md|FILE.docx [--org CODE --period P] [--template CODE|FILE] [--dry-run] [--json]`:
// reads an existing report, shows what landed where (and what did not), and saves it
// as the report instance of the org unit and period unless it is a dry run.
import { readFile, stat } from 'node:fs/promises';
import { chooseReportTemplate } from '../../app/legacy-import/choose-report-template.ts';
import { importLegacyReport } from '../../app/legacy-import/import-legacy-report.ts';
import type { LegacyImportResult } from '../../app/legacy-import/import-legacy-report.ts';
import type { Store } from '../../app/ports.ts';
import { assertReportWritable } from '../../app/reports/report-entry-scope.ts';
import type { LegacySection } from '../../core/legacy-report/legacy-report.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { parseTemplateFile } from '../../exchange/demo/load-demo.ts';
import { LegacyImportError, LIMITS, megabytes } from '../../exchange/legacy-report/legacy-import-error.ts';
import { readLegacyFile } from '../../exchange/legacy-report/read-legacy-file.ts';
import { expectPositionals, flag, optionalString } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext, Io } from '../command.ts';
import { readUserFile } from '../files.ts';
import { formatNumberVi } from '../format.ts';
import { refusingLockedPeriods } from '../refusals.ts';
import { withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  const [file = ''] = expectPositionals(args, ['tệp báo cáo (.md hoặc .docx)'], helpCommand);
  const dryRun = flag(args, 'dry-run');
  // Every refusal of the file happens before the database is opened: nothing is written.
  const legacy = readOrRefuse(await readBytes(file), file);
  const templateOption = optionalString(args, 'template');
  const fileTemplate = templateOption && /\.(ya?ml|json)$/i.test(templateOption) ? await readTemplateFile(templateOption) : null;
  const options = { paragraphs: legacy.paragraphs, orgUnit: optionalString(args, 'org') ?? null, period: optionalString(args, 'period') ?? null, dryRun };
  const result = dryRun && fileTemplate
    ? await importLegacyReport({ ...options, template: fileTemplate })
    : await refusingLockedPeriods(() => withStore(env, (store) => store.transaction(async (tx) => {
      const imported = await importLegacyReport({ ...options, template: fileTemplate ?? await storedTemplate(tx, templateOption, options.orgUnit, options.period), reports: tx.reports });
      // The lock, in the transaction that replaced the report: a refusal (exit 3) rolls the save back.
      if (imported.saved && imported.instance) await assertReportWritable({ store: tx, orgUnit: imported.instance.orgUnit, period: imported.instance.period });
      return imported;
    })));
  if (flag(args, 'json')) io.out(JSON.stringify(result, null, 2));
  else printResult(io, file, result);
  return result.status === 'ERROR' ? 2 : 0;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > LIMITS.maxFileBytes) {
      throw new CliError(2, `Tệp "${file}" có dung lượng ${megabytes(info.size)}, vượt giới hạn ${megabytes(LIMITS.maxFileBytes)}.`);
    }
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    await readUserFile(file); // the same one-line message as every other command
    throw error;
  }
}

function readOrRefuse(bytes: Uint8Array, file: string): ReturnType<typeof readLegacyFile> {
  try {
    return readLegacyFile(bytes, file);
  } catch (error) {
    if (error instanceof LegacyImportError) throw new CliError(2, `${error.message} Không ghi gì.`);
    throw error;
  }
}

async function readTemplateFile(file: string): Promise<ReportTemplate> {
  const parsed = parseTemplateFile(await readUserFile(file));
  if (!parsed.template) throw new CliError(2, `Đề cương trong "${file}" không hợp lệ: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.template;
}

async function storedTemplate(store: Store, code: string | undefined, orgUnit: string | null, period: string | null): Promise<ReportTemplate | null> {
  const chosen = await chooseReportTemplate({ store, code: code ?? null, orgUnit, period });
  if (!chosen.ok) throw new CliError(2, chosen.problem);
  return chosen.template;
}

function printResult(io: Io, file: string, r: LegacyImportResult): void {
  io.out(`Nhập báo cáo từ ${file}${r.dryRun ? ' — chạy thử, không ghi' : ''}`);
  const h = r.header;
  if (h.governingBody || h.issuingBody) io.out(`  Cơ quan: ${[h.governingBody, h.issuingBody].filter(Boolean).join(' / ')}`);
  if (h.numberAndSymbol) io.out(`  Số: ${h.numberAndSymbol}`);
  if (h.place || h.date) io.out(`  Nơi, ngày: ${h.place ?? '?'}, ${h.date ?? '?'}`);
  io.out(`  Tiêu đề: ${r.title ?? '(không có)'}${r.summary ? ` — ${r.summary}` : ''}`);
  io.out(`  Kỳ báo cáo: ${r.period ?? '(không đọc được)'}`);
  io.out('  Mục:');
  const show = (list: readonly LegacySection[], depth: number): void => {
    for (const s of list) {
      io.out(`  ${'  '.repeat(depth)}${s.number ? `${s.number}. ` : ''}${s.title} (${formatNumberVi(s.items.length)} nội dung)`);
      show(s.sections, depth + 1);
    }
  };
  show(r.sections, 1);
  io.out(`  Kế hoạch kỳ sau: ${formatNumberVi(r.plan.length)} nội dung${r.plan[0]?.forPeriod ? ` cho kỳ ${r.plan[0].forPeriod}` : ''}`);
  io.out(`  Văn bản được trích dẫn: ${formatNumberVi(r.documents.length)}`);
  const mapped = r.numbers.filter((n) => n.indicator);
  io.out(`  Số liệu: ${formatNumberVi(r.numbers.length)}, khớp chỉ tiêu: ${formatNumberVi(mapped.length)}`);
  for (const n of mapped) io.out(`    ${n.text} → ${n.indicator}${n.filter ? ` [${n.filter}]` : ''}`);
  io.out(`  Nơi nhận: ${formatNumberVi(r.recipients.length)}`);
  if (r.signer) io.out(`  Người ký: ${[r.signer.authority, r.signer.title, r.signer.name].filter(Boolean).join(' / ')}`);
  io.out(`  Độ phủ: ${formatNumberVi(r.coverage * 100, 1)}% nội dung đã được xếp vào trường`);
  if (r.unplaced.length > 0) {
    io.out(`  Chưa xếp được (${formatNumberVi(r.unplaced.length)} đoạn):`);
    for (const u of r.unplaced) io.out(`    - đoạn ${u.paragraph + 1}: ${u.text.length > 100 ? `${u.text.slice(0, 100)}…` : u.text}`);
  }
  if (r.findings.length > 0) {
    io.out('  Phát hiện:');
    for (const f of r.findings) io.out(`    - [${f.severity === 'error' ? 'lỗi' : f.severity === 'warning' ? 'cảnh báo' : 'thông tin'}] ${f.message}`);
  }
  if (r.saved) io.out(`  Đã lưu: thêm mới ${formatNumberVi(r.saved.imported)}, cập nhật ${formatNumberVi(r.saved.updated)}, không đổi ${formatNumberVi(r.saved.unchanged)}`);
  else if (!r.dryRun) io.out('  Không ghi gì.');
}
