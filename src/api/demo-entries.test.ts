// The demo report's entries are edited through the API like any other (issue 12,
// point 5: ids such as `i.1#1` were refused by the route's id pattern). April 2022 loads
// issued, so an admin reopens it first, with a reason, as a user would have to.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { withDemoApi } from './testing/demo-api-kit.ts';

const REPORT = '/api/reports/stttt-travinh/2022-04';

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('every demo item, document and plan line can be changed and deleted through its URL', () =>
      withDemoApi(database, async ({ call, login }) => {
        const reopened = await call(await login('quantri'), 'POST', `${REPORT}/actions/reopen`, { reason: 'Sửa nội dung theo góp ý' });
        assert.equal(reopened.statusCode, 200, reopened.body);
        const vanphong = await login('vanphong');
        for (const kind of ['items', 'documents', 'plan']) {
          const listed = await call(vanphong, 'GET', `${REPORT}/${kind}`);
          assert.equal(listed.statusCode, 200, listed.body);
          const entries = listed.json().entries as { id: string; version: number }[];
          assert.ok(entries.length > 0, kind);
          for (const entry of entries) {
            const read = await call(vanphong, 'PATCH', `${REPORT}/${kind}/${encodeURIComponent(entry.id)}`, { version: entry.version });
            assert.equal(read.statusCode, 200, `${kind} ${entry.id}: ${read.body}`);
          }
          const [first] = entries;
          const deleted = await call(vanphong, 'DELETE', `${REPORT}/${kind}/${encodeURIComponent(first?.id ?? '')}?version=${(first?.version ?? 0) + 1}`);
          assert.equal(deleted.statusCode, 204, deleted.body);
        }
      }));
  });
}
