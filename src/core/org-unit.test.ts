import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OrgTree } from './org-unit.ts';
import type { OrgUnit, OrgUnitInput } from './org-unit.ts';

// A small slice of the Mekong delta before and after the 2025 merger: Trà Vinh and
// Bến Tre closed on 2025-07-01 and were taken over by Vĩnh Long.
const units: OrgUnitInput[] = [
  { code: 'vn', name: 'Việt Nam', parentCode: null, kind: 'country' },
  { code: 'travinh', name: 'Tỉnh Trà Vinh', parentCode: 'vn', kind: 'province', closingDate: '2025-07-01', successorCode: 'vinhlong' },
  { code: 'stttt', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', parentCode: 'travinh', kind: 'department', closingDate: '2025-03-01', successorCode: 'skhcn' },
  { code: 'skhcn', name: 'Sở Khoa học và Công nghệ', parentCode: 'travinh', kind: 'department', openingDate: '2025-03-01', closingDate: '2025-07-01', successorCode: 'vl.skhcn' },
  { code: 'ttcntt', name: 'Trung tâm CNTT-TT', parentCode: 'stttt', kind: 'centre', closingDate: '2025-03-01' },
  { code: 'bentre', name: 'Tỉnh Bến Tre', parentCode: 'vn', kind: 'province', closingDate: '2025-07-01', successorCode: 'vinhlong' },
  { code: 'vinhlong', name: 'Tỉnh Vĩnh Long', parentCode: 'vn', kind: 'province' },
  { code: 'vl.skhcn', name: 'Sở Khoa học và Công nghệ Vĩnh Long', parentCode: 'vinhlong', kind: 'department', openingDate: '2025-07-01' },
];
const codes = (list: readonly OrgUnit[]) => list.map((unit) => unit.code);

describe('OrgTree.build on a sound list', () => {
  const { tree, problems } = OrgTree.build(units);

  it('reports no problem and keeps every unit, closed ones included', () => {
    assert.deepEqual(problems, []);
    assert.equal(tree.all().length, units.length);
    assert.ok(tree.has('travinh'));
    assert.equal(tree.get('stttt')?.shortName, 'Sở TT&TT');
  });

  const placed: [string, number, string][] = [
    ['vn', 1, '/vn'],
    ['travinh', 2, '/vn/travinh'],
    ['stttt', 3, '/vn/travinh/stttt'],
    ['ttcntt', 4, '/vn/travinh/stttt/ttcntt'],
    ['vl.skhcn', 3, '/vn/vinhlong/vl.skhcn'],
  ];
  for (const [code, level, path] of placed) {
    it(`${code} is at level ${level}, path ${path}`, () => {
      assert.equal(tree.get(code)?.level, level);
      assert.equal(tree.get(code)?.path, path);
    });
  }

  it('lists roots, children in input order, and ancestors root first', () => {
    assert.deepEqual(codes(tree.roots()), ['vn']);
    assert.deepEqual(codes(tree.children('vn')), ['travinh', 'bentre', 'vinhlong']);
    assert.deepEqual(codes(tree.children('ttcntt')), []);
    assert.deepEqual(codes(tree.ancestors('ttcntt')), ['vn', 'travinh', 'stttt']);
    assert.deepEqual(codes(tree.ancestors('vn')), []);
    assert.deepEqual(codes(tree.ancestors('nowhere')), []);
  });

  it('subtree holds closed units unless asked for those open at a date', () => {
    assert.deepEqual(codes(tree.subtree('travinh')), ['travinh', 'stttt', 'ttcntt', 'skhcn']);
    assert.deepEqual(codes(tree.subtree('travinh', { openAt: '2022-04-14' })), ['travinh', 'stttt', 'ttcntt']);
    assert.deepEqual(codes(tree.subtree('travinh', { openAt: '2025-03-01' })), ['travinh', 'skhcn']);
    assert.deepEqual(codes(tree.subtree('travinh', { openAt: '2025-07-01' })), []);
    assert.deepEqual(codes(tree.subtree('vn', { openAt: '2025-07-01' })), ['vn', 'vinhlong', 'vl.skhcn']);
    assert.deepEqual(codes(tree.subtree('nowhere')), []);
  });

  const within: [string, string, boolean][] = [
    ['ttcntt', 'travinh', true],
    ['ttcntt', 'ttcntt', true],
    ['ttcntt', 'vn', true],
    ['travinh', 'ttcntt', false],
    ['vl.skhcn', 'travinh', false],
    ['ttcntt', 'nowhere', false],
  ];
  for (const [code, ancestor, expected] of within) {
    it(`${code} ${expected ? 'is' : 'is not'} within ${ancestor}`, () => assert.equal(tree.isWithin(code, ancestor), expected));
  }

  const open: [string, string, boolean][] = [
    ['travinh', '2022-04-14', true],
    ['travinh', '2025-06-30', true],
    ['travinh', '2025-07-01', false],
    ['vl.skhcn', '2025-06-30', false],
    ['vl.skhcn', '2025-07-01', true],
    ['vinhlong', '1990-01-01', true],
    ['nowhere', '2022-01-01', false],
  ];
  for (const [code, date, expected] of open) {
    it(`${code} is ${expected ? 'open' : 'not open'} on ${date}`, () => assert.equal(tree.isOpenAt(code, date), expected));
  }

  const successors: [string, string, string | undefined][] = [
    ['travinh', '2022-04-15', 'travinh'],
    ['travinh', '2025-07-01', 'vinhlong'],
    ['bentre', '2026-01-01', 'vinhlong'],
    ['stttt', '2025-03-01', 'skhcn'],
    ['stttt', '2025-07-01', 'vl.skhcn'],
    ['ttcntt', '2025-07-01', undefined],
    ['vl.skhcn', '2024-01-01', undefined],
    ['nowhere', '2025-07-01', undefined],
  ];
  for (const [code, at, expected] of successors) {
    it(`the data of ${code} is held on ${at} by ${expected ?? 'nobody'}`, () => assert.equal(tree.currentSuccessor(code, at)?.code, expected));
  }
});

describe('OrgTree.build on a broken list', () => {
  it('keeps the first of duplicate codes', () => {
    const { tree, problems } = OrgTree.build([...units, { code: 'travinh', name: 'Bản sau', parentCode: null }]);
    assert.deepEqual(problems.map((p) => [p.code, p.problem]), [['travinh', 'duplicate_code']]);
    assert.match(problems[0]?.message ?? '', /Mã đơn vị "travinh" bị trùng/);
    assert.equal(tree.get('travinh')?.name, 'Tỉnh Trà Vinh');
    assert.equal(tree.all().length, units.length);
  });

  it('places a unit with an unknown parent as a root, with its children', () => {
    const { tree, problems } = OrgTree.build([
      { code: 'a', name: 'A', parentCode: 'ghost' },
      { code: 'b', name: 'B', parentCode: 'a' },
    ]);
    assert.deepEqual(problems.map((p) => [p.code, p.problem]), [['a', 'unknown_parent']]);
    assert.match(problems[0]?.message ?? '', /"ghost" không tồn tại/);
    assert.equal(tree.get('a')?.parentCode, null);
    assert.equal(tree.get('b')?.path, '/a/b');
    assert.equal(tree.get('b')?.level, 2);
  });

  it('reports every unit on a cycle and cuts it so the tree stays a tree', () => {
    const { tree, problems } = OrgTree.build([
      { code: 'root', name: 'Gốc', parentCode: null },
      { code: 'x', name: 'X', parentCode: 'y' },
      { code: 'y', name: 'Y', parentCode: 'z' },
      { code: 'z', name: 'Z', parentCode: 'x' },
      { code: 'leaf', name: 'Lá', parentCode: 'z' },
      { code: 'self', name: 'Tự trỏ', parentCode: 'self' },
    ]);
    assert.deepEqual(problems.map((p) => p.code).sort(), ['self', 'x', 'y', 'z']);
    assert.ok(problems.every((p) => p.problem === 'cycle'));
    assert.match(problems[0]?.message ?? '', /vòng lặp cấp trên \(x → y → z → x\)/);
    assert.equal(tree.all().length, 6);
    assert.equal(tree.get('leaf')?.path, '/z/leaf');
    for (const unit of tree.all()) assert.equal(unit.level, unit.path.split('/').length - 1);
  });

  it('reports an unknown successor and keeps the unit', () => {
    const { tree, problems } = OrgTree.build([
      { code: 'old', name: 'Cũ', parentCode: null, closingDate: '2025-07-01', successorCode: 'ghost' },
    ]);
    assert.deepEqual(problems.map((p) => [p.code, p.problem]), [['old', 'unknown_successor']]);
    assert.ok(tree.has('old'));
    assert.equal(tree.currentSuccessor('old', '2025-07-01'), undefined);
    assert.equal(tree.currentSuccessor('old', '2025-06-30')?.code, 'old');
  });

  it('does not loop on a successor cycle', () => {
    const { tree } = OrgTree.build([
      { code: 'a', name: 'A', parentCode: null, closingDate: '2020-01-01', successorCode: 'b' },
      { code: 'b', name: 'B', parentCode: null, closingDate: '2020-01-01', successorCode: 'a' },
    ]);
    assert.equal(tree.currentSuccessor('a', '2021-01-01'), undefined);
  });
});
