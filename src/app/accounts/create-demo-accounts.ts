// The demo accounts of the Trà Vinh department (issue 5 §2; issue 11: one for every
// unit that owns a section of the monthly report), all with the public password
// `baocao-demo` and flagged as demo so the server warns while any is active. The
// Văn phòng's sections are written by `vanphong`, the office that also compiles. Only `baocao demo load` calls this. Idempotent: an existing
// username is left as it is (an admin may have disabled it or changed its password).
import type { Secrets } from './account-ports.ts';
import { createUser } from './create-user.ts';
import type { Store } from '../ports.ts';

export const DEMO_PASSWORD = 'baocao-demo';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: 'admin' | 'compiler' | 'approver' | 'reporter' | 'viewer';
  readonly orgUnit: string;
}

/** Org unit codes are those of demo/metadata.yaml. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'quantri', displayName: 'Quản trị hệ thống (mẫu)', role: 'admin', orgUnit: 'travinh' },
  { username: 'vanphong', displayName: 'Văn phòng Sở (mẫu)', role: 'compiler', orgUnit: 'stttt-travinh' },
  { username: 'lanhdao', displayName: 'Lãnh đạo Sở (mẫu)', role: 'approver', orgUnit: 'stttt-travinh' },
  { username: 'bcvt', displayName: 'Phòng BCVT-CNTT (mẫu)', role: 'reporter', orgUnit: 'stttt-bcvt' },
  { username: 'thanhtra', displayName: 'Thanh tra Sở (mẫu)', role: 'reporter', orgUnit: 'stttt-ttra' },
  { username: 'ttbcxb', displayName: 'Phòng TT-BC-XB (mẫu)', role: 'reporter', orgUnit: 'stttt-ttbcxb' },
  { username: 'ttcntt', displayName: 'Trung tâm CNTT&TT (mẫu)', role: 'reporter', orgUnit: 'stttt-ttcntt' },
  { username: 'ubndtinh', displayName: 'UBND tỉnh (mẫu)', role: 'viewer', orgUnit: 'travinh' },
];

export async function createDemoAccounts({ store, secrets, actor = 'demo', now = new Date() }: {
  store: Store; secrets: Secrets; actor?: string; now?: Date;
}): Promise<{ created: string[]; kept: string[] }> {
  const created: string[] = [];
  const kept: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await store.accounts.findUserByUsername(account.username)) {
      kept.push(account.username);
      continue;
    }
    await createUser({
      store, secrets, username: account.username, displayName: account.displayName, password: DEMO_PASSWORD,
      grants: [{ role: account.role, orgUnit: account.orgUnit }], isDemo: true, actor, now,
    });
    created.push(account.username);
  }
  return { created, kept };
}
