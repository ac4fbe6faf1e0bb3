import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedCells, loadedOf, refusalsByCell, saveRows, shownValue, takeStored, textsOf } from './entry-form.ts';
import type { LoadedValue } from './entry-form.ts';

const loaded = new Map<string, LoadedValue>([
  ['ioffice.docs_issued|', { value: '20601' }],
  ['hotline.calls|channel=online', { value: '77.2' }],
]);

test('the form shows stored values in its own number style and knows what the user changed', () => {
  assert.equal(shownValue('20601'), '20.601');
  assert.equal(shownValue('77.2'), '77,2');
  const texts = textsOf(loaded);
  assert.deepEqual(texts, { 'ioffice.docs_issued|': '20.601', 'hotline.calls|channel=online': '77,2' });
  // "20601" typed without the thousands dot is the same number: no change.
  assert.deepEqual(changedCells({ ...texts, 'ioffice.docs_issued|': '20601' }, loaded), []);
  assert.deepEqual(changedCells({ ...texts, 'hotline.calls|channel=online': '77,3', 'new|': '5' }, loaded), ['hotline.calls|channel=online', 'new|']);
});

test('a cleared cell is a deletion of the stored value; each row goes to the unit that reports it', () => {
  const texts = { ...textsOf(loaded), 'ioffice.docs_issued|': '', 'attt.alerts|': '1.234' };
  const cells = changedCells(texts, loaded);
  assert.deepEqual(cells, ['ioffice.docs_issued|', 'attt.alerts|']);
  const rows = saveRows(cells, texts, loaded, (i) => (i === 'attt.alerts' ? 'stttt-ttcntt' : 'stttt-vp'));
  assert.deepEqual(rows.map((r) => [r.dataElement, r.categoryOptionCombo, r.orgUnit, r.value, r.base]), [
    ['ioffice.docs_issued', 'default', 'stttt-vp', '', '20601'],
    ['attt.alerts', 'default', 'stttt-ttcntt', '1234', null],
  ]);
  // An empty cell that was empty is no change at all.
  assert.deepEqual(changedCells({ 'x|': '' }, new Map()), []);
});

test('a refusal lands on its cell without the row number the user never saw', () => {
  const rows = saveRows(['a|', 'b|'], { 'a|': '1', 'b|': '2' }, new Map(), () => 'u');
  const { cells, general } = refusalsByCell([
    { indexes: [2], message: 'Dòng 2: Chỉ tiêu «B» do Thanh tra Sở nhập.' },
    { indexes: [], message: 'Kỳ đã khóa.' },
  ], rows);
  assert.equal(cells.get('b|'), 'Chỉ tiêu «B» do Thanh tra Sở nhập.');
  assert.deepEqual(general, ['Kỳ đã khóa.']);
});

test('taking the stored value of a stale cell keeps the other edits and bases the next save on it', () => {
  const texts = { 'ioffice.docs_issued|': '20.700', 'hotline.calls|channel=online': '80' };
  const next = takeStored([{ cell: 'ioffice.docs_issued|', current: '20650', storedBy: 'vanphong', lastUpdated: '2022-05-10T01:00:00Z' }], texts, loaded);
  assert.equal(next.texts['ioffice.docs_issued|'], '20.650');
  assert.equal(next.texts['hotline.calls|channel=online'], '80');
  assert.equal(next.loaded.get('ioffice.docs_issued|')?.value, '20650');
  // No false conflict: the next save of that cell is based on what is stored now.
  assert.deepEqual(changedCells(next.texts, next.loaded), ['hotline.calls|channel=online']);
});

test('only the values of the unit that reports an indicator fill the form', () => {
  const map = loadedOf([
    { dataElement: 'x', period: '202205', orgUnit: 'bcvt', categoryOptionCombo: 'default', value: '3' },
    { dataElement: 'x', period: '202205', orgUnit: 'stttt', categoryOptionCombo: 'default', value: '9' },
  ], () => 'bcvt');
  assert.deepEqual([...map.entries()], [['x|', { value: '3', storedBy: undefined, lastUpdated: undefined }]]);
});
