import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Grant } from '../../../src/core/access.ts';
import type { ReportStatus } from '../../../src/core/workflow.ts';
import { offeredActions } from './workflow-buttons.ts';

const dept = '/tv/stttt';
const paths: Record<string, string> = { 'stttt-bcvt': '/tv/stttt/stttt-bcvt', 'stttt-ttra': '/tv/stttt/stttt-ttra' };
const parts = [
  { division: 'stttt-bcvt', status: 'draft' as const, submittedAt: null, reason: null },
  { division: 'stttt-ttra', status: 'submitted' as const, submittedAt: '2022-04-14T00:00:00Z', reason: null },
];
const grant = (role: Grant['role'], orgUnit: string, path: string): Grant => ({ role, orgUnit, path });

test('each role sees the buttons its role and the report state allow', () => {
  const cases: [string, Grant[], ReportStatus, string[]][] = [
    ['reporter of a draft division submits its part only', [grant('reporter', 'stttt-bcvt', paths['stttt-bcvt'] ?? '')], 'draft', ['submit:stttt-bcvt']],
    ['reporter whose part is submitted sees nothing', [grant('reporter', 'stttt-ttra', paths['stttt-ttra'] ?? '')], 'draft', []],
    ['the office submits a missing part for its division and compiles', [grant('compiler', 'stttt', dept)], 'draft', ['submit:stttt-bcvt', 'compile']],
    ['the leader approves a compiled report or returns it', [grant('approver', 'stttt', dept)], 'compiled', ['return', 'approve']],
    ['the leader issues an approved report', [grant('approver', 'stttt', dept)], 'approved', ['return', 'issue']],
    ['only an admin reopens an issued report', [grant('approver', 'stttt', dept)], 'issued', []],
    ['admin reopens', [grant('admin', 'tv', '/tv')], 'issued', ['reopen']],
  ];
  for (const [name, grants, status, expected] of cases) {
    const got = offeredActions({ grants, status, reportPath: dept, parts, pathOf: (c) => paths[c] }).map((a) => (a.part ? `${a.action}:${a.part}` : a.action));
    assert.deepEqual(got, expected, name);
  }
});

test('compiling is offered but blocked while a part is missing, and open once all are in', () => {
  const office = [grant('compiler', 'stttt', dept)];
  const compileOf = (list: typeof parts) => offeredActions({ grants: office, status: 'draft', reportPath: dept, parts: list, pathOf: (c) => paths[c] }).find((a) => a.action === 'compile');
  assert.equal(compileOf(parts)?.blockedBy, 'Còn 1 phần chưa nộp');
  const allIn = parts.map((p) => ({ ...p, status: 'submitted' as const }));
  assert.equal(compileOf(allIn)?.blockedBy, undefined);
});
