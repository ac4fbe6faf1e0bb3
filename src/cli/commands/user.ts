// `baocao user add|list|disable|unlock|token`: accounts from the command line, through the
// same use cases as the API.
import { requireString, optionalString, flag } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { cliActor, withStore } from '../store.ts';
import { AppError } from '../../app/app-error.ts';
import { createUser } from '../../app/accounts/create-user.ts';
import { disableUser } from '../../app/accounts/disable-user.ts';
import { issueApiToken } from '../../app/accounts/issue-api-token.ts';
import { listUsers } from '../../app/accounts/list-users.ts';
import { revokeApiToken } from '../../app/accounts/revoke-api-token.ts';
import { unlockUser } from '../../app/accounts/unlock-user.ts';
import { nodeSecrets } from '../../api/auth/node-secrets.ts';

/** `reporter:bcvt` → { role, orgUnit }. */
function parseGrants(values: readonly string[], helpCommand: string): { role: string; orgUnit: string }[] {
  return values.map((text) => {
    const [role, orgUnit] = text.split(':');
    if (!role || !orgUnit) throw usageError(`Quyền "${text}" không đúng dạng VAI_TRÒ:MÃ_ĐƠN_VỊ (ví dụ reporter:bcvt).`, helpCommand);
    return { role, orgUnit };
  });
}

function grantValues(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

export async function run({ args, io, env, helpCommand }: CommandContext): Promise<number> {
  const [sub, name] = args.positionals;
  const actor = cliActor(env);
  const secrets = nodeSecrets();
  try {
    return await withStore(env, async (store) => {
      switch (sub) {
        case 'add': {
          if (!name) throw usageError('Thiếu tên đăng nhập.', helpCommand);
          const password = optionalString(args, 'password') ?? env['BAOCAO_PASSWORD'];
          if (!password) throw usageError('Thiếu mật khẩu (--password hoặc biến BAOCAO_PASSWORD).', helpCommand);
          const user = await createUser({ store, secrets, username: name, displayName: optionalString(args, 'name') ?? name, password, grants: parseGrants(grantValues(args.values['grant']), helpCommand), actor });
          io.out(`Đã tạo tài khoản ${user.username} (${user.grants.map((g) => `${g.role}:${g.orgUnit}`).join(', ') || 'chưa có quyền'}).`);
          return 0;
        }
        case 'list': {
          for (const user of await listUsers({ store })) {
            io.out(`${user.username}\t${user.displayName}\t${user.grants.map((g) => `${g.role}:${g.orgUnit}`).join(',')}${user.disabled ? '\tđã vô hiệu hóa' : ''}${user.isDemo ? '\tmẫu' : ''}`);
          }
          return 0;
        }
        case 'disable': {
          if (!name) throw usageError('Thiếu tên đăng nhập.', helpCommand);
          await disableUser({ store, username: name, disabled: !flag(args, 'enable'), actor });
          io.out(flag(args, 'enable') ? `Đã mở lại tài khoản ${name}.` : `Đã vô hiệu hóa tài khoản ${name}.`);
          return 0;
        }
        case 'unlock': {
          if (!name) throw usageError('Thiếu tên đăng nhập.', helpCommand);
          const { addresses } = await unlockUser({ store, username: name, actor });
          io.out(`Đã mở khóa đăng nhập cho tài khoản ${name}${addresses > 0 ? ` (bỏ thời gian chờ ở ${addresses} địa chỉ)` : ' (không có thời gian chờ nào)'}.`);
          return 0;
        }
        case 'token': {
          const revoke = optionalString(args, 'revoke');
          if (revoke !== undefined) {
            await revokeApiToken({ store, id: Number(revoke), actor });
            io.out(`Đã thu hồi mã truy cập số ${revoke}.`);
            return 0;
          }
          if (!name) throw usageError('Thiếu tên đăng nhập chủ mã truy cập.', helpCommand);
          const grants = grantValues(args.values['grant']);
          const { token, apiToken } = await issueApiToken({
            store, secrets, username: name, name: requireString(args, 'label', helpCommand), actor,
            ...(grants.length > 0 ? { grants: parseGrants(grants, helpCommand) } : {}),
          });
          io.err(`Mã truy cập số ${apiToken.id} (chỉ hiện một lần; gửi trong tiêu đề Authorization: Bearer …):`);
          io.out(token);
          return 0;
        }
        default:
          throw usageError(sub === undefined ? 'Thiếu lệnh con (add, list, disable, unlock, token).' : `Không có lệnh con "${sub}".`, helpCommand);
      }
    });
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.code === 'bad_request' ? 2 : 1, error.message);
    throw error;
  }
}
