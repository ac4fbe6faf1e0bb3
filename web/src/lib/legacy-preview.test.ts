import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LegacyDocument, LegacyImportResult, LegacySection } from '../api/types.ts';
import { coverageLabel, documentNumber, previewCounts, sectionHeading } from './legacy-preview.ts';

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
  const result = { sections: tree, documents: [doc({})], plan: [], findings: [], unplaced: [{ paragraph: 9, text: 'x' }] } as unknown as LegacyImportResult;
  assert.deepEqual(previewCounts(result), { sections: 4, items: 6, documents: 1, plan: 0, findings: 0, unplaced: 1 });
});
