// Which serif font the PDF embeds. Times New Roman is what the decree names; where
// it is not installed, Liberation Serif has the same metrics so the layout holds;
// the last resort is DejaVu Serif shipped in node_modules, which carries every
// Vietnamese letter, so a PDF is never produced with missing glyphs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontFileCovers } from './font-coverage.ts';

/** Every letter of Vietnamese with its diacritics, lower and upper case. */
export const VIETNAMESE_ALPHABET =
  'aáàảãạăắằẳẵặâấầẩẫậbcdđeéèẻẽẹêếềểễệghiíìỉĩịklmnoóòỏõọôốồổỗộơớờởỡợpqrstuúùủũụưứừửữựvxyýỳỷỹỵ';
const VIETNAMESE_TEXT = VIETNAMESE_ALPHABET + VIETNAMESE_ALPHABET.toLocaleUpperCase('vi') + '0123456789.,;:()/-%';

export type SerifFamily = 'Times New Roman' | 'Liberation Serif' | 'DejaVu Serif';

export interface SerifFontFiles {
  readonly normal: string;
  readonly bold: string;
  readonly italics: string;
  readonly bolditalics: string;
}

export interface ResolvedSerifFont {
  readonly family: SerifFamily;
  readonly files: SerifFontFiles;
}

export const SYSTEM_FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];

type Candidate = { readonly family: SerifFamily; readonly names: Record<keyof SerifFontFiles, readonly string[]> };

// File names as the usual packages install them: msttcorefonts (Times_New_Roman*.ttf),
// a Windows copy (times*.ttf), fonts-liberation (LiberationSerif-*.ttf).
const SYSTEM_CANDIDATES: readonly Candidate[] = [
  {
    family: 'Times New Roman',
    names: {
      normal: ['Times_New_Roman.ttf', 'times.ttf', 'Times New Roman.ttf'],
      bold: ['Times_New_Roman_Bold.ttf', 'timesbd.ttf', 'Times New Roman Bold.ttf'],
      italics: ['Times_New_Roman_Italic.ttf', 'timesi.ttf', 'Times New Roman Italic.ttf'],
      bolditalics: ['Times_New_Roman_Bold_Italic.ttf', 'timesbi.ttf', 'Times New Roman Bold Italic.ttf'],
    },
  },
  {
    family: 'Liberation Serif',
    names: {
      normal: ['LiberationSerif-Regular.ttf'],
      bold: ['LiberationSerif-Bold.ttf'],
      italics: ['LiberationSerif-Italic.ttf'],
      bolditalics: ['LiberationSerif-BoldItalic.ttf'],
    },
  },
];

/** Every font file under `dirs`, keyed by lower-case file name (one name may sit in several folders). */
export function listFontFiles(dirs: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (dir: string, depth: number): void => {
    if (depth > 6) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // an unreadable or missing directory simply holds no fonts
    }
    for (const name of names.sort()) {
      const full = path.join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(full, depth + 1);
      else if (/\.(ttf|otf)$/i.test(name)) found.set(name.toLowerCase(), [...(found.get(name.toLowerCase()) ?? []), full]);
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return found;
}

/** The bundled DejaVu Serif of the `dejavu-fonts-ttf` package. */
export function bundledDejaVuSerif(): ResolvedSerifFont {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    family: 'DejaVu Serif',
    files: {
      normal: path.join(dir, 'DejaVuSerif.ttf'),
      bold: path.join(dir, 'DejaVuSerif-Bold.ttf'),
      italics: path.join(dir, 'DejaVuSerif-Italic.ttf'),
      bolditalics: path.join(dir, 'DejaVuSerif-BoldItalic.ttf'),
    },
  };
}

/**
 * Picks the first family whose four styles are all among `files` in a version that
 * `isUsable` accepts (by default: carries every Vietnamese letter), else `fallback`.
 */
export function chooseSerifFont(
  files: ReadonlyMap<string, readonly string[]>,
  fallback: ResolvedSerifFont,
  isUsable: (file: string) => boolean = (file) => fontFileCovers(file, VIETNAMESE_TEXT),
): ResolvedSerifFont {
  for (const candidate of SYSTEM_CANDIDATES) {
    const pick = (style: keyof SerifFontFiles): string | undefined =>
      candidate.names[style].flatMap((n) => files.get(n.toLowerCase()) ?? []).find(isUsable);
    const normal = pick('normal');
    const bold = pick('bold');
    const italics = pick('italics');
    const bolditalics = pick('bolditalics');
    if (normal && bold && italics && bolditalics) return { family: candidate.family, files: { normal, bold, italics, bolditalics } };
  }
  return fallback;
}

let cached: ResolvedSerifFont | undefined;

/** The font the PDF renderer uses on this machine (looked up once per process). */
export function resolveSerifFont(dirs: readonly string[] = SYSTEM_FONT_DIRS): ResolvedSerifFont {
  if (dirs === SYSTEM_FONT_DIRS && cached) return cached;
  const resolved = chooseSerifFont(listFontFiles(dirs.filter((d) => existsSync(d))), bundledDejaVuSerif());
  if (dirs === SYSTEM_FONT_DIRS) cached = resolved;
  return resolved;
}
