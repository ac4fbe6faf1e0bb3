// Test helper: every needle occurs in the text, each after the previous one.
import assert from 'node:assert/strict';
import type { ReportBlock, ReportModel, ReportParagraph, ReportSection } from '../../core/report-model.ts';
import { flattenSections, headingText, paragraphPlainText } from '../shared/report-text.ts';

export function assertInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    assert.ok(at >= 0, `expected "${needle}" after offset ${from}`);
    from = at + needle.length;
  }
}

/** The headings and paragraph texts of a model in reading order. */
export function readingOrder(
  model: ReportModel,
  paragraphText: (p: ReportParagraph) => string | string[] = paragraphPlainText,
): string[] {
  const block = (b: ReportBlock): string | string[] => ('runs' in b ? paragraphText(b) : b.rows.map((row) => row.join(' | ')));
  const section = (s: ReportSection): string[] => [headingText(s), ...s.paragraphs.flatMap(block)];
  return [...model.preamble.flatMap(block), ...flattenSections(model.sections).flatMap(section)];
}
