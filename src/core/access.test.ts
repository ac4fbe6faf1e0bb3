import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, canReadReport, grantsNotCovered, readableRoots } from './access.ts';
import type { Action, Grant } from './access.ts';

// The demo department: province / department / two divisions.
const PROVINCE = '/tinh';
const DEPT = '/tinh/stttt';
const BCVT = '/tinh/stttt/bcvt';
const THANHTRA = '/tinh/stttt/thanhtra';
const OTHER_DEPT = '/tinh/syt';

const grant = (role: Grant['role'], path: string): Grant => ({ role, orgUnit: path.split('/').pop() ?? '', path });

describe('can', () => {
  const cases: [string, Grant[], Action, string, boolean][] = [
    ['a reporter writes values of its division', [grant('reporter', BCVT)], 'write_values', BCVT, true],
    ['a reporter does not write a sibling division', [grant('reporter', BCVT)], 'write_values', THANHTRA, false],
    ['a reporter does not write its department', [grant('reporter', BCVT)], 'write_values', DEPT, false],
    ['a reporter cannot compile', [grant('reporter', BCVT)], 'compile', BCVT, false],
    ['the office compiles the department', [grant('compiler', DEPT)], 'compile', DEPT, true],
    ['the office returns a division part under it', [grant('compiler', DEPT)], 'return_part', THANHTRA, true],
    ['the office cannot approve', [grant('compiler', DEPT)], 'approve', DEPT, false],
    ['the leader approves and issues', [grant('approver', DEPT)], 'issue', DEPT, true],
    ['the leader does not write values', [grant('approver', DEPT)], 'write_values', DEPT, false],
    ['a province viewer reads any department', [grant('viewer', PROVINCE)], 'read', OTHER_DEPT, true],
    ['a province viewer writes nothing', [grant('viewer', PROVINCE)], 'write_items', DEPT, false],
    ['only an admin reopens', [grant('approver', DEPT)], 'reopen', DEPT, false],
    ['an admin reopens inside its subtree', [grant('admin', DEPT)], 'reopen', DEPT, true],
    ['an admin of a department is not admin of another', [grant('admin', DEPT)], 'read', OTHER_DEPT, false],
    ['a path prefix that is not a segment is outside', [grant('reporter', '/tinh/stt')], 'read', DEPT, false],
    ['no grants, nothing', [], 'read', DEPT, false],
    ['two grants combine', [grant('viewer', PROVINCE), grant('reporter', BCVT)], 'write_values', BCVT, true],
  ];
  for (const [name, grants, action, path, expected] of cases) {
    test(name, () => assert.equal(can(grants, action, path), expected));
  }
});

test('a division reporter reads the report its part belongs to, not a sibling department', () => {
  const grants = [grant('reporter', BCVT)];
  assert.equal(canReadReport(grants, DEPT), true);
  assert.equal(canReadReport(grants, OTHER_DEPT), false);
  assert.equal(canReadReport(grants, THANHTRA), false);
});

test('readable roots drop grants nested in another', () => {
  assert.deepEqual(readableRoots([grant('reporter', BCVT), grant('viewer', DEPT), grant('viewer', OTHER_DEPT)]), [DEPT, OTHER_DEPT]);
});

test('a token cannot hold more than its owner', () => {
  const owner = [grant('reporter', BCVT)];
  assert.deepEqual(grantsNotCovered(owner, [grant('reporter', BCVT)]), []);
  assert.deepEqual(grantsNotCovered(owner, [grant('reporter', DEPT)]).map((g) => g.path), [DEPT]);
  assert.deepEqual(grantsNotCovered(owner, [grant('approver', BCVT)]).map((g) => g.role), ['approver']);
  assert.deepEqual(grantsNotCovered([grant('admin', PROVINCE)], [grant('approver', DEPT)]), []);
});
