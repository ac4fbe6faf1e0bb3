// Renders a stored report in one format, with a file name a clerk recognises:
// "Bao-cao-thang-4-2022-stttt-travinh.docx". The name is ASCII (no diacritics) so it
// survives e-mail clients, zip tools and HTTP Content-Disposition without encoding.
import { formatPeriod } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import { buildReport, parseReportPeriod } from './build-report.ts';
import { decodeKeptRender, keepsFormat, keptRenderKey } from './kept-render.ts';
import type { Store } from '../ports.ts';
import type { ReportFormat, ReportRenderers } from './report-ports.ts';

export interface RenderedReport {
  readonly body: string | Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
}

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const PERIOD_WORDS: Readonly<Partial<Record<Period['type'], string>>> = { month: 'thang', quarter: 'quy', half: '6-thang', year: 'nam' };

export function reportFileName(orgUnit: string, period: Period, format: ReportFormat): string {
  const word = PERIOD_WORDS[period.type];
  // Weeks, days and financial years are named by their code (2022-W05, 2022-April).
  const when = period.type === 'year' ? `nam-${period.year}` : word ? `${word}-${period.index}-${period.year}` : `ky-${formatPeriod(period)}`;
  // Unit codes are usually ASCII already; NFD would load ICU's normalisation data for nothing.
  const ascii = /^[\x20-\x7e]*$/.test(orgUnit) ? orgUnit : orgUnit.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const unit = ascii.replace(/[^A-Za-z0-9-]+/g, '-');
  return `Bao-cao-${when}-${unit}.${format}`;
}

export async function renderReport({ store, renderers, orgUnit, period, format, keepFor }: {
  store: Store;
  renderers: ReportRenderers;
  orgUnit: string;
  period: string;
  format: ReportFormat;
  /**
   * Keep the render in the database, for the code that rendered it (a build id: other
   * code may render differently), and serve it again while nothing it is made of changes.
   */
  keepFor?: string;
}): Promise<RenderedReport> {
  const parsed = parseReportPeriod(period);
  const kept = keepFor !== undefined && !store.inTransaction && keepsFormat(format) ? store.storedRenders : null;
  const key = keepFor !== undefined ? keptRenderKey(keepFor, orgUnit, formatPeriod(parsed), format) : '';
  const generation = kept ? await kept.generation() : 0;
  const stored = kept ? await kept.find(key, generation) : null;
  const body = stored ? decodeKeptRender(stored, format) : await renderers((await buildReport({ store, orgUnit, period })).model, format);
  if (kept && !stored) {
    // Keeping is a saving, never a condition: a read-only file, a writer holding the
    // lock past the busy timeout or a full disk leave the render as it is.
    await kept.keep(key, generation, typeof body === 'string' ? new TextEncoder().encode(body) : body).catch(() => undefined);
  }
  return { body, contentType: CONTENT_TYPES[format], fileName: reportFileName(orgUnit, parsed, format) };
}
