// Reads a report file (.md, .txt or .docx) into paragraphs, recognising the format by
// content: a ZIP is read as DOCX, UTF-8 text as Markdown. Every refusal is one
// LegacyImportError with a Vietnamese message; nothing else is thrown.
import type { SourceParagraph } from '../../core/legacy-report/legacy-report.ts';
import { LegacyImportError, LIMITS, megabytes } from './legacy-import-error.ts';
import type { ReaderLimits } from './legacy-import-error.ts';
import { readDocxParagraphs } from './read-docx.ts';
import { readMarkdownParagraphs } from './read-markdown.ts';
import { isZip } from './zip-entries.ts';

export interface LegacyFile {
  readonly format: 'docx' | 'markdown';
  readonly paragraphs: SourceParagraph[];
}

/** Signatures of files people upload by mistake, for a message that says what the file is. */
const KNOWN_BINARY: readonly { bytes: readonly number[]; name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'ảnh PNG' },
  { bytes: [0xff, 0xd8, 0xff], name: 'ảnh JPEG' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'tệp PDF' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'tệp Word 97-2003 (.doc)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'ảnh GIF' },
  { bytes: [0x1f, 0x8b], name: 'tệp nén gzip' },
];

export function readLegacyFile(bytes: Uint8Array, fileName: string, limits: ReaderLimits = LIMITS): LegacyFile {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw new LegacyImportError('empty_file', `Tệp "${fileName}" rỗng, không có nội dung để nhập.`);
  if (bytes.length > limits.maxFileBytes) {
    throw new LegacyImportError('file_too_large', `Tệp "${fileName}" có dung lượng ${megabytes(bytes.length)}, vượt giới hạn ${megabytes(limits.maxFileBytes)}.`);
  }
  const empty = (): LegacyImportError => new LegacyImportError('empty_file', `Tệp "${fileName}" không có nội dung chữ để nhập.`);
  if (isZip(bytes)) {
    const paragraphs = readDocxParagraphs(bytes, limits);
    if (paragraphs.length === 0) throw empty();
    return { format: 'docx', paragraphs };
  }
  const known = KNOWN_BINARY.find((k) => k.bytes.every((b, i) => bytes[i] === b));
  if (known) {
    throw new LegacyImportError('unsupported_type', `Tệp "${fileName}" là ${known.name}, không phải báo cáo Word (.docx) hay Markdown (.md).`);
  }
  if (extension === 'docx') {
    throw new LegacyImportError('corrupt_zip', `Tệp "${fileName}" có đuôi .docx nhưng không phải tệp DOCX (không có cấu trúc tệp nén của Word).`);
  }
  if (!['md', 'markdown', 'txt', ''].includes(extension)) {
    throw new LegacyImportError('unsupported_type', `Không nhập được tệp .${extension}: chỉ nhận báo cáo Word (.docx) hoặc Markdown (.md, .txt).`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LegacyImportError('invalid_utf8', `Tệp "${fileName}" không phải văn bản UTF-8 hợp lệ (có thể lưu bằng bảng mã cũ như TCVN3/VNI); hãy lưu lại với mã UTF-8.`);
  }
  if (text.includes('\u0000')) {
    throw new LegacyImportError('unsupported_type', `Tệp "${fileName}" chứa dữ liệu nhị phân, không phải văn bản Markdown.`);
  }
  const paragraphs = readMarkdownParagraphs(text);
  if (paragraphs.length === 0) throw empty();
  return { format: 'markdown', paragraphs };
}
