// `npm run bench` (or `node --import tsx bench/legacy-import.ts [--mb 5]`): imports
// generated reports of three shapes through the whole `baocao report import` path
// (read the file, parse, check, lay out, save in a SQLite transaction, render the saved
// report and compare it with the file) and prints the time of each, at 1 MB and at the
// full size, so a time that grows faster than the length shows as a ratio above 5:
//   - one long paragraph (the issue measured 400 KB of it at 55 s);
//   - many short lines without blank lines between them (5 MB did not finish in 300 s);
//   - many tables.
// The inputs are made here, never stored. Figures and the machine go in docs/benchmarks.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importLegacyReport } from '../src/app/legacy-import/import-legacy-report.ts';
import { importMetadata } from '../src/app/metadata/import-metadata.ts';
import type { Store } from '../src/app/ports.ts';
import { readLegacyFile } from '../src/exchange/legacy-report/read-legacy-file.ts';
import { openStore } from '../src/storage/open-store.ts';

const { values: options } = parseArgs({ options: { mb: { type: 'string', default: '5' }, shape: { type: 'string' }, write: { type: 'string' } } });
const MB = Number(options.mb);
/** The goal for a 5 MB file of each shape (issue 13). */
const GOAL_MS = 5_000;

const HEADER = [
  'UBND TỈNH TRÀ VINH', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Số: 12/BC-STTTT', 'Trà Vinh, ngày 15 tháng 4 năm 2022', '',
  'BÁO CÁO', 'Kết quả công tác tháng 4 năm 2022 và kế hoạch công tác tháng 5 năm 2022', '',
].join('\n');
const FOOTER = [
  '', 'Trên đây là kết quả công tác tháng 4 năm 2022 của Sở Thông tin và Truyền thông Trà Vinh./.', '',
  'Nơi nhận:', '- UBND tỉnh;', '- Lưu: VT.', '', 'GIÁM ĐỐC', '', 'Nguyễn Văn An', '',
].join('\n');

/** A deterministic stream of numbers, so every run parses the same text. */
function numbers(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
}

/** One sentence of the kind reports are made of: figures, a breakdown, a share, a citation. */
function sentence(next: () => number, i: number): string {
  const total = 1000 + (next() % 9000);
  const online = next() % total;
  const share = ((online / total) * 100).toFixed(2).replace('.', ',');
  const kinds = [
    `Tiếp nhận ${total.toLocaleString('vi-VN')} hồ sơ (${(total - online).toLocaleString('vi-VN')} trực tiếp, ${online.toLocaleString('vi-VN')} trực tuyến), tỷ lệ ${share}%`,
    `Thực hiện Quyết định số ${100 + (i % 900)}/QĐ-UBND ngày ${1 + (i % 28)}/${1 + (i % 12)}/2022 về việc triển khai nhiệm vụ số ${i}`,
    `Tổ chức ${1 + (next() % 20)} hội nghị tập huấn cho ${total} lượt cán bộ tại ${1 + (next() % 100)} điểm cầu`,
    `Theo Kế hoạch ${10 + (i % 90)}/KH-STTTT ngày 15 tháng ${1 + (i % 12)} năm 2022, hoàn thành hạng mục thứ ${i} đạt ${share}%`,
  ];
  return kinds[i % kinds.length] ?? '';
}

function sizedBody(bytes: number, piece: (i: number) => string, join: string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const p = piece(i);
    parts.push(p);
    size += Buffer.byteLength(p) + join.length;
  }
  return parts.join(join);
}

