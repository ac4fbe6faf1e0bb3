// `baocao validate --org CODE --period P`: implied and stored rules; exit 1 on any error finding.
import { validateOrgUnitPeriod } from '../../app/validate-org-unit-period.ts';
import type { Finding, Severity } from '../../core/finding.ts';
import { periodLabel } from '../../core/period.ts';
import { expectPositionals, flag, requirePeriod, requireString } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { formatNumberVi } from '../format.ts';
import { withStore } from '../store.ts';

const SEVERITY_TITLE: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const orgUnit = requireString(args, 'org', helpCommand);
  const period = requirePeriod(args, helpCommand);
  const result = await withStore(env, (store) => validateOrgUnitPeriod({ store, orgUnit, period, children: flag(args, 'children') }));
  if (!result.ok) throw new CliError(2, result.problem);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  if (flag(args, 'json')) {
    io.write(JSON.stringify({ orgUnits: result.orgUnits, findings: result.findings }, null, 2) + '\n');
    return errors > 0 ? 1 : 0;
  }
  io.out(`Kiểm tra số liệu ${orgUnit}, ${periodLabel(period)} (${formatNumberVi(result.orgUnits.length)} đơn vị)`);
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    io.out(`${SEVERITY_TITLE[severity]} (${formatNumberVi(group.length)}):`);
    for (const finding of group) io.out(`  - ${describeFinding(finding, result.orgUnits.length > 1)}`);
  }
  if (result.findings.length === 0) io.out('Không phát hiện vấn đề nào.');
  else io.out(errors > 0 ? `Kết quả: có ${formatNumberVi(errors)} lỗi.` : 'Kết quả: không có lỗi.');
  return errors > 0 ? 1 : 0;
}

function describeFinding(finding: Finding, showUnit: boolean): string {
  const sides = finding.left !== null || finding.right !== null
    ? ` (vế trái: ${side(finding.left)}; vế phải: ${side(finding.right)})`
    : '';
  return `${showUnit ? `[${finding.orgUnit}] ` : ''}${finding.message}${sides}`;
}

function side(value: number | null): string {
  return value === null ? 'không có số liệu' : formatNumberVi(value, 4);
}
