// What the "Nhập báo cáo cũ" preview prints from the importer's result: the coverage
// as a Vietnamese percentage, the document references as the register writes them,
// the counts that tell at a glance whether the file was read well, the unit and the
// layout chosen, the figures taken as values and what a save would lose. The result
// type here is the whole answer of POST /api/reports/:org/:period/import.
import { formatPercentValue } from '../../../src/core/format.ts';
import type { LegacyDocument as BaseDocument, LegacyImportResult as BaseResult, LegacyItem as BaseItem, LegacySection as BaseSection } from '../api/types.ts';

export interface LegacyItem extends BaseItem { table?: string[][] }
export interface LegacySection extends Omit<BaseSection, 'items' | 'sections'> { isPlan?: boolean; items: LegacyItem[]; sections: LegacySection[] }
export interface LegacyDocument extends BaseDocument { citations?: { paragraph: number; section: string; written: string; date: string | null }[] }
export interface UnitCandidate { code: string; name: string; score: number }
export interface ImportedFigure { paragraph: number; text: string; value: number; indicator: string; filter: string | null; sure: boolean; reason: string; stored: number | null }
export interface LegacyImportResult extends Omit<BaseResult, 'closing' | 'sections' | 'documents' | 'findings'> {
  allowLoss: boolean;
  orgUnit: string | null;
  closing: string[];
  sections: LegacySection[];
  documents: LegacyDocument[];
  findings: (BaseResult['findings'][number] & { paragraph?: number | null })[];
  periodSource: string | null;
  periodCumulative: boolean;
  unit: { stated: string | null; matched: UnitCandidate | null; closest: UnitCandidate[] };
  layout: { template: string; derived: boolean; reason: 'named' | 'existing' | 'unit' | 'own' } | null;
  figures: ImportedFigure[];
  values: { imported: number; updated: number; unchanged: number };
  loss: { missing: { paragraph: number; text: string }[]; added: string[]; addedCount: number; checked: number } | null;
}

const LAYOUTS: Readonly<Record<string, string>> = {
  named: 'theo đề cương đã chọn', existing: 'theo đề cương của báo cáo đã có', unit: 'theo đề cương của đơn vị', own: 'theo đề mục của chính báo cáo',
};

/** "theo đề mục của chính báo cáo (nhap-tv-cauke-2022-H1)". */
export function layoutLabel(layout: LegacyImportResult['layout']): string {
  return layout ? `${LAYOUTS[layout.reason] ?? layout.reason} (${layout.template})` : '—';
}

/** "Huyện Cầu Kè (tv-cauke)", or what is wrong with the unit. */
export function unitLabel(result: Pick<LegacyImportResult, 'unit' | 'orgUnit'>): string {
  if (result.unit.matched) return `${result.unit.matched.name} (${result.unit.matched.code})`;
  return result.unit.stated ? 'không khớp đơn vị nào' : 'báo cáo không ghi';
}

/** What the loss check says, in one line. */
export function lossLabel(loss: LegacyImportResult['loss'], dryRun: boolean): string {
  if (!loss) return 'Chưa đối chiếu (báo cáo bị từ chối trước khi dựng lại).';
  const when = dryRun ? 'sẽ lưu' : 'đã lưu';
  return loss.missing.length === 0
    ? `Báo cáo ${when}, dựng lại từ dữ liệu, có đủ ${loss.checked} đoạn của tệp.`
    : `Báo cáo ${when} thiếu ${loss.missing.length}/${loss.checked} đoạn của tệp.`;
}

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

export interface PreviewCounts {
  readonly sections: number; readonly items: number; readonly tables: number; readonly documents: number; readonly plan: number;
  readonly findings: number; readonly unplaced: number; readonly values: number; readonly missing: number;
}

export function previewCounts(result: Pick<LegacyImportResult, 'sections' | 'documents' | 'plan' | 'findings' | 'unplaced'> & Partial<Pick<LegacyImportResult, 'figures' | 'loss'>>): PreviewCounts {
  let sections = 0;
  let items = 0;
  let tables = 0;
  const walk = (list: readonly LegacySection[]) => {
    for (const s of list) {
      sections += 1;
      for (const item of s.items) {
        if (item.table) tables += 1;
        else items += 1;
      }
      walk(s.sections);
    }
  };
  walk(result.sections);
  return {
    sections, items, tables, documents: result.documents.length, plan: result.plan.length, findings: result.findings.length, unplaced: result.unplaced.length,
    values: (result.figures ?? []).filter((f) => f.sure).length, missing: result.loss?.missing.length ?? 0,
  };
}
