// `baocao report create --org CODE --period P [--template CODE]`: opens a period's report,
// carrying the previous report's plan into its plan review.
import { AppError } from '../../app/app-error.ts';
import { createReport } from '../../app/reports/create-report.ts';
import { formatPeriod } from '../../core/period.ts';
import { expectPositionals, optionalString, requirePeriod, requireString } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { cliActor, withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const orgUnit = requireString(args, 'org', helpCommand);
  const period = formatPeriod(requirePeriod(args, helpCommand));
  const template = optionalString(args, 'template');
  const created = await withStore(env, (store) => createReport({ store, principal: null, actor: cliActor(env), orgUnit, period, header: template ? { template } : {} })).catch((error: unknown) => {
    if (error instanceof AppError) throw new CliError(2, error.message);
    throw error;
  });
  io.out(`Đã lập báo cáo ${period} của ${orgUnit} (đề cương ${created.workflow.report.template}); ${created.carriedPlanItems} dòng kế hoạch kỳ trước đưa vào phần đánh giá.`);
  return 0;
}
