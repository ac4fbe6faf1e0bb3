// `baocao values export --org CODE --period P`: DHIS2 JSON, DHIS2 CSV or ADX XML to
// stdout or a file; `--format xlsx` writes a data-entry form (one sheet per unit), or
// with `--table` an indicator × unit × period table for analysis.
import { exportValuesFile } from '../../exchange/values-export.ts';
import { exportIndicatorTable, exportValuesForm } from '../../exchange/values-workbook.ts';
import { expectPositionals, flag, idSchemeOptions, oneOf, optionalString, requirePeriod, requireString } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { writeUserFile } from '../files.ts';
import { formatNumberVi } from '../format.ts';
import { withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const orgUnit = requireString(args, 'org', helpCommand);
  const format = oneOf(args, 'format', ['json', 'csv', 'adx', 'xlsx'] as const, 'json', helpCommand);
  const out = optionalString(args, 'out');
  const children = flag(args, 'children');
  if (format === 'xlsx') {
    if (!out) throw new CliError(2, 'Định dạng xlsx cần --out TỆP.xlsx (tệp Excel không in ra màn hình được).');
    const template = optionalString(args, 'template');
    const isTable = flag(args, 'table');
    const written = isTable
      ? await withStore(env, (store) => exportIndicatorTable({ store, orgUnit, periods: requireString(args, 'period', helpCommand), children }))
      : await withStore(env, (store) => exportValuesForm({ store, orgUnit, period: requirePeriod(args, helpCommand), children, template: template ?? null }));
    if (!written.ok) throw new CliError(2, written.problem);
    await writeUserFile(out, written.bytes);
    const what = isTable
      ? `bảng chỉ tiêu (${formatNumberVi(written.units)} đơn vị × ${formatNumberVi(written.periods.length)} kỳ)`
      : `biểu nhập số liệu (${formatNumberVi(written.units)} trang)`;
    io.err(`Đã xuất ${what} ra ${out}.`);
    return 0;
  }
  const period = requirePeriod(args, helpCommand);
  const idSchemes = idSchemeOptions(args, helpCommand);
  const result = await withStore(env, (store) => exportValuesFile({ store, orgUnit, period, children, format, idSchemes }));
  if (!result.ok) throw new CliError(2, result.problem);
  if (out) {
    await writeUserFile(out, result.text);
    io.err(`Đã xuất ${formatNumberVi(result.count)} số liệu ra ${out}.`);
  } else io.write(result.text);
  return 0;
}
