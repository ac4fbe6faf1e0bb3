// The order of indicators for data entry: as the report template first quotes them,
// section by section, so a division fills figures in the order it reads the report.
import { flattenSections } from '../../../src/core/report-template.ts';
import type { ReportTemplate } from '../../../src/core/report-template.ts';

export interface EntryGroup {
  readonly title: string;
  readonly codes: string[];
}

const CODE = /[a-z][a-z0-9_]*\.[a-z0-9_.]*[a-z0-9_]/g;

/** Groups of indicator codes by template section; codes no section quotes go last under "Chỉ tiêu khác". */
export function entryGroups(template: ReportTemplate | undefined, known: readonly string[]): EntryGroup[] {
  const knownSet = new Set(known);
  const seen = new Set<string>();
  const groups: EntryGroup[] = [];
  if (template) {
    for (const section of flattenSections(template.sections)) {
      const codes: string[] = [];
      for (const block of section.blocks) {
        if (block.type !== 'text') continue;
        for (const match of block.liquid.matchAll(CODE)) {
          const code = match[0];
          if (knownSet.has(code) && !seen.has(code)) {
            seen.add(code);
            codes.push(code);
          }
        }
      }
      if (codes.length > 0) groups.push({ title: `${section.number}. ${section.title}`, codes });
    }
  }
  const rest = known.filter((c) => !seen.has(c));
  if (rest.length > 0) groups.push({ title: template ? 'Chỉ tiêu khác' : 'Chỉ tiêu', codes: rest });
  return groups;
}
