// What the "Nhập báo cáo cũ" preview prints from the importer's result: the coverage
// as a Vietnamese percentage, the document references as the register writes them,
// and the counts that tell at a glance whether the file was read well.
import { formatPercentValue } from '../../../src/core/format.ts';
import type { LegacyDocument, LegacyImportResult, LegacySection } from '../api/types.ts';

/** Files the report importer reads: Markdown and Word (.docx). */
export const LEGACY_FILE_ACCEPT = '.md,.markdown,.txt,.docx';

/** 0.9731 → "97,3%": the share of the file's text that landed in some field. */
export function coverageLabel(coverage: number): string {
  return formatPercentValue(Math.max(0, Math.min(1, coverage)) * 100, 1);
}

/** The threshold under which the preview warns that much of the file was not placed. */
export const LOW_COVERAGE = 0.9;

/** "695/QĐ-UBND" as cited; the reference as written when number or symbol is missing. */
export function documentNumber(document: LegacyDocument): string {
  if (document.number && document.symbol) return `${document.number}/${document.symbol}`;
  return document.symbol ?? document.number ?? document.reference;
}

/** "I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC", "a) …", "Phần I. …"; the bare title when unnumbered. */
export function sectionHeading(section: LegacySection): string {
  if (!section.number) return section.title;
  if (section.numbering === 'letter') return `${section.number}) ${section.title}`;
  return `${section.number}. ${section.title}`;
}

export interface PreviewCounts { readonly sections: number; readonly items: number; readonly documents: number; readonly plan: number; readonly findings: number; readonly unplaced: number }

export function previewCounts(result: LegacyImportResult): PreviewCounts {
  let sections = 0;
  let items = 0;
  const walk = (list: readonly LegacySection[]) => {
    for (const s of list) {
      sections += 1;
      items += s.items.length;
      walk(s.sections);
    }
  };
  walk(result.sections);
  return { sections, items, documents: result.documents.length, plan: result.plan.length, findings: result.findings.length, unplaced: result.unplaced.length };
}
