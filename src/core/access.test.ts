import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, canReadReport, canWriteReportEntry, grantsNotCovered, readableRoots } from './access.ts';
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

describe('canReadReport: read scope over the report\'s unit, or owning a section of that very report', () => {
  // The department's report has sections owned by its two divisions; the province's
  // report has one section owned by the department (so no division owns any of it).
  const deptReport = { path: DEPT, sectionOwnerPaths: [DEPT, BCVT, THANHTRA] };
  const provinceReport = { path: PROVINCE, sectionOwnerPaths: [PROVINCE, DEPT] };
  const otherDeptReport = { path: OTHER_DEPT, sectionOwnerPaths: [OTHER_DEPT] };
  // A template whose owners do not sit under the report's unit (the department's
  // template reused by another department): owning such a section gives nothing.
  const borrowedTemplate = { path: OTHER_DEPT, sectionOwnerPaths: [OTHER_DEPT, BCVT] };
  const cases: [string, Grant[], { path: string; sectionOwnerPaths: string[] }, boolean][] = [
    ['a division reads its own department\'s report', [grant('reporter', BCVT)], deptReport, true],
    ['a division does not read the province\'s report', [grant('reporter', BCVT)], provinceReport, false],
    ['a division does not read another department\'s report', [grant('reporter', BCVT)], otherDeptReport, false],
    ['a section of a borrowed template gives no read', [grant('reporter', BCVT)], borrowedTemplate, false],
    ['a viewer of a division reads its department\'s report', [grant('viewer', BCVT)], deptReport, true],
    ['a viewer of a division does not read the province\'s', [grant('viewer', BCVT)], provinceReport, false],
    ['the office reads its department\'s report', [grant('compiler', DEPT)], deptReport, true],
    ['the office does not read the province\'s report where it owns no section', [grant('compiler', DEPT)], { path: PROVINCE, sectionOwnerPaths: [PROVINCE] }, false],
    ['the department owning a section of the province\'s report reads it', [grant('compiler', DEPT)], provinceReport, true],
    ['a province viewer reads every report under it', [grant('viewer', PROVINCE)], otherDeptReport, true],
    ['no grants, nothing', [], deptReport, false],
  ];
  for (const [name, grants, report, expected] of cases) {
    test(name, () => assert.equal(canReadReport(grants, report), expected));
  }
});

describe('canWriteReportEntry: write scope over the section\'s owner, and the owner under the report\'s unit', () => {
  const cases: [string, Grant[], string, string | null, boolean][] = [
    ['a reporter writes its division\'s section of the department\'s report', [grant('reporter', BCVT)], DEPT, BCVT, true],
    ['a reporter does not write a sibling division\'s section', [grant('reporter', BCVT)], DEPT, THANHTRA, false],
    ['a reporter does not write a section owned by the department', [grant('reporter', BCVT)], DEPT, DEPT, false],
    ['a reporter does not write its section in another department\'s report', [grant('reporter', BCVT)], OTHER_DEPT, BCVT, false],
    ['a division writes a section the province\'s template gives it (it sits under the province)', [grant('reporter', BCVT)], PROVINCE, BCVT, true],
    ['... but nothing else of the province\'s report', [grant('reporter', BCVT)], PROVINCE, DEPT, false],
    ['the office writes every section of its report', [grant('compiler', DEPT)], DEPT, BCVT, true],
    ['the office does not write its section of another department\'s report', [grant('compiler', DEPT)], OTHER_DEPT, DEPT, false],
    ['an entry without an owner belongs to the report\'s unit', [grant('compiler', DEPT)], DEPT, null, true],
    ['... which a reporter does not write', [grant('reporter', BCVT)], DEPT, null, false],
    ['a viewer writes nothing', [grant('viewer', PROVINCE)], DEPT, BCVT, false],
    ['the other department\'s office writes its own report whatever the template says', [grant('compiler', OTHER_DEPT)], OTHER_DEPT, BCVT, true],
  ];
  for (const [name, grants, reportPath, ownerPath, expected] of cases) {
    test(name, () => assert.equal(canWriteReportEntry(grants, reportPath, ownerPath), expected));
  }
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
