// Who enters what, checked when templates are imported (ADR 0010): `reportingUnits` must
// name known indicators and units, and no figure may be quoted by sections of two
// owners without `reportingUnits` deciding which one enters it.
import type { Catalogue } from '../../core/indicator.ts';
import { reportForm } from '../../core/reporting-units.ts';
import type { ReportTemplate } from '../../core/report-template.ts';

export interface TemplateFormProblem {
  readonly path: string;
  readonly message: string;
}

export function checkTemplateForms({ templates, catalogue, unitCodes }: {
  templates: readonly ReportTemplate[]; catalogue: Catalogue; unitCodes: ReadonlySet<string>;
}): TemplateFormProblem[] {
  const problems: TemplateFormProblem[] = [];
  templates.forEach((template, i) => {
    for (const [indicator, unit] of Object.entries(template.reportingUnits ?? {})) {
      if (!catalogue.indicator(indicator)) problems.push({ path: `templates[${i}].reportingUnits.${indicator}`, message: `Đề cương "${template.code}": chỉ tiêu "${indicator}" chưa được khai báo.` });
      if (!unitCodes.has(unit)) problems.push({ path: `templates[${i}].reportingUnits.${indicator}`, message: `Đề cương "${template.code}": đơn vị "${unit}" chưa được khai báo.` });
    }
    // Owners as written: a conflict between two of them is a conflict in every report.
    const { conflicts } = reportForm({ template, catalogue, tree: { isWithin: () => true }, reportUnit: '' });
    for (const conflict of conflicts) {
      const name = catalogue.indicator(conflict.indicator)?.name ?? conflict.indicator;
      problems.push({
        path: `templates[${i}].reportingUnits`,
        message: `Đề cương "${template.code}": chỉ tiêu «${name}» nằm trong các mục ${conflict.sections.join(', ')} của các đơn vị ${conflict.units.join(', ')}; mỗi chỉ tiêu chỉ do một đơn vị nhập: ghi đơn vị nhập vào reportingUnits.${conflict.indicator}.`,
      });
    }
  });
  return problems;
}
