// The renderers the API hands to renderReport.
import type { ReportRenderers } from '../../../app/reports/report-ports.ts';
import { renderDocx, renderHtml, renderMarkdown, renderPdf } from '../../../render/index.ts';

export const RENDERERS: ReportRenderers = {
  markdown: renderMarkdown,
  html: renderHtml,
  docx: async (model) => new Uint8Array(await renderDocx(model)),
  pdf: async (model) => new Uint8Array(await renderPdf(model)),
};