const SHAPES: Record<string, (bytes: number) => string> = {
  'một đoạn dài': (bytes) => {
    const next = numbers(7);
    return `${HEADER}I. KẾT QUẢ\n\n${sizedBody(bytes, (i) => sentence(next, i), '; ')}.\n${FOOTER}`;
  },
  'nhiều dòng ngắn': (bytes) => {
    const next = numbers(11);
    const line = (i: number): string => (i % 40 === 0 ? `${Math.floor(i / 40) + 1}. Lĩnh vực số ${Math.floor(i / 40) + 1}` : `- ${sentence(next, i)}.`);
    return `${HEADER}I. KẾT QUẢ\n${sizedBody(bytes, line, '\n')}\n${FOOTER}`;
  },
  'nhiều bảng': (bytes) => {
    const next = numbers(13);
    const table = (i: number): string => [
      `${i + 1}. Bảng số liệu ${i + 1}`, '',
      '| STT | Chỉ tiêu | Đơn vị tính | Kỳ này | Cùng kỳ |', '|---|---|---|---|---|',
      ...Array.from({ length: 8 }, (_, r) => `| ${r + 1} | Chỉ tiêu ${i}.${r} về hồ sơ trực tuyến | hồ sơ | ${(next() % 90000).toLocaleString('vi-VN')} | ${(next() % 90000).toLocaleString('vi-VN')} |`),
      '',
    ].join('\n');
    return `${HEADER}I. KẾT QUẢ\n\n${sizedBody(bytes, table, '\n')}\n${FOOTER}`;
  },
};

async function freshStore(dir: string, name: string): Promise<Store> {
  const store = await openStore({ url: `sqlite:${path.join(dir, `${name}.db`)}` });
  const summary = await importMetadata({
    store, actor: 'bench',
    metadata: {
      orgUnits: [
        { code: 'travinh', name: 'Tỉnh Trà Vinh', parentCode: null, kind: 'province' },
        { code: 'stttt-travinh', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', parentCode: 'travinh', kind: 'department' },
      ],
      disaggregations: [], indicators: [], validationRules: [],
    },
  });
  if (summary.status !== 'SUCCESS') throw new Error(JSON.stringify(summary.problems));
  return store;
}

async function run(dir: string, shape: string, text: string): Promise<{ ms: number; cpuMs: number; paragraphs: number; missing: number; status: string }> {
  const store = await freshStore(dir, `${shape.replace(/\s+/g, '-')}-${text.length}`);
  try {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const file = readLegacyFile(new TextEncoder().encode(text), 'bao-cao.md');
    const result = await importLegacyReport({ store, paragraphs: file.paragraphs, fileName: 'bao-cao.md', dryRun: false, actor: 'bench' });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (result.status === 'ERROR') throw new Error(`${shape}: ${JSON.stringify(result.findings.filter((f) => f.severity === 'error').slice(0, 3))}`);
    return { ms, cpuMs: (used.user + used.system) / 1000, paragraphs: file.paragraphs.length, missing: result.loss?.missing.length ?? -1, status: result.status };
  } finally {
    await store.close();
  }
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

if (options.write) {
  // Writes the inputs instead of importing them, to profile one stage at a time.
  for (const [shape, make] of Object.entries(SHAPES)) writeFileSync(path.join(options.write, `${shape.replace(/\s+/g, '-')}.md`), make(MB * 1024 * 1024));
  process.exit(0);
}
console.log(`Nhập báo cáo cũ: ${cpus()[0]?.model ?? '?'} (${cpus().length} nhân), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`);
const dir = mkdtempSync(path.join(tmpdir(), 'baocao-bench-legacy-'));
let failed = false;
try {
  for (const [shape, make] of Object.entries(SHAPES).filter(([name]) => !options.shape || name === options.shape)) {
    const small = make(1024 * 1024);
    const big = make(MB * 1024 * 1024);
    const a = await run(dir, shape, small);
    const b = await run(dir, shape, big);
    const ratio = b.ms / a.ms;
    const ok = MB < 5 || b.ms < GOAL_MS;
    failed ||= !ok;
    console.log(`  ${shape.padEnd(16)} 1 MB: ${fmt(a.ms)}   ${MB} MB: ${fmt(b.ms)} (CPU ${fmt(b.cpuMs)}; ${b.paragraphs} đoạn, thiếu ${b.missing})   tỷ lệ ${ratio.toFixed(1).replace('.', ',')}× ${ok ? '' : `— VƯỢT ${GOAL_MS / 1000} s`}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
