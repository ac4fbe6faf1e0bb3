// `baocao values export --org CODE --period P`: DHIS2 JSON, DHIS2 CSV or ADX XML to
// stdout or a file; `--format xlsx` writes a data-entry form (one sheet per unit), or
// with `--table` an indicator × unit × period table for analysis.
import { exportValues } from '../../app/export-values.ts';
import { loadCatalogue } from '../../app/load-catalogue.ts';
import type { Store } from '../../app/ports.ts';
import type { DataValue } from '../../core/data-value.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import { previousPeriod } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import { flattenSections } from '../../core/report-template.ts';
import { serializeValues } from '../../exchange/values-file.ts';
import { indicatorsOfLiquid, writeValuesForm } from '../../exchange/xlsx-form.ts';
import { expandPeriodRange, writeIndicatorTable } from '../../exchange/xlsx-table.ts';
import { expectPositionals, flag, oneOf, optionalString, requirePeriod, requireString } from '../args.ts';
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
    const written = flag(args, 'table')
      ? await withStore(env, (store) => exportTable(store, orgUnit, requireString(args, 'period', helpCommand), children))
      : await withStore(env, (store) => exportForm(store, orgUnit, requirePeriod(args, helpCommand), children, template));
    await writeUserFile(out, written.bytes);
    io.err(`Đã xuất ${written.what} ra ${out}.`);
    return 0;
  }
  const period = requirePeriod(args, helpCommand);
  const result = await withStore(env, (store) => exportValues({ store, orgUnit, period, children }));
  if (!result.ok) throw new CliError(2, result.problem);
  const text = serializeValues(result.values, format);
  if (out) {
    await writeUserFile(out, text);
    io.err(`Đã xuất ${formatNumberVi(result.values.length)} số liệu ra ${out}.`);
  } else io.write(text);
  return 0;
}

/** The unit, and with `children` its whole subtree in tree order. */
async function unitsOf(store: Store, code: string, children: boolean): Promise<OrgUnit[]> {
  const all = await store.orgUnits.list();
  const unit = all.find((u) => u.code === code);
  if (!unit) throw new CliError(2, `Đơn vị "${code}" chưa được khai báo.`);
  if (!children) return [unit];
  return all.filter((u) => u.path === unit.path || u.path.startsWith(`${unit.path}/`)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function valuesOf(store: Store, orgUnit: string, period: Period, children: boolean): Promise<readonly DataValue[]> {
  const result = await exportValues({ store, orgUnit, period, children });
  if (!result.ok) throw new CliError(2, result.problem);
  return result.values;
}

async function exportForm(store: Store, orgUnit: string, period: Period, children: boolean, templateCode: string | undefined) {
  const units = await unitsOf(store, orgUnit, children);
  const { catalogue } = await loadCatalogue({ store });
  let indicators: string[] | undefined;
  if (templateCode) {
    const template = await store.templates.get(templateCode);
    if (!template) throw new CliError(2, `Đề cương "${templateCode}" chưa được khai báo.`);
    const texts = flattenSections(template.sections).flatMap((section) => section.blocks.flatMap((block) => (block.type === 'text' ? [block.liquid] : [])));
    indicators = indicatorsOfLiquid(texts, catalogue);
  }
  const bytes = await writeValuesForm({
    catalogue, period, units, indicators,
    values: await valuesOf(store, orgUnit, period, children),
    previousValues: await valuesOf(store, orgUnit, previousPeriod(period), children),
  });
  return { bytes, what: `biểu nhập số liệu (${formatNumberVi(units.length)} trang)` };
}

async function exportTable(store: Store, orgUnit: string, periodText: string, children: boolean) {
  const range = expandPeriodRange(periodText);
  if (!range.ok) throw new CliError(2, range.problem);
  const units = await unitsOf(store, orgUnit, children);
  const { catalogue } = await loadCatalogue({ store });
  const values: DataValue[] = [];
  for (const period of range.periods) values.push(...await valuesOf(store, orgUnit, period, children));
  const bytes = await writeIndicatorTable({ catalogue, units, periods: range.periods, values });
  return { bytes, what: `bảng chỉ tiêu (${formatNumberVi(units.length)} đơn vị × ${formatNumberVi(range.periods.length)} kỳ)` };
}
