// `baocao demo load`: the Trà Vinh demo department (demo/*.yaml) into the database.
import { nodeSecrets } from '../../api/auth/node-secrets.ts';
import { createDemoAccounts, DEMO_PASSWORD } from '../../app/accounts/create-demo-accounts.ts';
import { loadDemo } from '../../app/metadata/load-demo.ts';
import type { UpsertCounts } from '../../app/ports.ts';
import { loadDemo as readDemoFiles } from '../../exchange/demo/load-demo.ts';
import { expectPositionals, optionalString } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { formatNumberVi } from '../format.ts';
import { refusingLockedPeriods } from '../refusals.ts';
import { cliActor, withStore } from '../store.ts';

function counts(label: string, c: UpsertCounts): string {
  return `  ${label}: ${formatNumberVi(c.imported)} mới, ${formatNumberVi(c.updated)} cập nhật, ${formatNumberVi(c.unchanged)} không đổi`;
}

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  expectPositionals(args, [], helpCommand);
  const dir = optionalString(args, 'dir');
  const demo = dir === undefined ? readDemoFiles() : readDemoFiles(dir);
  if (demo.problems.length > 0) {
    for (const p of demo.problems) io.err(`${p.file}${p.path ? ` (${p.path})` : ''}: ${p.message}`);
    throw new CliError(2, `Dữ liệu mẫu có ${formatNumberVi(demo.problems.length)} lỗi: không nạp gì.`);
  }
  const { summary, accounts } = await refusingLockedPeriods(() => withStore(env, async (store) => {
    const loaded = await loadDemo({ store, demo, actor: cliActor(env) });
    // Demo accounts exist only where the demo is: created here and nowhere else.
    return { summary: loaded, accounts: loaded.status === 'SUCCESS' ? await createDemoAccounts({ store, secrets: nodeSecrets(), actor: cliActor(env) }) : null };
  }));
  if (summary.status === 'ERROR') {
    for (const p of summary.problems) io.err(`${p.path}: ${p.message}`);
    throw new CliError(2, 'Danh mục của dữ liệu mẫu không hợp lệ: không nạp gì.');
  }
  io.out('Đã nạp dữ liệu mẫu Sở Thông tin và Truyền thông tỉnh Trà Vinh:');
  io.out(counts('Đơn vị', summary.metadata.orgUnits));
  io.out(counts('Phân tổ', summary.metadata.disaggregations));
  io.out(counts('Chỉ tiêu', summary.metadata.indicators));
  io.out(counts('Quy tắc kiểm tra', summary.metadata.validationRules));
  io.out(counts('Số liệu', summary.values));
  io.out(counts('Đề cương báo cáo', summary.templates));
  io.out(counts('Báo cáo', summary.reports));
  if (accounts && accounts.created.length > 0) {
    io.out(`  Tài khoản mẫu mới (mật khẩu ${DEMO_PASSWORD}): ${accounts.created.join(', ')}`);
  }
  io.out('Xem thử: baocao report render --org stttt-travinh --period 2022-04 --format md');
  return 0;
}
