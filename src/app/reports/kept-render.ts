// How a render kept in the database is named and read back (ADR 0022). Kept apart
// from render-report.ts, which loads the report builder: the command line's fast
// path imports only this.
import type { ReportFormat } from './report-ports.ts';

/**
 * Whether a render in `format` depends only on the database and the build. A PDF does
 * not: it embeds the serif font found on the machine (src/render/fonts.ts), which an
 * administrator may install later, or which differs where the file is copied to.
 */
export function keepsFormat(format: ReportFormat): boolean {
  return format !== 'pdf';
}

/** The key of a render of one report in one format, made by the code `build`. */
export function keptRenderKey(build: string, orgUnit: string, periodCode: string, format: ReportFormat): string {
  return `${build}|${orgUnit}|${periodCode}|${format}`;
}

/** Markdown and HTML are text; DOCX and PDF stay bytes. */
export function decodeKeptRender(body: Uint8Array, format: ReportFormat): string | Uint8Array {
  return format === 'md' || format === 'html' ? new TextDecoder().decode(body) : body;
}
