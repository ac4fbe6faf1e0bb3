import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AuditEvent } from '../../app/ports.ts';
import { testDatabases } from '../testing/test-databases.ts';

const EVENTS: AuditEvent[] = [
  { at: '2022-04-14T09:00:00.000Z', actor: 'cntt.nv1', action: 'data_value.upsert', entity: 'data_value', orgUnit: 'stttt', period: '2022-04', before: null, after: { value: 20601 } },
  { at: '2022-04-14T10:00:00.000Z', actor: 'cntt.nv1', action: 'data_value.upsert', entity: 'data_value', orgUnit: 'stttt', period: '2022-04', before: { value: 20601 }, after: { value: 20602, comment: 'sửa lỗi nhập' } },
  { at: '2022-04-20T08:00:00.000Z', actor: 'pgd', action: 'report.issue', entity: 'report', orgUnit: 'stttt', period: '2022-04', after: { number: '05/BC-STTTT' } },
  { at: '2022-05-02T08:00:00.000Z', actor: 'admin', action: 'org_unit.upsert', entity: 'org_unit' },
];

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('events are recorded with before/after and listed most recent first, filtered', () =>
      database.withStore(async (store) => {
        await store.audit.record(EVENTS);
        const all = await store.audit.list({});
        assert.deepEqual(all.map((e) => e.action), ['org_unit.upsert', 'report.issue', 'data_value.upsert', 'data_value.upsert']);
        assert.ok(all.every((e) => typeof e.id === 'number'));

        const edits = await store.audit.list({ actor: 'cntt.nv1', limit: 1 });
        assert.equal(edits.length, 1);
        assert.deepEqual(edits[0]?.before, { value: 20601 });
        assert.deepEqual(edits[0]?.after, { value: 20602, comment: 'sửa lỗi nhập' });

        const april = await store.audit.list({ orgUnit: 'stttt', period: '2022-04', action: 'report.issue' });
        assert.deepEqual(april.map((e) => ({ actor: e.actor, after: e.after, before: e.before })), [{ actor: 'pgd', after: { number: '05/BC-STTTT' }, before: undefined }]);

        const either = await store.audit.list({ actions: ['report.issue', 'org_unit.upsert'] });
        assert.deepEqual(either.map((e) => e.action), ['org_unit.upsert', 'report.issue']);
        assert.deepEqual(await store.audit.list({ actions: [] }), []);

        const [adminEvent] = await store.audit.list({ actor: 'admin' });
        assert.equal(adminEvent?.orgUnit, null);
        assert.equal(adminEvent?.period, null);
      }));
  });
}
