// HTML laid out like the paper: an A4-wide sheet, the two-column header table, a
// justified body, the signature table. Every text is escaped, so an item typed as
// "<script>" prints as text. renderHtmlFragment is the same body for the web preview.
import type { ReportBlock, ReportModel, ReportParagraph, ReportSection, TextRun } from '../core/report-model.ts';
import { isReportTable } from '../core/report-table.ts';
import { tableToHtml } from './tables/html-table.ts';
import { A4_MM, FIRST_LINE_INDENT_MM, LINE_SPACING, MARGINS_MM, PARAGRAPH_AFTER_PT, SIZE_PT } from './shared/page-layout.ts';
import {
  DRAFT_MARK,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  RECIPIENTS_LABEL,
  closingWithFinalMark,
  headingText,
  markerPrefix,
  numberLine,
  placeDateLine,
  recipientLines,
  signerHeadLines,
} from './shared/report-text.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function runToHtml(run: TextRun): string {
  let html = escapeHtml(run.text);
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return html;
}

function paragraphToHtml(paragraph: ReportParagraph): string {
  return `<p>${escapeHtml(markerPrefix(paragraph))}${paragraph.runs.map(runToHtml).join('')}</p>`;
}

const blockToHtml = (block: ReportBlock): string => (isReportTable(block) ? tableToHtml(block) : paragraphToHtml(block));

function sectionToHtml(section: ReportSection): string {
  const tag = `h${section.level + 1}`; // h1 is the document title
  return [
    `<section class="level-${section.level}" id="${escapeHtml(section.id)}">`,
    `<${tag}>${escapeHtml(headingText(section))}</${tag}>`,
    ...section.paragraphs.map(blockToHtml),
    ...section.sections.map(sectionToHtml),
    '</section>',
  ].join('\n');
}

function headerTable(model: ReportModel): string {
  return `<table class="doc-header" role="presentation">
<tr>
<td class="left"><div class="governing">${escapeHtml(model.governingBody)}</div><div class="issuing">${escapeHtml(model.issuingBody)}</div><hr class="rule short"></td>
<td class="right"><div class="national">${NATIONAL_TITLE}</div><div class="motto"><span>${NATIONAL_MOTTO}</span></div></td>
</tr>
<tr>
<td class="left number">${escapeHtml(numberLine(model))}</td>
<td class="right place-date">${escapeHtml(placeDateLine(model))}</td>
</tr>
</table>`;
}

function signatureTable(model: ReportModel): string {
  const recipients = recipientLines(model.recipients)
    .map((line) => `<div class="recipient">${escapeHtml(line)}</div>`)
    .join('');
  const head = signerHeadLines(model.signer)
    .map((line) => `<div class="signer-head">${escapeHtml(line)}</div>`)
    .join('');
  return `<table class="doc-signature" role="presentation">
<tr>
<td class="recipients"><div class="recipients-label">${RECIPIENTS_LABEL}</div>${recipients}</td>
<td class="signer">${head}<div class="signature-space"></div><div class="signer-name">${escapeHtml(model.signer.name)}</div></td>
</tr>
</table>`;
}

/** The document without <html>/<head>: header, title, body, signature. */
export function renderHtmlFragment(model: ReportModel): string {
  return [
    '<article class="baocao-report">',
    ...(model.draft ? [`<div class="draft-mark">${DRAFT_MARK}</div>`] : []),
    headerTable(model),
    `<h1 class="doc-title"><span class="doc-type">${escapeHtml(model.documentType)}</span><span class="summary">${escapeHtml(model.summary)}</span></h1>`,
    '<hr class="rule short title-rule">',
    '<div class="doc-body">',
    ...model.preamble.map(blockToHtml),
    ...model.sections.map(sectionToHtml),
    ...closingWithFinalMark(model.closing).map(paragraphToHtml),
    '</div>',
    signatureTable(model),
    '</article>',
  ].join('\n');
}

const STYLE = `
@page { size: A4; margin: ${MARGINS_MM.top}mm ${MARGINS_MM.right}mm ${MARGINS_MM.bottom}mm ${MARGINS_MM.left}mm; }
body { margin: 0; background: #eee; }
.baocao-report { box-sizing: border-box; width: ${A4_MM.width}mm; min-height: ${A4_MM.height}mm; margin: 0 auto; background: #fff; color: #000;
  padding: ${MARGINS_MM.top}mm ${MARGINS_MM.right}mm ${MARGINS_MM.bottom}mm ${MARGINS_MM.left}mm;
  font-family: "Times New Roman", "Liberation Serif", Tinos, "DejaVu Serif", serif; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_SPACING}; }
@media print { body { background: none; } .baocao-report { width: auto; min-height: 0; padding: 0; } }
.baocao-report table { width: 100%; border-collapse: collapse; border: none; }
.baocao-report td { border: none; padding: 0; vertical-align: top; text-align: center; }
.draft-mark { font-size: ${SIZE_PT.draftMark}pt; font-weight: bold; margin: 0 0 6pt auto; width: max-content; border: 1px solid #000; padding: 1pt 6pt; }
.doc-header td.left { width: 40%; } .doc-header td.right { width: 60%; }
.governing { font-size: ${SIZE_PT.governingBody}pt; text-transform: uppercase; }
.issuing { font-size: ${SIZE_PT.issuingBody}pt; font-weight: bold; text-transform: uppercase; }
.national { font-size: ${SIZE_PT.nationalTitle}pt; font-weight: bold; }
.motto span { font-size: ${SIZE_PT.motto}pt; font-weight: bold; display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1pt; }
.number { font-size: ${SIZE_PT.number}pt; padding-top: 6pt !important; white-space: pre; }
.place-date { font-size: ${SIZE_PT.placeDate}pt; font-style: italic; padding-top: 6pt !important; white-space: pre; }
.rule { border: none; border-top: 1px solid #000; margin: 2pt auto; }
.rule.short { width: 30%; }
.doc-title { margin: 18pt 0 0; text-align: center; font-size: ${SIZE_PT.title}pt; font-weight: bold; }
.doc-title span { display: block; }
.doc-title .summary { font-size: ${SIZE_PT.summary}pt; }
.title-rule { width: 25% !important; margin-bottom: 12pt; }
.doc-body p, .doc-body h2, .doc-body h3, .doc-body h4, .doc-body h5 { margin: 0 0 ${PARAGRAPH_AFTER_PT}pt; text-align: justify; text-indent: ${FIRST_LINE_INDENT_MM}mm; font-size: ${SIZE_PT.body}pt; }
.doc-body h2, .doc-body h3, .doc-body h4, .doc-body h5 { font-weight: bold; }
.doc-signature { margin-top: 6pt; }
.doc-signature td.recipients { width: 45%; text-align: left; }
.doc-signature td.signer { width: 55%; }
.recipients-label { font-size: ${SIZE_PT.recipientsLabel}pt; font-weight: bold; font-style: italic; }
.recipient { font-size: ${SIZE_PT.recipient}pt; }
.signer-head, .signer-name { font-weight: bold; font-size: ${SIZE_PT.signer}pt; }
.signature-space { height: 28mm; }
`;

/** A standalone page; `title` of the tab is the document type and summary. */
export function renderHtml(model: ReportModel): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${model.documentType} ${model.summary}`)}</title>
<style>${STYLE}</style>
</head>
<body>
${renderHtmlFragment(model)}
</body>
</html>
`;
}
