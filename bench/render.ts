// `node --import tsx bench/render.ts [--runs N]`: render times of the April 2022 report
// (the demo loaded into a throwaway SQLite database, the model built once), the median
// of N warm runs per format. Targets (issue 4): Markdown < 20 ms, DOCX < 150 ms, PDF < 1 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport } from '../src/app/reports/build-report.ts';
import { loadDemo } from '../src/app/metadata/load-demo.ts';
import type { ReportModel } from '../src/core/report-model.ts';
import { loadDemo as readDemoFiles } from '../src/exchange/demo/load-demo.ts';
import { renderDocx, renderHtml, renderMarkdown, renderPdf, resolveSerifFont } from '../src/render/index.ts';
import { openStore } from '../src/storage/open-store.ts';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer, not ${options.runs}`);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(label: string, render: () => unknown): Promise<void> {
  await render(); // warm-up: module caches, font parsing, JIT
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await render();
    samples.push(performance.now() - start);
  }
  console.log(`${label.padEnd(10)} median ${median(samples).toFixed(1).padStart(7)} ms   (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)}, ${RUNS} runs)`);
}

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-bench-render-'));
try {
  const store = await openStore({ url: `sqlite:${path.join(dir, 'bench.db')}` });
  let model: ReportModel;
  const buildStart = performance.now();
  try {
    await loadDemo({ store, demo: readDemoFiles() });
    const loaded = performance.now();
    model = (await buildReport({ store, orgUnit: 'stttt-travinh', period: '2022-04' })).model;
    console.log(`demo load ${(loaded - buildStart).toFixed(1)} ms; build model (from the database) ${(performance.now() - loaded).toFixed(1)} ms`);
  } finally {
    await store.close();
  }
  const font = resolveSerifFont();
  console.log(`Render times, April 2022 report (PDF font: ${font.family})`);
  await time('Markdown', () => renderMarkdown(model));
  await time('HTML', () => renderHtml(model));
  await time('DOCX', () => renderDocx(model));
  await time('PDF', () => renderPdf(model, { font }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
