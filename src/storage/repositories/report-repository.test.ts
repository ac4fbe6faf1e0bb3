import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../app/ports.ts';
import type { ReportInstance } from '../../core/report-instance.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { testDatabases } from '../testing/test-databases.ts';

const TEMPLATE: ReportTemplate = {
  code: 'stttt-monthly',
  name: 'Báo cáo tháng',
  summary: 'Kết quả công tác {{ ky }}',
  sections: [{ id: 'i', number: 'I', title: 'CÔNG TÁC QUẢN LÝ NHÀ NƯỚC', level: 1, blocks: [{ type: 'items' }], sections: [] }],
  closing: 'Trên đây là báo cáo.',
};

const APRIL: ReportInstance = {
  template: 'stttt-monthly',
  orgUnit: 'stttt-travinh',
  period: '2022-04',
  number: null,
  date: '2022-04-15',
  place: 'Trà Vinh',
  governingBody: 'UBND TỈNH TRÀ VINH',
  issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  symbol: 'BC-STTTT',
  recipients: ['Bộ TT&TT (b/c)', 'Lưu: VT.'],
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Chuẩn' },
  items: [
    { id: 'a', section: 'i', order: 1, text: 'Tham mưu Ủy ban nhân dân tỉnh' },
    { id: 'b', section: 'i', order: 2, text: 'Lễ hội Chôl Chnam Thmây', marker: '+', owner: 'stttt-vp', slot: 'x' },
  ],
  documents: [
    { id: 'd1', section: 'i', type: 'Kế hoạch', number: '31', symbol: 'KH-STTTT', issuer: 'stttt-travinh', date: '2022-03-29', summary: 'về chuyển đổi số', cited: true },
    { id: 'd2', type: 'Công văn', issuer: 'stttt-travinh', summary: 'tuyên truyền', cited: false },
  ],
  plan: [{ id: 'p1', order: 1, text: 'Tổ chức hội nghị', forPeriod: '2022-05' }],
  variables: { ngay_chot: '14/4/2022' },
};

