// `baocao report import FILE.md|FILE.docx [--org CODE] [--period P] [--template CODE|FILE] [--dry-run] [--allow-loss] [--json]`:
// reads an existing report, shows what landed where (and what did not), which unit it
// belongs to, which figures become values, what the saved report would lack, and
// saves it as the report of the unit and period unless it is a dry run.
import { readFile, stat } from 'node:fs/promises';
import { importLegacyReport } from '../../app/legacy-import/import-legacy-report.ts';
import type { LegacyImportResult } from '../../app/legacy-import/import-legacy-report.ts';
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
import { cliActor, withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  const [file = ''] = expectPositionals(args, ['tệp báo cáo (.md hoặc .docx)'], helpCommand);
  // Every refusal of the file happens before the database is opened: nothing is written.
  const legacy = readOrRefuse(await readBytes(file), file);
  const templateOption = optionalString(args, 'template');
  const template: string | ReportTemplate | null = templateOption && /\.(ya?ml|json)$/i.test(templateOption) ? await readTemplateFile(templateOption) : templateOption ?? null;
  // A save into an issued period: the API's message, exit 3 (refusals.ts).
  const result = await refusingLockedPeriods(() => withStore(env, (store) => importLegacyReport({
    store, paragraphs: legacy.paragraphs, fileName: file.split(/[\\/]/).pop() ?? file,
    orgUnit: optionalString(args, 'org') ?? null, period: optionalString(args, 'period') ?? null, template,
    dryRun: flag(args, 'dry-run'), allowLoss: flag(args, 'allow-loss'), actor: cliActor(env),
  })));
  if (flag(args, 'json')) io.out(JSON.stringify({ ...result, format: legacy.format }, null, 2));
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

const SOURCE_LABEL: Readonly<Record<string, string>> = {
  summary: 'trích yếu', title: 'tiêu đề', body: 'phần mở đầu', closing: 'câu kết', plan: 'phần kế hoạch', given: 'đã chọn',
};
const LAYOUT_LABEL: Readonly<Record<string, string>> = {
  named: 'theo đề cương đã chọn', existing: 'theo đề cương của báo cáo đã có', unit: 'theo đề cương của đơn vị', own: 'theo đề mục của chính báo cáo',
};
const short = (text: string, n = 100): string => (text.length > n ? `${text.slice(0, n)}…` : text);

function printResult(io: Io, file: string, r: LegacyImportResult): void {
  io.out(`Nhập báo cáo từ ${file}${r.dryRun ? ' — chạy thử, không ghi' : ''}`);
  const h = r.header;
  io.out(`  Cơ quan ban hành: ${r.unit.stated ?? '(không ghi)'}${r.unit.matched ? ` → đơn vị ${r.unit.matched.name} (${r.unit.matched.code})` : ''}`);
  if (h.numberAndSymbol) io.out(`  Số: ${h.numberAndSymbol}`);
  if (h.place || h.date) io.out(`  Nơi, ngày: ${h.place ?? '?'}, ${h.date ?? '?'}`);
  io.out(`  Tiêu đề: ${r.title ?? '(không có)'}${r.summary ? ` — ${r.summary}` : ''}`);
  io.out(`  Kỳ báo cáo: ${r.period ?? '(không đọc được)'}${r.periodSource ? ` (${SOURCE_LABEL[r.periodSource] ?? r.periodSource})` : ''}${r.periodCumulative ? ', lũy kế từ đầu năm' : ''}`);
  if (r.layout) io.out(`  Cách lưu: ${LAYOUT_LABEL[r.layout.reason] ?? r.layout.reason} (đề cương ${r.layout.template})`);
  if (r.preamble.length > 0) io.out(`  Phần mở đầu: ${formatNumberVi(r.preamble.length)} đoạn`);
  io.out('  Mục:');
  const show = (list: readonly LegacySection[], depth: number): void => {
    for (const s of list) {
      const tables = s.items.filter((i) => i.table).length;
      io.out(`  ${'  '.repeat(depth)}${s.number ? `${s.number}. ` : ''}${s.title} (${formatNumberVi(s.items.length - tables)} nội dung${tables ? `, ${formatNumberVi(tables)} bảng` : ''})${s.isPlan ? ' [kế hoạch]' : ''}`);
      show(s.sections, depth + 1);
    }
  };
  show(r.sections, 1);
  io.out(`  Kế hoạch kỳ sau: ${formatNumberVi(r.plan.length)} nội dung${r.plan[0]?.forPeriod ? ` cho kỳ ${r.plan[0].forPeriod}` : ''}`);
  const citations = r.documents.reduce((n, d) => n + d.citations.length, 0);
  io.out(`  Văn bản được trích dẫn: ${formatNumberVi(r.documents.length)} (${formatNumberVi(citations)} lần trích dẫn)`);
  const written = r.figures.filter((f) => f.sure);
  io.out(`  Số liệu: ${formatNumberVi(r.numbers.length)}, ghi vào chỉ tiêu: ${formatNumberVi(written.length)}`);
  for (const f of written) io.out(`    ${f.text} → ${f.indicator}${f.filter ? ` [${f.filter}]` : ''} (đoạn ${f.paragraph + 1})`);
  const unsure = r.figures.filter((f) => !f.sure);
  if (unsure.length > 0) {
    io.out(`  Giữ nguyên chữ (chưa chắc là chỉ tiêu): ${formatNumberVi(unsure.length)}`);
    for (const f of unsure.slice(0, 10)) io.out(`    ${f.text} (đoạn ${f.paragraph + 1}): ${f.reason}`);
  }
  io.out(`  Nơi nhận: ${formatNumberVi(r.recipients.length)}`);
  if (r.signer) io.out(`  Người ký: ${[r.signer.authority?.replace(/\n/g, ' / '), r.signer.title, r.signer.name].filter(Boolean).join(' / ')}`);
  io.out(`  Độ phủ: ${formatNumberVi(r.coverage * 100, 1)}% nội dung đã được xếp vào trường`);
  if (r.unplaced.length > 0) {
    io.out(`  Chưa xếp được (${formatNumberVi(r.unplaced.length)} đoạn):`);
    for (const u of r.unplaced.slice(0, 20)) io.out(`    - đoạn ${u.paragraph + 1}: ${short(u.text)}`);
  }
  if (r.findings.length > 0) {
    io.out('  Phát hiện:');
    for (const f of r.findings) io.out(`    - [${f.severity === 'error' ? 'lỗi' : f.severity === 'warning' ? 'cảnh báo' : 'thông tin'}] ${f.message}`);
  }
  if (r.loss) {
    if (r.loss.missing.length === 0) io.out(`  Đối chiếu báo cáo ${r.dryRun ? 'sẽ lưu' : 'đã lưu'} với tệp: đủ ${formatNumberVi(r.loss.checked)} đoạn, không thiếu gì.`);
    else {
      io.out(`  Đối chiếu báo cáo ${r.dryRun ? 'sẽ lưu' : 'đã lưu'} với tệp: thiếu ${formatNumberVi(r.loss.missing.length)}/${formatNumberVi(r.loss.checked)} đoạn:`);
      for (const m of r.loss.missing.slice(0, 30)) io.out(`    - đoạn ${m.paragraph + 1}: ${short(m.text)}`);
    }
    if (r.loss.addedCount > 0) io.out(`  Đề cương in thêm ${formatNumberVi(r.loss.addedCount)} đoạn không có trong tệp.`);
  }
  if (r.saved) io.out(`  Đã lưu: thêm mới ${formatNumberVi(r.saved.imported)}, cập nhật ${formatNumberVi(r.saved.updated)}, không đổi ${formatNumberVi(r.saved.unchanged)}; số liệu ghi mới ${formatNumberVi(r.values.imported)}, cập nhật ${formatNumberVi(r.values.updated)}`);
  else if (!r.dryRun) io.out('  Không ghi gì.');
}
