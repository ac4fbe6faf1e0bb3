// `baocao report render --org CODE --period P --format md|html|docx|pdf [--out FILE]`.
import { writeFile } from 'node:fs/promises';
import { AppError } from '../../app/app-error.ts';
import { renderReport } from '../../app/reports/render-report.ts';
import { REPORT_FORMATS } from '../../app/reports/report-ports.ts';
import { formatPeriod } from '../../core/period.ts';
import { renderInFormat } from '../../render/render-in-format.ts';
import { expectPositionals, oneOf, optionalString, requirePeriod, requireString } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { withStore } from '../store.ts';

export const RENDERERS = renderInFormat;

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const orgUnit = requireString(args, 'org', helpCommand);
  const period = formatPeriod(requirePeriod(args, helpCommand));
  const format = oneOf(args, 'format', REPORT_FORMATS, 'md', helpCommand);
  const out = optionalString(args, 'out');
  // A DOCX or PDF on a terminal is garbage: ask for a file instead.
  if ((format === 'docx' || format === 'pdf') && !out) throw usageError(`Định dạng ${format} cần tệp đích: thêm --out TỆP.${format}.`, helpCommand);
  const rendered = await withStore(env, (store) => renderReport({ store, renderers: RENDERERS, orgUnit, period, format })).catch((error: unknown) => {
    // No such report or unit: the user's request, not a crash; one line, exit 2.
    if (error instanceof AppError) throw new CliError(2, error.message);
    throw error;
  });
  if (!out) {
    io.write(typeof rendered.body === 'string' ? rendered.body : '');
    return 0;
  }
  try {
    await writeFile(out, rendered.body);
  } catch (error) {
    throw new CliError(2, `Không ghi được tệp "${out}": ${error instanceof Error ? error.message : String(error)}.`);
  }
  io.err(`Đã ghi báo cáo ra ${out}.`);
  return 0;
}
