// The account tables as Kysely sees them (migrations 2026_11_28_130000 and
// 2026_12_02_120200). Booleans are
// 0/1 integers and instants ISO text, the same on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  is_demo: number;
  created_at: string;
}

export interface UserGrantTable {
  user_id: number;
  role: string;
  org_unit: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  created_at: string;
  last_seen_at: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  user_id: number;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface ApiTokenGrantTable {
  token_id: number;
  role: string;
  org_unit: string;
}

export interface LoginThrottleTable {
  username: string;
  address: string;
  failures: number;
  next_allowed_at: string | null;
  updated_at: string;
}

/** A notification the user has read (migration 2026_12_02_160000). */
export interface NotificationReadTable {
  user_id: number;
  notification_id: string;
  read_at: string;
}

export interface AccountTables {
  app_user: AppUserTable;
  user_grant: UserGrantTable;
  user_session: SessionTable;
  api_token: ApiTokenTable;
  api_token_grant: ApiTokenGrantTable;
  login_throttle: LoginThrottleTable;
  notification_read: NotificationReadTable;
}
