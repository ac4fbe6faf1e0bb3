// Login throttling (issue 12, point 4): it cannot be raced (18 wrong passwords sent
// at once do not all get a try), it cannot be used to lock someone out (the wait grows
// per account AND address: the right password still works from an address that did
// not fail), an admin can unlock, and lockouts are audited. On both databases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { slidingWindowLimit } from './auth/login-rate-limit.ts';
import { PASSWORD, withApi } from './testing/api-test-kit.ts';

const ATTACKER = '203.0.113.66';
const OFFICE = '198.51.100.7';
// The per-address limit of login attempts is not what these tests are about.
const WIDE_LIMIT = { loginRateLimit: slidingWindowLimit({ max: 1000, windowMs: 60_000 }) };

function attempt(app: FastifyInstance, username: string, password: string, remoteAddress: string) {
  return app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress });
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('18 wrong passwords at once: only the free attempts are tried, the rest wait; the account stays open elsewhere', () =>
      withApi(database, async ({ app }) => {
        const answers = await Promise.all(Array.from({ length: 18 }, () => attempt(app, 'quantri', 'doan-mat-khau', ATTACKER)));
        const codes = answers.map((r) => r.statusCode).sort();
        assert.deepEqual(codes, [...Array(5).fill(401), ...Array(13).fill(429)], `answers: ${codes.join(',')}`);
        const waiting = answers.find((r) => r.statusCode === 429);
        assert.equal(waiting?.json().code, 'rate_limited');
        assert.match(waiting?.json().message ?? '', /thử lại sau/);
        assert.ok(Number(waiting?.headers['retry-after']) > 0);

        // The right password from the guessing address waits too ...
        assert.equal((await attempt(app, 'quantri', PASSWORD, ATTACKER)).statusCode, 429);
        // ... but works from an address that did not fail.
        assert.equal((await attempt(app, 'quantri', PASSWORD, OFFICE)).statusCode, 200);
      }, WIDE_LIMIT));

    test('the wait grows with each further failure, and a success from the address resets it', () => {
      let clock = new Date('2026-12-02T08:00:00.000Z');
      return withApi(database, async ({ app }) => {
        const waits: number[] = [];
        for (let round = 0; round < 4; round++) {
          let answer = await attempt(app, 'bcvt', 'sai', ATTACKER);
          while (answer.statusCode === 401) answer = await attempt(app, 'bcvt', 'sai', ATTACKER);
          assert.equal(answer.statusCode, 429);
          const wait = Number(answer.headers['retry-after']);
          waits.push(wait);
          clock = new Date(clock.getTime() + wait * 1000);
        }
        assert.ok(waits.every((w, i) => i === 0 || w > (waits[i - 1] ?? 0)), `waits grow: ${waits.join(', ')}`);
        assert.equal((await attempt(app, 'bcvt', PASSWORD, ATTACKER)).statusCode, 200, 'after the wait, the right password works');
        // Reset: five free attempts again.
        for (let i = 0; i < 5; i++) assert.equal((await attempt(app, 'bcvt', 'sai', ATTACKER)).statusCode, 401);
      }, { ...WIDE_LIMIT, now: () => clock });
    });

    test('lockouts are audited; an admin unlocks the account; only an admin', () =>
      withApi(database, async ({ app, call, login, store }) => {
        for (let i = 0; i < 6; i++) await attempt(app, 'bcvt', 'sai', ATTACKER);
        assert.equal((await attempt(app, 'bcvt', PASSWORD, ATTACKER)).statusCode, 429);
        const [lockout] = await store.audit.list({ action: 'user.login_throttled' });
        assert.equal((lockout?.after as { username: string; address: string }).username, 'bcvt');
        assert.equal((lockout?.after as { address: string }).address, ATTACKER);

        const vanphong = await login('vanphong');
        const refused = await call(vanphong, 'POST', '/api/users/bcvt/unlock');
        assert.equal(refused.statusCode, 403, refused.body);
        const quantri = await login('quantri');
        assert.equal((await call(quantri, 'POST', '/api/users/khongco/unlock')).statusCode, 404);
        const unlocked = await call(quantri, 'POST', '/api/users/bcvt/unlock');
        assert.equal(unlocked.statusCode, 204, unlocked.body);
        assert.equal((await attempt(app, 'bcvt', PASSWORD, ATTACKER)).statusCode, 200);
        const [event] = await store.audit.list({ action: 'user.unlock' });
        assert.equal(event?.actor, 'quantri');
      }, WIDE_LIMIT));
  });
}