async function seeded(store: Store): Promise<number> {
  await store.templates.upsertMany([TEMPLATE]);
  await store.reports.saveInstance(APRIL);
  const report = await store.reports.find('stttt-travinh', '2022-04');
  assert.ok(report);
  return report.id;
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('a template round-trips as a whole and a second upsert is unchanged', () =>
      database.withStore(async (store) => {
        assert.deepEqual(await store.templates.upsertMany([TEMPLATE]), { imported: 1, updated: 0, unchanged: 0 });
        assert.deepEqual(await store.templates.get('stttt-monthly'), TEMPLATE);
        assert.deepEqual(await store.templates.upsertMany([TEMPLATE]), { imported: 0, updated: 0, unchanged: 1 });
        assert.deepEqual(await store.templates.upsertMany([{ ...TEMPLATE, name: 'Báo cáo tháng (sửa)' }]), { imported: 0, updated: 1, unchanged: 0 });
        assert.equal(await store.templates.get('khong-co'), undefined);
      }));

    test('a whole report instance saves as a set and loads back equal; saving again writes nothing', () =>
      database.withStore(async (store) => {
        await store.templates.upsertMany([TEMPLATE]);
        assert.deepEqual(await store.reports.saveInstance(APRIL), { imported: 1, updated: 0, unchanged: 0 });
        assert.deepEqual(await store.reports.loadInstance('stttt-travinh', '2022-04'), APRIL);
        assert.deepEqual(await store.reports.saveInstance(APRIL), { imported: 0, updated: 0, unchanged: 1 });
        const report = await store.reports.find('stttt-travinh', '2022-04');
        assert.equal(report?.version, 1);
        assert.equal(report?.status, 'draft');

        // One item changed, one removed, one document dropped: the set is replaced.
        const changed: ReportInstance = { ...APRIL, items: [{ ...APRIL.items[0]!, text: 'Đã sửa' }], documents: APRIL.documents.slice(0, 1) };
        assert.deepEqual(await store.reports.saveInstance(changed), { imported: 0, updated: 1, unchanged: 0 });
        assert.deepEqual(await store.reports.loadInstance('stttt-travinh', '2022-04'), changed);
        assert.equal(await store.reports.loadInstance('stttt-travinh', '2022-03'), undefined);
      }));

    test('workflow state changes need the version read: a stale write is a conflict', () =>
      database.withStore(async (store) => {
        const id = await seeded(store);
        const compiled = await store.reports.updateState(id, 1, { status: 'compiled' });
        assert.ok(compiled.ok);
        assert.equal(compiled.value.status, 'compiled');
        assert.equal(compiled.value.version, 2);
        assert.deepEqual(await store.reports.updateState(id, 1, { status: 'approved' }), { ok: false, reason: 'conflict' });
        assert.deepEqual(await store.reports.updateState(9999, 1, { status: 'approved' }), { ok: false, reason: 'not_found' });
        const header = await store.reports.updateHeader(id, 2, { place: 'TP. Trà Vinh' });
        assert.ok(header.ok);
        assert.equal(header.value.place, 'TP. Trà Vinh');
        assert.equal(header.value.status, 'compiled');
        // Saving the instance again keeps the workflow state.
        await store.reports.saveInstance(APRIL);
        assert.equal((await store.reports.get(id))?.status, 'compiled');
      }));

    test('numbers run per issuing body, symbol and year, from 1', () =>
      database.withStore(async (store) => {
        const id = await seeded(store);
        assert.equal(await store.reports.nextNumber('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'BC-STTTT', 2022), 1);
        const issued = await store.reports.updateState(id, 1, { status: 'issued', number: 5, date: '2022-04-15', issuedAt: '2022-04-15T02:00:00.000Z' });
        assert.ok(issued.ok);
        assert.equal(await store.reports.nextNumber('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'BC-STTTT', 2022), 6);
        assert.equal(await store.reports.nextNumber('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'BC-STTTT', 2023), 1);
        assert.equal(await store.reports.nextNumber('SỞ NỘI VỤ', 'BC-SNV', 2022), 1);
        assert.deepEqual((await store.reports.listIssued('2022-04')).map((r) => r.orgUnit), ['stttt-travinh']);
        assert.deepEqual(await store.reports.listIssued('2022-05'), []);
      }));

    test('division parts are created once and change with their version', () =>
      database.withStore(async (store) => {
        const id = await seeded(store);
        const parts = await store.reports.ensureParts(id, ['stttt-vp', 'stttt-ttr']);
        assert.deepEqual(parts.map((p) => [p.division, p.status, p.version]), [['stttt-ttr', 'draft', 1], ['stttt-vp', 'draft', 1]]);
        const submitted = await store.reports.updatePart(id, 'stttt-vp', 1, { status: 'submitted', submittedAt: '2022-04-10T01:00:00.000Z' });
        assert.ok(submitted.ok);
        assert.equal(submitted.value.submittedAt, '2022-04-10T01:00:00.000Z');
        assert.equal((await store.reports.ensureParts(id, ['stttt-vp'])).find((p) => p.division === 'stttt-vp')?.status, 'submitted');
        assert.deepEqual(await store.reports.updatePart(id, 'stttt-vp', 1, { status: 'draft', reason: 'Thiếu số liệu' }), { ok: false, reason: 'conflict' });
        assert.deepEqual(await store.reports.updatePart(id, 'khong-co', 1, { status: 'draft' }), { ok: false, reason: 'not_found' });
      }));

    test('items, documents and plan items are edited one by one with optimistic concurrency', () =>
      database.withStore(async (store) => {
        const id = await seeded(store);
        const added = await store.reports.saveItem(id, { id: 'c', section: 'i', order: 3, text: 'Mục mới' });
        assert.ok(added.ok);
        assert.equal(added.value.version, 1);
        assert.deepEqual(await store.reports.saveItem(id, { id: 'c', section: 'i', order: 3, text: 'Trùng' }), { ok: false, reason: 'conflict' });
        const edited = await store.reports.saveItem(id, { id: 'c', section: 'i', order: 3, text: 'Đã sửa' }, 1);
        assert.ok(edited.ok);
        assert.equal(edited.value.version, 2);
        assert.deepEqual(await store.reports.saveItem(id, { id: 'c', section: 'i', order: 3, text: 'Cũ' }, 1), { ok: false, reason: 'conflict' });
        assert.deepEqual(await store.reports.deleteItem(id, 'c', 1), { ok: false, reason: 'conflict' });
        assert.deepEqual(await store.reports.deleteItem(id, 'c', 2), { ok: true, value: null });
        assert.deepEqual((await store.reports.listItems(id)).map((i) => i.id), ['a', 'b']);

        const doc = await store.reports.saveDocument(id, { id: 'd3', type: 'Quyết định', issuer: 'ubnd', summary: 'mới' });
        assert.ok(doc.ok);
        assert.deepEqual((await store.reports.listDocuments(id)).map((d) => d.id), ['d1', 'd2', 'd3']);
        assert.deepEqual(await store.reports.saveDocument(id, { id: 'd3', type: 'Quyết định', issuer: 'ubnd', summary: 'x' }, 7), { ok: false, reason: 'conflict' });
        assert.deepEqual(await store.reports.deleteDocument(id, 'd3', 1), { ok: true, value: null });

        const plan = await store.reports.savePlanItem(id, { id: 'p1', order: 1, text: 'Tổ chức hội nghị', forPeriod: '2022-05', status: 'done', resultItemIds: ['a'] }, 1);
        assert.ok(plan.ok);
        assert.deepEqual((await store.reports.listPlanItems(id))[0], { id: 'p1', order: 1, text: 'Tổ chức hội nghị', forPeriod: '2022-05', status: 'done', resultItemIds: ['a'], version: 2 });
        assert.deepEqual(await store.reports.deletePlanItem(id, 'p9', 1), { ok: false, reason: 'not_found' });
      }));

    test('creating a second report for the same unit, period and template is a conflict', () =>
      database.withStore(async (store) => {
        await seeded(store);
        const { items: _i, documents: _d, plan: _p, ...header } = APRIL;
        assert.deepEqual(await store.reports.create(header), { ok: false, reason: 'conflict' });
        const may = await store.reports.create({ ...header, period: '2022-05' });
        assert.ok(may.ok);
        assert.equal(may.value.status, 'draft');
        assert.deepEqual((await store.reports.list({ orgUnit: 'stttt-travinh' })).map((r) => r.period), ['2022-04', '2022-05']);
      }));
  });
}
