// `baocao aggregate --indicator CODE --org CODE --period P`: one figure, vi-VN, with the
// parts a derived indicator was computed from.
import { aggregateIndicator } from '../../app/analysis/aggregate-indicator.ts';
import type { Indicator } from '../../core/indicator.ts';
import { parsePeriod, periodLabel } from '../../core/period.ts';
import { expectPositionals, requirePeriod, requireString } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { formatNumberVi } from '../format.ts';
import { withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const indicator = requireString(args, 'indicator', helpCommand);
  const orgUnit = requireString(args, 'org', helpCommand);
  const period = requirePeriod(args, helpCommand);
  const filter: Record<string, string> = {};
  const filters = args.values['filter'] as unknown as string[] | undefined;
  for (const item of filters ?? []) {
    const [dimension, option, ...rest] = item.split('=');
    if (!dimension || !option || rest.length > 0) throw usageError(`Bộ lọc không hợp lệ: "${item}" (dùng phân_tổ=mục, ví dụ channel=online).`, helpCommand);
    filter[dimension.trim()] = option.trim();
  }
  const result = await withStore(env, (store) => aggregateIndicator({ store, indicator, orgUnit, period, filter }));
  if (!result.ok) throw new CliError(2, result.problem);
  const { explanation } = result;
  const filterText = Object.entries(filter).map(([d, o]) => `${d}=${o}`).join(';');
  io.out(`${result.indicator.code}${filterText ? ` [${filterText}]` : ''} — ${result.indicator.name}`);
  io.out(`Đơn vị: ${result.orgUnit.name} (${result.orgUnit.code}); kỳ: ${periodLabel(period)}`);
  io.out(`Giá trị: ${amount(explanation.value, result.indicator)}`);
  if (explanation.parts.length > 0) {
    io.out('Thành phần:');
    for (const part of explanation.parts) {
      const partFilter = Object.entries(part.filter).map(([d, o]) => `${d}=${o}`).join(';');
      io.out(`  ${part.indicator}${partFilter ? ` [${partFilter}]` : ''}, ${periodLabel(parsePeriod(part.period))}: ${part.value === null ? 'không có số liệu' : formatNumberVi(part.value, 4)}`);
    }
  }
  return 0;
}

function amount(value: number | null, indicator: Indicator): string {
  if (value === null) return 'không có số liệu';
  const number = formatNumberVi(value, indicator.decimals, { fixed: indicator.valueType === 'PERCENTAGE' });
  return indicator.unit === '%' ? `${number}%` : `${number} ${indicator.unit}`;
}
