import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { missingGlyphs } from './font-coverage.ts';
import { VIETNAMESE_ALPHABET, bundledDejaVuSerif, chooseSerifFont, resolveSerifFont } from './fonts.ts';
import type { ResolvedSerifFont } from './fonts.ts';

const FALLBACK: ResolvedSerifFont = {
  family: 'DejaVu Serif',
  files: { normal: '/b/DejaVuSerif.ttf', bold: '/b/DejaVuSerif-Bold.ttf', italics: '/b/DejaVuSerif-Italic.ttf', bolditalics: '/b/DejaVuSerif-BoldItalic.ttf' },
};
const TIMES = ['/f/ms/Times_New_Roman.ttf', '/f/ms/Times_New_Roman_Bold.ttf', '/f/ms/Times_New_Roman_Italic.ttf', '/f/ms/Times_New_Roman_Bold_Italic.ttf'];
const TIMES_WINDOWS = ['/f/win/times.ttf', '/f/win/timesbd.ttf', '/f/win/timesi.ttf', '/f/win/timesbi.ttf'];
const LIBERATION_1 = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((s) => `/f/liberation/LiberationSerif-${s}.ttf`);
const LIBERATION_2 = LIBERATION_1.map((f) => f.replace('/liberation/', '/liberation2/'));

function index(paths: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of paths) {
    const name = (p.split('/').pop() ?? '').toLowerCase();
    map.set(name, [...(map.get(name) ?? []), p]);
  }
  return map;
}

describe('chooseSerifFont', () => {
  // Liberation 1.x lacks Vietnamese letters; everything else here carries them.
  const usable = (file: string): boolean => !file.includes('/liberation/');
  const cases: [string, string[], string, string][] = [
    ['prefers Times New Roman (msttcorefonts names)', [...LIBERATION_2, ...TIMES], 'Times New Roman', '/f/ms/Times_New_Roman_Bold.ttf'],
    ['finds Times New Roman under Windows file names', [...TIMES_WINDOWS, ...LIBERATION_2], 'Times New Roman', '/f/win/timesbd.ttf'],
    ['takes Liberation Serif 2 over 1.x of the same name', [...LIBERATION_1, ...LIBERATION_2], 'Liberation Serif', '/f/liberation2/LiberationSerif-Bold.ttf'],
    ['falls back to the bundled DejaVu Serif when only Liberation 1.x is there', LIBERATION_1, 'DejaVu Serif', '/b/DejaVuSerif-Bold.ttf'],
    ['falls back when a style is missing', TIMES.slice(0, 3), 'DejaVu Serif', '/b/DejaVuSerif-Bold.ttf'],
    ['falls back when no font is installed', [], 'DejaVu Serif', '/b/DejaVuSerif-Bold.ttf'],
  ];
  for (const [name, files, family, bold] of cases) {
    it(name, () => {
      const chosen = chooseSerifFont(index(files), FALLBACK, usable);
      assert.equal(chosen.family, family);
      assert.equal(chosen.files.bold, bold);
    });
  }
});

describe('font coverage', () => {
  const text = VIETNAMESE_ALPHABET + VIETNAMESE_ALPHABET.toLocaleUpperCase('vi');

  it('finds every Vietnamese letter in the bundled DejaVu Serif, all four styles', () => {
    for (const file of Object.values(bundledDejaVuSerif().files)) assert.deepEqual(missingGlyphs(readFileSync(file), text), [], file);
  });

  // fonts-liberation (1.x) is what .ci/run installs; on CI the test must not skip.
  const liberation1 = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';
  const skipLiberation1 = !existsSync(liberation1) && process.env['CI'] !== 'true' ? 'fonts-liberation is not installed (apt-get install fonts-liberation)' : false;
  it('finds the letters Liberation Serif 1.x lacks', { skip: skipLiberation1 }, () => {
    const missing = missingGlyphs(readFileSync('/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf'), text);
    if (missing.length === 0) return; // a distribution shipping 2.x in this folder is fine too
    assert.ok(missing.includes('ệ'), `missing: ${missing.join('')}`);
  });

  it('resolves, on this machine, a font that carries every Vietnamese letter', () => {
    const font = resolveSerifFont();
    for (const file of Object.values(font.files)) assert.deepEqual(missingGlyphs(readFileSync(file), text), [], `${font.family}: ${file}`);
  });
});
