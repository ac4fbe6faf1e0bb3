import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SESSION_LIFETIMES } from '../app/accounts/session-lifetimes.ts';
import { serverSettings } from './server-settings.ts';

test('defaults: no proxy trusted, the default session lifetimes', () => {
  assert.deepEqual(serverSettings({}), { trustProxy: false, sessions: DEFAULT_SESSION_LIFETIMES, authCacheMs: 5_000, loginsPerMinute: 20 });
});

test('each setting is read from its variable; --trust-proxy is true', () => {
  assert.deepEqual(serverSettings({ BAOCAO_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1', BAOCAO_SESSION_IDLE_MINUTES: '30', BAOCAO_SESSION_MAX_HOURS: '8', BAOCAO_AUTH_CACHE_SECONDS: '0' }), {
    trustProxy: '10.0.0.0/8,127.0.0.1', sessions: { idleMinutes: 30, absoluteHours: 8 }, authCacheMs: 0, loginsPerMinute: 20,
  });
  assert.throws(() => serverSettings({ BAOCAO_AUTH_CACHE_SECONDS: '-1' }), /BAOCAO_AUTH_CACHE_SECONDS/);
  assert.equal(serverSettings({ BAOCAO_TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(serverSettings({ BAOCAO_TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(serverSettings({ BAOCAO_TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(serverSettings({}, { trustProxyFlag: true }).trustProxy, true);
});

test('a bad value stops the server with a Vietnamese line naming the variable (exit 2)', () => {
  for (const [name, value] of [['BAOCAO_SESSION_IDLE_MINUTES', '0'], ['BAOCAO_SESSION_IDLE_MINUTES', 'hai'], ['BAOCAO_SESSION_MAX_HOURS', '-1'], ['BAOCAO_TRUST_PROXY', 'proxy.example; rm'], ['BAOCAO_SESSION_MAX_HOURS', '1000']]) {
    assert.throws(() => serverSettings({ [name as string]: value }), (error: { exitCode: number; message: string }) => error.exitCode === 2 && error.message.includes(name as string), `${name}=${value}`);
  }
  assert.throws(() => serverSettings({ BAOCAO_SESSION_IDLE_MINUTES: '600', BAOCAO_SESSION_MAX_HOURS: '8' }), /không được dài hơn/);
});
