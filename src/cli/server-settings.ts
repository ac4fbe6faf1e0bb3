// The server's settings, read where it starts (`baocao serve`, `baocao start`) from
// the environment; each bad value stops it with one Vietnamese line (exit 2):
//   BAOCAO_TRUST_PROXY           off by default; `true` (every hop), a number of hops, or
//                                the proxies' addresses/CIDRs, comma-separated. Only then
//                                are X-Forwarded-For/-Proto believed (client address for the
//                                login throttle, HTTPS for Secure cookies and HSTS).
//   BAOCAO_SESSION_IDLE_MINUTES  a session ends after this long without a request (120)
//   BAOCAO_SESSION_MAX_HOURS     and in any case this long after login (12)
//   BAOCAO_AUTH_CACHE_SECONDS    how long a caller's identity is remembered between
//                                requests (5; 0 asks the database every time)
//   BAOCAO_LOGINS_PER_MINUTE     login requests one address may send per minute (20)
import { DEFAULT_AUTH_CACHE_MS } from '../app/accounts/principal-cache.ts';
import { DEFAULT_SESSION_LIFETIMES } from '../app/accounts/session-lifetimes.ts';
import { DEFAULT_LOGINS_PER_MINUTE } from '../api/server.ts';
import type { SessionLifetimes } from '../app/accounts/session-lifetimes.ts';
import { CliError } from './cli-error.ts';

export type TrustProxy = boolean | number | string;

export interface ServerSettings {
  readonly trustProxy: TrustProxy;
  readonly sessions: SessionLifetimes;
  readonly authCacheMs: number;
  readonly loginsPerMinute: number;
}

const ADDRESS_LIST = /^[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*$/;

function bad(name: string, value: string, rule: string): CliError {
  return new CliError(2, `Biến môi trường ${name}="${value}" không hợp lệ: ${rule}.`);
}

function whole(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, max: number): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) throw bad(name, text, `cần số nguyên từ 1 đến ${max}`);
  return value;
}

function trustProxyOf(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value);
  const list = value.split(',').map((part) => part.trim()).join(',');
  if (!ADDRESS_LIST.test(list)) throw bad('BAOCAO_TRUST_PROXY', value, 'dùng true, số tầng proxy, hoặc địa chỉ/dải địa chỉ IP của proxy, cách nhau bằng dấu phẩy');
  return list;
}

export function serverSettings(env: Readonly<Record<string, string | undefined>>, { trustProxyFlag = false }: { trustProxyFlag?: boolean } = {}): ServerSettings {
  const idleMinutes = whole(env, 'BAOCAO_SESSION_IDLE_MINUTES', DEFAULT_SESSION_LIFETIMES.idleMinutes, 7 * 24 * 60);
  const absoluteHours = whole(env, 'BAOCAO_SESSION_MAX_HOURS', DEFAULT_SESSION_LIFETIMES.absoluteHours, 30 * 24);
  if (idleMinutes > absoluteHours * 60) {
    throw new CliError(2, `Thời gian chờ của phiên (BAOCAO_SESSION_IDLE_MINUTES=${idleMinutes} phút) không được dài hơn thời hạn phiên (BAOCAO_SESSION_MAX_HOURS=${absoluteHours} giờ).`);
  }
  const cacheText = env['BAOCAO_AUTH_CACHE_SECONDS']?.trim();
  if (cacheText && (!/^\d+$/.test(cacheText) || Number(cacheText) > 300)) throw bad('BAOCAO_AUTH_CACHE_SECONDS', cacheText, 'cần số nguyên từ 0 đến 300');
  const authCacheMs = cacheText ? Number(cacheText) * 1000 : DEFAULT_AUTH_CACHE_MS;
  const loginsPerMinute = whole(env, 'BAOCAO_LOGINS_PER_MINUTE', DEFAULT_LOGINS_PER_MINUTE, 100_000);
  return { trustProxy: trustProxyFlag ? true : trustProxyOf(env['BAOCAO_TRUST_PROXY']), sessions: { idleMinutes, absoluteHours }, authCacheMs, loginsPerMinute };
}
