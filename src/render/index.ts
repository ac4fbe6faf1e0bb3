// The renderers: each lays out one ReportModel and nothing else.
export { renderMarkdown } from './markdown.ts';
export { renderHtml, renderHtmlFragment } from './html.ts';
export { renderDocx } from './docx.ts';
export { renderPdf } from './pdf.ts';
export type { RenderPdfOptions } from './pdf.ts';
export { resolveSerifFont } from './fonts.ts';
export type { ResolvedSerifFont, SerifFamily } from './fonts.ts';
