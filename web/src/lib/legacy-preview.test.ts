import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageLabel, documentNumber, layoutLabel, lossLabel, previewCounts, sectionHeading, unitLabel } from './legacy-preview.ts';
import type { LegacyDocument, LegacyImportResult, LegacySection } from './legacy-preview.ts';

test('coverage reads as a Vietnamese percentage', () => {
  const cases: [number, string][] = [[1, '100,0%'], [0.9731, '97,3%'], [0, '0,0%'], [1.2, '100,0%']];
  for (const [coverage, label] of cases) assert.equal(coverageLabel(coverage), label);
});

const doc = (fields: Partial<LegacyDocument>): LegacyDocument => ({ id: 'd', type: 'Quyết định', issuer: 'UBND', summary: '', reference: '695/QĐ-UBND', paragraph: 4, ...fields });

test('a document reference reads as number/symbol', () => {
  assert.equal(documentNumber(doc({ number: '695', symbol: 'QĐ-UBND' })), '695/QĐ-UBND');
  assert.equal(documentNumber(doc({ number: null, symbol: 'KH-STTTT' })), 'KH-STTTT');
  assert.equal(documentNumber(doc({ reference: 'số 12' })), 'số 12');
});

const section = (number: string, numbering: string, title: string, sections: LegacySection[] = [], items = 0): LegacySection => ({
  id: number, number, numbering, title, level: 1, paragraph: 0, sections,
  items: Array.from({ length: items }, (_, i) => ({ paragraph: i, marker: '-', text: `mục ${i}` })),
});

test('section headings print their numbers as the report does', () => {
  assert.equal(sectionHeading(section('I', 'roman', 'CÔNG TÁC QUẢN LÝ NHÀ NƯỚC')), 'I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC');
  assert.equal(sectionHeading(section('a', 'letter', 'Bưu chính')), 'a) Bưu chính');
  assert.equal(sectionHeading(section('', 'none', 'Nhiệm vụ khác')), 'Nhiệm vụ khác');
});

test('the counts include sections and items at every depth', () => {
  const tree = [section('I', 'roman', 'A', [section('1', 'arabic', 'B', [], 3), section('2', 'arabic', 'C', [section('a', 'letter', 'D', [], 2)])], 1)];
  tree[0]?.items.push({ paragraph: 20, marker: 'table', text: 'a | b', table: [['a', 'b']] });
  const result = {
    sections: tree, documents: [doc({})], plan: [], findings: [], unplaced: [{ paragraph: 9, text: 'x' }],
    figures: [{ paragraph: 1, text: '20.601', value: 20601, indicator: 'x.y', filter: null, sure: true, reason: '', stored: null }],
    loss: { missing: [{ paragraph: 3, text: 'y' }], added: [], addedCount: 0, checked: 12 },
  } as unknown as LegacyImportResult;
  assert.deepEqual(previewCounts(result), { sections: 4, items: 6, tables: 1, documents: 1, plan: 0, findings: 0, unplaced: 1, values: 1, missing: 1 });
});

test('the unit, the layout and the loss check read as sentences', () => {
  assert.equal(unitLabel({ orgUnit: 'tv-cauke', unit: { stated: 'ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ', matched: { code: 'tv-cauke', name: 'Huyện Cầu Kè', score: 1 }, closest: [] } }), 'Huyện Cầu Kè (tv-cauke)');
  assert.equal(unitLabel({ orgUnit: null, unit: { stated: 'UBND XÃ LONG ĐỨC', matched: null, closest: [] } }), 'không khớp đơn vị nào');
  assert.equal(layoutLabel({ template: 'nhap-tv-cauke-2022-H1', derived: true, reason: 'own' }), 'theo đề mục của chính báo cáo (nhap-tv-cauke-2022-H1)');
  assert.equal(lossLabel({ missing: [], added: [], addedCount: 0, checked: 40 }, true), 'Báo cáo sẽ lưu, dựng lại từ dữ liệu, có đủ 40 đoạn của tệp.');
  assert.equal(lossLabel({ missing: [{ paragraph: 2, text: 'x' }], added: [], addedCount: 0, checked: 40 }, false), 'Báo cáo đã lưu thiếu 1/40 đoạn của tệp.');
  assert.equal(lossLabel(null, true), 'Chưa đối chiếu (báo cáo bị từ chối trước khi dựng lại).');
});
