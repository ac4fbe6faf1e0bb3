import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReportFinding } from '../api/types.ts';
import { cellOf, concernsPart, linkOf, targetsOf } from './finding-links.ts';

const finding = (extra: Partial<ReportFinding>): ReportFinding => ({
  rule: 'r', orgUnit: 'stttt', period: '2022-05', left: 168, right: 166, severity: 'error', message: 'm', ...extra,
});

test('a cell finding links to its entry cell, keeping the page\'s unit and period', () => {
  const link = linkOf({ kind: 'cell', indicator: 'hotline.received', indicatorName: 'Cuộc gọi', orgUnit: 'bcvt', period: '2022-05', categoryOptionCombo: 'default' }, '?org=stttt&period=2022-05', (s) => s);
  assert.equal(link.to, '/nhap-so-lieu?org=stttt&period=2022-05&focus=hotline.received%7C');
  assert.equal(link.label, 'Ô số liệu “Cuộc gọi”');
  assert.equal(cellOf('dvc.dossiers', 'channel=online'), 'dvc.dossiers|channel=online');
});

test('an item finding links to its item in Nội dung', () => {
  const link = linkOf({ kind: 'item', id: 'it-1', section: 'i.1' }, '?org=stttt&period=2022-05', (s) => `I.${s}`);
  assert.equal(link.to, '/noi-dung?org=stttt&period=2022-05&tab=items&section=i.1&item=it-1');
  assert.equal(link.label, 'Nội dung ở mục I.i.1');
});

test('a division sees the findings of its cells and of the sections it writes', () => {
  const cell = finding({ targets: [{ kind: 'cell', indicator: 'x', orgUnit: 'bcvt', period: '2022-05' }] });
  const item = finding({ targets: [{ kind: 'item', id: 'a', section: 'ii.2' }] });
  const other = finding({ targets: [{ kind: 'cell', indicator: 'y', orgUnit: 'vp', period: '2022-05' }] });
  assert.deepEqual([cell, item, other].map((f) => concernsPart(f, 'bcvt', new Set(['ii.2']))), [true, true, false]);
  assert.deepEqual(targetsOf(finding({ indicators: ['q'] })), [{ kind: 'cell', indicator: 'q', orgUnit: 'stttt', period: '2022-05' }]);
});
