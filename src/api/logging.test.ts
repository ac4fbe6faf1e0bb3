// What the server's logs hold, read as an operator would: JSON lines with a request id
// on every request's lines, the id echoed to the caller, and never a password, an API
// token, a session cookie or a CSRF token, whichever way the request authenticated.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { issueApiToken } from '../app/accounts/issue-api-token.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { loggerOptions } from './logging.ts';
import { PASSWORD, secrets, withApi } from './testing/api-test-kit.ts';

const [sqlite] = testDatabases();

describe('server logs', () => {
  test('carry request ids and no credentials', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter((l) => l !== ''));
        done();
      },
    });
    if (!sqlite) throw new Error('no SQLite test database');
    await withApi(sqlite, async ({ call, login, store }) => {
      const caller = await login('vanphong');
      const me = await call(caller, 'GET', '/api/me?verbose=1');
      assert.match(String(me.headers['x-request-id']), /^[0-9a-f-]{36}$/, 'a new id when none is given');
      const { token } = await issueApiToken({ store, secrets, username: 'vanphong', name: 'he-thong', actor: 'test' });
      await call({ bearer: token }, 'GET', '/api/me');
      const wrong = await call(null, 'POST', '/api/session', { username: 'vanphong', password: 'sai-mat-khau-nay' });
      assert.equal(wrong.statusCode, 401);
      const traced = await call(null, 'GET', '/api/me', undefined, { 'x-request-id': 'proxy-id-12345678' });
      assert.equal(traced.headers['x-request-id'], 'proxy-id-12345678', "the caller's id is kept");
      const forged = await call(null, 'GET', '/api/me', undefined, { 'x-request-id': 'x"\n{"level":60' });
      assert.notEqual(forged.headers['x-request-id'], 'x"\n{"level":60', 'a malformed id is replaced');

      const secretsSeen = [PASSWORD, 'sai-mat-khau-nay', token, caller.cookie?.split('=')[1] ?? '', caller.csrfToken ?? ''].filter((s) => s.length >= 8);
      assert.ok(lines.length > 5, 'the requests were logged');
      for (const line of lines) {
        const entry = JSON.parse(line) as { requestId?: string; req?: unknown };
        if (entry.req) assert.ok(entry.requestId, `a request line has its id: ${line}`);
        for (const secret of secretsSeen) assert.ok(!line.includes(secret), `no credential in: ${line}`);
      }
      assert.ok(lines.some((l) => l.includes('proxy-id-12345678')), 'the proxy id reaches the log');
    }, { logger: loggerOptions({ level: 'info', destination }) });
  });
});
