import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileNameOf } from './content-disposition.ts';

test('a download is saved under the Vietnamese name when the server sends one', () => {
  const cases: [string, string | null, string | null][] = [
    ['both names: the UTF-8 one wins', `attachment; filename="so-lieu-stttt-travinh-2022-04.csv"; filename*=UTF-8''S%E1%BB%91%20li%E1%BB%87u%20stttt-travinh%202022-04.csv`, 'Số liệu stttt-travinh 2022-04.csv'],
    ['only the quoted ASCII name', 'attachment; filename="bieu-nhap.xlsx"', 'bieu-nhap.xlsx'],
    ['an unquoted name', 'attachment; filename=bieu-nhap.xlsx', 'bieu-nhap.xlsx'],
    ['a broken escape falls back to the ASCII name', `attachment; filename="a.csv"; filename*=UTF-8''%E1%ZZ.csv`, 'a.csv'],
    ['no name at all', 'attachment', null],
    ['no header', null, null],
  ];
  for (const [what, header, expected] of cases) assert.equal(fileNameOf(header), expected, what);
});
