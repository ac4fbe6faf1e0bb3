// `baocao validate --org CODE --period P`: implied and stored rules, and the checks of
// the unit's report for the period; exit 1 on any error finding.
import { validateOrgUnitPeriod } from '../../app/analysis/validate-org-unit-period.ts';
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
  const all = [...result.findings, ...result.reportFindings];
  const errors = all.filter((f) => f.severity === 'error').length;
  if (flag(args, 'json')) {
    io.write(JSON.stringify({ orgUnits: result.orgUnits, findings: result.findings, reportFindings: result.reportFindings }, null, 2) + '\n');
    return errors > 0 ? 1 : 0;
  }
  io.out(`Kiểm tra số liệu và báo cáo: ${result.orgUnitName} (${orgUnit}), ${periodLabel(period)} (${formatNumberVi(result.orgUnits.length)} đơn vị)`);
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = all.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    io.out(`${SEVERITY_TITLE[severity]} (${formatNumberVi(group.length)}):`);
    for (const finding of group) io.out(`  - ${describeFinding(finding, result.orgUnits.length > 1)}`);
  }
  if (all.length === 0) io.out('Không phát hiện vấn đề nào.');
  else io.out(errors > 0 ? `Kết quả: có ${formatNumberVi(errors)} lỗi.` : 'Kết quả: không có lỗi.');
  return errors > 0 ? 1 : 0;
}

/** The message already states both sides of a rule (core/validate.ts writes them). */
function describeFinding(finding: Finding, showUnit: boolean): string {
  return `${showUnit ? `[${finding.orgUnit}] ` : ''}${finding.message}`;
}
