// The report template (đề cương báo cáo): a tree of numbered sections, each owned by
// a division and made of blocks that the report-model builder resolves to paragraphs.
//
// Text in `text` blocks, in `summary`, `preamble` and `closing` is Liquid (see
// liquid-filters.ts for the filters and build-report-model.ts for the variables).
// A resolved text is split into paragraphs at line breaks; a line starting with
// "- ", "+ " or "* " takes that marker, and `**bold**` / `*italic*` spans become runs.

/** A Liquid paragraph (or several, one per output line) over indicator values. */
export interface TextBlock {
  readonly type: 'text';
  readonly liquid: string;
}

/**
 * The narrative items written for this period in this section. Items carry an optional
 * `slot`; a block with a slot shows only the items of that slot, a block without one
 * shows the items without a slot, so narrative and figures can interleave.
 */
export interface ItemsBlock {
  readonly type: 'items';
  readonly slot?: string | null;
  /**
   * When set, the items are joined into ONE paragraph: `lead` + texts joined by
   * `separator` + `ending` ("Ban Giám đốc Sở tham dự: a; b; c,..."). Each stays its own
   * item, so a duplicate is still seen as one.
   */
  readonly separator?: string | null;
  readonly lead?: string | null;
  readonly ending?: string | null;
  /** Marker of the joined paragraph (default '-'). */
  readonly marker?: string | null;
}

/**
 * A list built from the document register: "Ban hành 17 Công văn <lead>: s1; s2; ...".
 * `lead` is Liquid with `so_luong` (the count) and `loai` (the document type) in scope;
 * by default "Ban hành {{ so_luong }} {{ loai }}".
 */
export interface DocumentsBlock {
  readonly type: 'documents';
  readonly documentType?: string | null;
  readonly lead?: string | null;
  readonly marker?: string | null;
  /** Default: ";..." when some counted documents are not cited, else ".". */
  readonly ending?: string | null;
}

/** Next period's plan items, numbered "1.", "2.", … */
export interface PlanBlock {
  readonly type: 'plan';
}

/** Last period's plan with the status of each item. */
export interface PlanReviewBlock {
  readonly type: 'plan-review';
  /**
   * Liquid paragraph printed before the items, only when there is a previous plan
   * ("Kết quả thực hiện kế hoạch {{ ky_truoc }}:"), so the block prints nothing otherwise.
   */
  readonly lead?: string | null;
}

export type Block = TextBlock | ItemsBlock | DocumentsBlock | PlanBlock | PlanReviewBlock;
export type BlockType = Block['type'];

export interface TemplateSection {
  /** Stable id used by items, documents and findings (`i.4.a`). */
  readonly id: string;
  /** Printed as given: "I", "1", "a", "6.1". */
  readonly number: string;
  readonly title: string;
  readonly level: 1 | 2 | 3 | 4;
  /** Org unit code of the division that writes this section. */
  readonly owner?: string | null;
  readonly blocks: readonly Block[];
  readonly sections: readonly TemplateSection[];
}

export interface ReportTemplate {
  readonly code: string;
  readonly name: string;
  /** "BÁO CÁO" unless said otherwise. */
  readonly documentType?: string | null;
  /** Liquid; the trích yếu ("Kết quả công tác … {{ ky }} và kế hoạch công tác {{ ky_sau }}"). */
  readonly summary: string;
  /** Liquid; paragraphs before the first section. */
  readonly preamble?: string | null;
  readonly sections: readonly TemplateSection[];
  /** Liquid; the closing paragraph ("Trên đây là …"). */
  readonly closing: string;
  /**
   * Indicator code → org unit code that enters it, where the section owner does not
   * say (a figure quoted only in narrative items) or says otherwise. See reporting-units.ts.
   */
  readonly reportingUnits?: Readonly<Record<string, string>> | null;
}

/** Every section of a template, depth first, in reading order. */
export function flattenSections(sections: readonly TemplateSection[]): TemplateSection[] {
  const out: TemplateSection[] = [];
  const visit = (list: readonly TemplateSection[]): void => {
    for (const section of list) {
      out.push(section);
      visit(section.sections);
    }
  };
  visit(sections);
  return out;
}

/**
 * Each section's number as people cite it, under its parents' ("I.4.a", "II.3"); a
 * number that already carries its parent's ("6.1" under "6") is not repeated ("I.6.1").
 */
export function sectionNumbers(sections: readonly TemplateSection[]): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (list: readonly TemplateSection[], parent: TemplateSection | null): void => {
    for (const s of list) {
      const parentFull = parent ? out.get(parent.id) ?? parent.number : null;
      const own = parent && s.number.startsWith(`${parent.number}.`) ? s.number.slice(parent.number.length + 1) : s.number;
      out.set(s.id, parentFull ? `${parentFull}.${own}` : s.number);
      visit(s.sections, s);
    }
  };
  visit(sections, null);
  return out;
}
