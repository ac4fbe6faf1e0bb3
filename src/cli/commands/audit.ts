// `baocao audit [--org] [--period] [--user] [--kind] [--limit] [--json]`: the audit trail.
import { AppError } from '../../app/app-error.ts';
import { listAuditEvents } from '../../app/audit/list-audit-events.ts';
import type { AuditQuery } from '../../app/audit/list-audit-events.ts';
import { formatPeriod, tryParsePeriod } from '../../core/period.ts';
import { expectPositionals, flag, optionalString } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { withStore } from '../store.ts';

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const periodText = optionalString(args, 'period');
  const parsed = periodText === undefined ? undefined : tryParsePeriod(periodText);
  if (parsed && !parsed.ok) throw usageError(`Kỳ báo cáo không hợp lệ: "${periodText ?? ''}".`, helpCommand);
  const limitText = optionalString(args, 'limit') ?? '100';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) throw usageError(`Số dòng không hợp lệ: "${limitText}".`, helpCommand);
  const org = optionalString(args, 'org');
  const user = optionalString(args, 'user');
  const kind = optionalString(args, 'kind');
  const query: AuditQuery = {
    limit, ...(org ? { orgUnit: org } : {}), ...(parsed?.ok ? { period: formatPeriod(parsed.period) } : {}), ...(user ? { user } : {}), ...(kind ? { kind } : {}),
  };
  const events = await withStore(env, (store) => listAuditEvents({ store, principal: null, query })).catch((error: unknown) => {
    if (error instanceof AppError) throw new CliError(2, error.message);
    throw error;
  });
  if (flag(args, 'json')) {
    io.out(JSON.stringify(events, null, 2));
    return 0;
  }
  if (events.length === 0) {
    io.out('Không có thay đổi nào khớp điều kiện.');
    return 0;
  }
  for (const event of events) {
    const where = [event.orgUnit, event.period].filter(Boolean).join(' ');
    io.out(`${event.at}  ${event.actor}  ${event.action}  ${event.entity}${where ? `  (${where})` : ''}`);
  }
  return 0;
}
