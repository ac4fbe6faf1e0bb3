// The audit trail reads as Vietnamese sentences on both databases: each kind of event
// the monthly cycle writes (a figure, a correction, an explanation, an item, the
// workflow) has a heading, a sentence naming who, what and where, and its changed
// fields with their labels, values written the Vietnamese way.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDemoAccounts } from '../../src/app/accounts/create-demo-accounts.ts';
import { loadOrgTree, resolveGrants } from '../../src/app/accounts/principal.ts';
import type { Principal } from '../../src/app/accounts/principal.ts';
import { describeAuditEvents } from '../../src/app/audit/describe-audit-events.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import type { Store } from '../../src/app/ports.ts';
import { runWorkflowAction } from '../../src/app/reports/run-workflow-action.ts';
import { writeReportEntry } from '../../src/app/reports/write-report-entry.ts';
import { writeExplanation } from '../../src/app/values/write-explanation.ts';
import { writeValues } from '../../src/app/values/write-values.ts';
import { nodeSecrets, TEST_ARGON2_COST } from '../../src/api/auth/node-secrets.ts';
import type { Role } from '../../src/core/access.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

async function principal(store: Store, username: string, role: Role, orgUnit: string): Promise<Principal> {
  return { userId: 0, username, displayName: username, grants: resolveGrants(await loadOrgTree(store), [{ role, orgUnit }]), via: 'session' };
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('each event of a month reads as a sentence with its changed fields', () =>
      database.withStore(async (store) => {
        await loadDemo({ store, demo: readDemoFiles() });
        await createDemoAccounts({ store, secrets: nodeSecrets(TEST_ARGON2_COST) });
        const bcvt = await principal(store, 'bcvt', 'reporter', 'stttt-bcvt');
        const vanphong = await principal(store, 'vanphong', 'compiler', 'stttt-travinh');
        const at = (minute: number) => new Date(Date.UTC(2022, 4, 13, 2, minute));
        const docs = (value: string) => [{ index: 1, indicator: 'ioffice.docs_issued', orgUnit: 'stttt-bcvt', period: '2022-05', disagg: '', value }];
        await writeValues({ store, principal: bcvt, rows: docs('21000'), now: at(1) });
        await writeValues({ store, principal: bcvt, rows: docs('21500'), now: at(2) });
        await writeValues({ store, principal: vanphong, rows: docs('21600'), now: at(3) });
        await writeExplanation({ store, principal: bcvt, orgUnit: 'stttt-bcvt', period: '2022-05', indicator: 'ioffice.docs_issued', text: 'Tính cả văn bản của UBND huyện.', now: at(4) });
        await writeReportEntry({ store, principal: bcvt, orgUnit: 'stttt-travinh', period: '2022-05', kind: 'items', write: { op: 'create', fields: { section: 'i.2', text: 'Kiểm tra 05 điểm bưu chính.' } }, now: at(5) });
        await runWorkflowAction({ store, principal: bcvt, orgUnit: 'stttt-travinh', period: '2022-05', action: 'submit', part: 'stttt-bcvt', now: at(6) });
        await runWorkflowAction({ store, principal: vanphong, orgUnit: 'stttt-travinh', period: '2022-05', action: 'return', part: 'stttt-bcvt', reason: 'Thiếu số liệu chứng thư số', now: at(7) });

        const events = await describeAuditEvents({ store, events: (await store.audit.list({ period: '2022-05' })).reverse() });
        const read = events.map((e) => [e.actionLabel, e.summary]);
        assert.deepEqual(read.filter(([label]) => label !== 'Nhập số liệu'), [
          ['Sửa số liệu', 'Phòng BCVT-CNTT (mẫu) sửa số liệu «Văn bản điện tử phát hành trên iOffice» của Phòng Bưu chính, Viễn thông và Công nghệ thông tin (tháng 5 năm 2022): 21.000 → 21.500.'],
          ['Đính chính số liệu', 'Văn phòng Sở (mẫu) đính chính số liệu «Văn bản điện tử phát hành trên iOffice» của Phòng Bưu chính, Viễn thông và Công nghệ thông tin (tháng 5 năm 2022): 21.500 → 21.600.'],
          ['Ghi giải trình', 'Phòng BCVT-CNTT (mẫu) ghi giải trình cho số liệu «Văn bản điện tử phát hành trên iOffice» của Phòng Bưu chính, Viễn thông và Công nghệ thông tin (tháng 5 năm 2022): “Tính cả văn bản của UBND huyện.”.'],
          ['Thêm nội dung', 'Phòng BCVT-CNTT (mẫu) thêm nội dung ở mục I.2 «Lĩnh vực bưu chính» của báo cáo của Sở Thông tin và Truyền thông (tháng 5 năm 2022): “Kiểm tra 05 điểm bưu chính.”.'],
          ['Gửi phần báo cáo', 'Phòng BCVT-CNTT (mẫu) gửi phần báo cáo của Phòng Bưu chính, Viễn thông và Công nghệ thông tin (tháng 5 năm 2022).'],
          ['Trả lại', 'Văn phòng Sở (mẫu) trả lại phần báo cáo của Phòng Bưu chính, Viễn thông và Công nghệ thông tin (tháng 5 năm 2022): lý do “Thiếu số liệu chứng thư số”.'],
        ]);
        assert.ok(read.some(([label, summary]) => label === 'Nhập số liệu' && (summary ?? '').startsWith('Phòng BCVT-CNTT (mẫu) nhập 1 số liệu (1 mới, 0 cập nhật) cho Phòng Bưu chính')));
        const correction = events.find((e) => e.action === 'data_value.correct');
        assert.deepEqual(correction?.changes, [{ field: 'value', label: 'Giá trị', before: '21.500', after: '21.600' }]);
        const returned = events.find((e) => e.action === 'report.return');
        assert.deepEqual(returned?.changes.map((c) => [c.label, c.before, c.after]), [
          ['Trạng thái', 'đã gửi', 'đang soạn'],
          ['Lý do trả lại', '(trống)', 'Thiếu số liệu chứng thư số'],
          ['Lý do', '(trống)', 'Thiếu số liệu chứng thư số'],
        ]);
        // No event reads as JSON or an English code.
        for (const e of events) assert.doesNotMatch(e.summary, /[{}]|report\.|data_value/);
      }));
  });
}
