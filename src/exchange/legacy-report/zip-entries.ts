// Reads chosen entries of a ZIP file with hard limits, for DOCX import. The central
// directory is read by hand so the entry count is known before anything is inflated,
// and inflation goes through fflate's streaming Inflate in small steps, so a ZIP bomb
// (a tiny entry that inflates to gigabytes, or a header that lies about its size) is
// stopped at the limit instead of filling the memory.
import { Inflate } from 'fflate';
import { LegacyImportError, megabytes } from './legacy-import-error.ts';
import type { ReaderLimits } from './legacy-import-error.ts';

interface CentralEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STEP = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Inflates the entries whose names are asked for; absent names are missing from the result. */
export function readZipEntries(bytes: Uint8Array, wanted: readonly string[], limits: ReaderLimits, kind = 'DOCX'): Map<string, Uint8Array> {
  const entries = centralDirectory(bytes, limits, kind);
  const out = new Map<string, Uint8Array>();
  let budget = limits.maxInflatedBytes;
  for (const entry of entries) {
    if (!wanted.includes(entry.name) || out.has(entry.name)) continue;
    const data = inflateEntry(bytes, entry, budget, limits.maxInflatedBytes, kind);
    budget -= data.length;
    out.set(entry.name, data);
  }
  return out;
}

function corrupt(detail: string, kind = 'DOCX'): LegacyImportError {
  const app = kind === 'XLSX' ? 'Excel' : 'Word';
  return new LegacyImportError('corrupt_zip', `Tệp ${kind} bị hỏng (${detail}); hãy mở bằng ${app}, lưu lại rồi nhập lại.`);
}

/**
 * Inflates every entry within the limits and discards the result: a guard run before
 * handing a ZIP (an XLSX form) to a library that would inflate it all in memory.
 */
export function assertZipWithinLimits(bytes: Uint8Array, limits: ReaderLimits, kind: string): void {
  const names = centralDirectory(bytes, limits, kind).map((entry) => entry.name);
  readZipEntries(bytes, names, limits, kind);
}

function centralDirectory(bytes: Uint8Array, limits: ReaderLimits, kind: string): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 + 65535 bytes (its comment is at most 64 KB).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i -= 1) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('không tìm thấy mục lục của tệp nén', kind);
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count > limits.maxZipEntries) {
    throw new LegacyImportError('too_many_entries', `Tệp nén có ${count} phần, vượt giới hạn ${limits.maxZipEntries}; đây không phải tệp ${kind} thông thường.`);
  }
  if (offset + size > bytes.length) throw corrupt('mục lục trỏ ra ngoài tệp', kind);
  const entries: CentralEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw corrupt('mục lục sai cấu trúc', kind);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > bytes.length) throw corrupt('tên phần bị cắt', kind);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateEntry(bytes: Uint8Array, entry: CentralEntry, budget: number, limit: number, kind: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw corrupt(`phần ${entry.name} sai vị trí`, kind);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`phần ${entry.name} bị cắt cụt`, kind);
  const raw = bytes.subarray(start, end);
  const tooLarge = (): LegacyImportError => new LegacyImportError(
    'inflated_too_large',
    `Nội dung giải nén của tệp vượt giới hạn ${megabytes(limit)} (có thể là "bom nén"); không nhập.`,
  );
  if (entry.method === 0) {
    if (raw.length > budget) throw tooLarge();
    return raw.slice();
  }
  if (entry.method !== 8) throw corrupt(`phần ${entry.name} dùng kiểu nén không hỗ trợ`, kind);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= budget) chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < raw.length && !finished; offset += STEP) {
      inflate.push(raw.subarray(offset, Math.min(raw.length, offset + STEP)), offset + STEP >= raw.length);
      if (total > budget) throw tooLarge();
    }
  } catch (error) {
    if (error instanceof LegacyImportError) throw error;
    throw corrupt(`không giải nén được phần ${entry.name}`, kind);
  }
  if (!finished) throw corrupt(`phần ${entry.name} không trọn vẹn`, kind);
  const out = new Uint8Array(total);
  let position = 0;
  for (const chunk of chunks) {
    out.set(chunk, position);
    position += chunk.length;
  }
  return out;
}
