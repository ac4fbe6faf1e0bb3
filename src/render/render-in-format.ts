// One entry to every renderer, loading only the one a format needs: a Markdown render
// from the command line must not pay for loading pdfmake, pdfkit and docx.
import type { ReportFormat, ReportRenderers } from '../app/reports/report-ports.ts';

export const renderInFormat: ReportRenderers = async (model, format: ReportFormat) => {
  switch (format) {
    case 'md':
      return (await import('./markdown.ts')).renderMarkdown(model);
    case 'html':
      return (await import('./html.ts')).renderHtml(model);
    case 'docx':
      return new Uint8Array(await (await import('./docx.ts')).renderDocx(model));
    case 'pdf':
      return new Uint8Array(await (await import('./pdf.ts')).renderPdf(model));
  }
};
