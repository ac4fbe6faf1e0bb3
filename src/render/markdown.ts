// Markdown in the seed's own shape: bold headings "**I. …**", "- " bullets, "+ "
// sub-bullets, "\* *lead:* text", then "./.", Nơi nhận and the signer. Readable as
// plain text and round-trips through the legacy-report importer.
import type { ReportBlock, ReportModel, ReportParagraph, ReportSection, TextRun } from '../core/report-model.ts';
import { isReportTable } from '../core/report-table.ts';
import { tableToMarkdown } from './tables/markdown-table.ts';
import {
  DRAFT_MARK,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  RECIPIENTS_LABEL,
  closingWithFinalMark,
  headingText,
  numberLine,
  placeDateLine,
  recipientLines,
  signerHeadLines,
} from './shared/report-text.ts';

/** Two trailing spaces: a hard line break inside one Markdown paragraph. */
const BR = '  \n';

/** Escapes what Markdown would read as emphasis, code, links or HTML; numbers stay as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_`[\]<]/g, (c) => `\\${c}`);
}

function emphasise(text: string, run: Pick<TextRun, 'bold' | 'italic'>): string {
  if (!text.trim()) return text;
  // Emphasis markers must touch the words, so spaces at the edges stay outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
  const mark = run.bold && run.italic ? '***' : run.bold ? '**' : run.italic ? '*' : '';
  return `${lead}${mark}${core}${mark}${trail}`;
}

function runsToMarkdown(runs: readonly TextRun[]): string {
  return runs.map((run) => emphasise(escapeMarkdown(run.text), run)).join('');
}

function paragraphToMarkdown(paragraph: ReportParagraph): string {
  // '*' and '+' would otherwise start a Markdown list of their own; the seed escapes '*'.
  const marker = paragraph.marker === '*' ? '\\*' : paragraph.marker;
  const text = runsToMarkdown(paragraph.runs);
  return marker ? `${marker} ${text}` : text;
}

const blockToMarkdown = (block: ReportBlock): string => (isReportTable(block) ? tableToMarkdown(block) : paragraphToMarkdown(block));

function sectionToMarkdown(section: ReportSection): string[] {
  return [
    `**${escapeMarkdown(headingText(section))}**`,
    ...section.paragraphs.map(blockToMarkdown),
    ...section.sections.flatMap(sectionToMarkdown),
  ];
}

export function renderMarkdown(model: ReportModel): string {
  const header = [
    ...(model.draft ? [`**${DRAFT_MARK}**`] : []),
    [escapeMarkdown(model.governingBody), `**${escapeMarkdown(model.issuingBody)}**`, escapeMarkdown(numberLine(model))].join(BR),
    [`**${NATIONAL_TITLE}**`, `**${NATIONAL_MOTTO}**`].join(BR),
    `*${escapeMarkdown(placeDateLine(model)).trimEnd()}*`,
    [`**${escapeMarkdown(model.documentType)}**`, `**${escapeMarkdown(model.summary)}**`].join(BR),
  ];
  const body = [
    ...model.preamble.map(blockToMarkdown),
    ...model.sections.flatMap(sectionToMarkdown),
    ...closingWithFinalMark(model.closing).map(paragraphToMarkdown),
  ];
  const recipients = [`***${RECIPIENTS_LABEL}***`, recipientLines(model.recipients).map(escapeMarkdown).join('\n')].join('\n\n');
  const signer = [
    signerHeadLines(model.signer).map((l) => `**${escapeMarkdown(l)}**`).join(BR),
    `**${escapeMarkdown(model.signer.name)}**`,
  ];
  return [...header, ...body, recipients, ...signer].join('\n\n') + '\n';
}
