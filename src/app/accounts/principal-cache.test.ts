// Remembered callers: answered from memory within the lifetime, forgotten after it
// and the moment a use case changes callers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PrincipalCache } from './principal-cache.ts';

const principal = { userId: 1, username: 'bcvt', displayName: 'BCVT', grants: [], via: 'session' as const };

test('an entry lives for the lifetime, then is gone', () => {
  const cache = new PrincipalCache(5_000);
  cache.set('k', { principal, lastRecordedAt: 0, cachedAt: 1_000 });
  assert.equal(cache.get('k', 5_999)?.principal.username, 'bcvt');
  assert.equal(cache.get('k', 6_000), undefined);
});

test('clear forgets everyone; a lifetime of 0 remembers nobody', () => {
  const cache = new PrincipalCache(5_000);
  cache.set('a', { principal, lastRecordedAt: 0, cachedAt: 0 });
  cache.clear();
  assert.equal(cache.get('a', 1), undefined);
  const off = new PrincipalCache(0);
  off.set('a', { principal, lastRecordedAt: 0, cachedAt: 0 });
  assert.equal(off.get('a', 0), undefined);
});
