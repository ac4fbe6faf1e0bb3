// Loads the demo department (demo/): metadata, values, templates and report instances,
// checked with the same schemas as imports and against the catalogue. Problems are
// returned with the file they came from; nothing is thrown for bad content.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../package-root.ts';
import type { DataValue } from '../../core/data-value.ts';
import { Catalogue } from '../../core/indicator.ts';
import { OrgTree } from '../../core/org-unit.ts';
import { carriedPlanItems } from '../../core/report-instance.ts';
import { formatPeriod, previousPeriod, tryParsePeriod } from '../../core/period.ts';
import type { DemoReport } from '../../app/metadata/load-demo.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { parseMetadataFile, parseStructuredText, toTemplate, ZTemplateEntry, zodProblems } from '../metadata-file.ts';
import type { FileProblem, Metadata } from '../metadata-file.ts';
import { parseReportFile } from './report-instance-file.ts';
import { parseValuesFile } from './values-file.ts';

export interface DemoProblem extends FileProblem {
  /** Path relative to the demo folder. */
  readonly file: string;
}

export interface Demo {
  readonly metadata: Metadata;
  readonly values: DataValue[];
  readonly templates: ReportTemplate[];
  readonly reports: DemoReport[];
  readonly problems: DemoProblem[];
}

/** The repository's demo/ folder. */
export const DEFAULT_DEMO_DIR = packagePath('demo');

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

export function parseTemplateFile(text: string): { template: ReportTemplate | null; problems: FileProblem[] } {
  const { value, problems } = parseStructuredText(text, 'yaml');
  if (problems.length > 0) return { template: null, problems };
  const result = ZTemplateEntry.safeParse(value, { reportInput: true });
  if (!result.success) return { template: null, problems: zodProblems(result.error, []) };
  return { template: toTemplate(result.data), problems: [] };
}

export function loadDemo(dir: string = DEFAULT_DEMO_DIR): Demo {
  const problems: DemoProblem[] = [];
  const read = (file: string): string | null => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file: path.relative(dir, file), path: '', message: `Không đọc được tệp: ${(error as Error).message}` });
      return null;
    }
  };
  const note = (file: string, list: readonly FileProblem[]): void => {
    for (const p of list) problems.push({ file: path.relative(dir, file), ...p });
  };

  const metadataFile = path.join(dir, 'metadata.yaml');
  const metadataText = read(metadataFile);
  const parsedMetadata = metadataText === null
    ? { metadata: { orgUnits: [], disaggregations: [], indicators: [], validationRules: [] }, problems: [] }
    : parseMetadataFile(metadataText, 'yaml');
  note(metadataFile, parsedMetadata.problems);
  const metadata = parsedMetadata.metadata;
  const { catalogue, problems: catalogueProblems } = Catalogue.build(metadata);
  note(metadataFile, catalogueProblems.map((p) => ({ path: `indicators.${p.code}.${p.field}`, message: p.message })));
  const { tree, problems: treeProblems } = OrgTree.build(metadata.orgUnits);
  note(metadataFile, treeProblems.map((p) => ({ path: `orgUnits.${p.code}`, message: p.message })));

  const templates: ReportTemplate[] = [];
  for (const file of yamlFiles(path.join(dir, 'templates'))) {
    const text = read(file);
    if (text === null) continue;
    const { template, problems: found } = parseTemplateFile(text);
    note(file, found);
    if (template) templates.push(template);
  }

  const values: DataValue[] = [];
  for (const file of yamlFiles(path.join(dir, 'values'))) {
    const text = read(file);
    if (text === null) continue;
    const parsed = parseValuesFile(text);
    note(file, parsed.problems);
    for (const v of parsed.values) {
      if (!tree.has(v.orgUnit)) {
        note(file, [{ path: 'orgUnit', message: `Đơn vị "${v.orgUnit}" chưa được khai báo.` }]);
        break;
      }
      const problem = catalogue.checkDisaggKey(v.indicator, v.disagg);
      if (problem !== null) note(file, [{ path: `values.${v.indicator}${v.disagg ? `.${v.disagg}` : ''}`, message: problem }]);
      else values.push(v);
    }
  }

  const reports: DemoReport[] = [];
  for (const file of yamlFiles(path.join(dir, 'reports'))) {
    const text = read(file);
    if (text === null) continue;
    const { report, problems: found } = parseReportFile(text);
    note(file, found);
    if (!report) continue;
    if (!templates.some((t) => t.code === report.template)) {
      note(file, [{ path: 'template', message: `Không có đề cương "${report.template}" trong demo/templates.` }]);
    }
    if (!tree.has(report.orgUnit)) note(file, [{ path: 'orgUnit', message: `Đơn vị "${report.orgUnit}" chưa được khai báo.` }]);
    reports.push(report);
  }
  return { metadata, values, templates, reports: reports.map((r) => withCarriedPlan(r, reports)), problems };
}

/**
 * A demo report opens as `report create` opens one: the previous month's plan for it
 * is carried into its plan review, unless its file lists that review itself.
 */
function withCarriedPlan(report: DemoReport, all: readonly DemoReport[]): DemoReport {
  const period = tryParsePeriod(report.period);
  if (!period.ok || report.plan.some((item) => item.forPeriod === report.period)) return report;
  const before = formatPeriod(previousPeriod(period.period));
  const previous = all.find((r) => r.orgUnit === report.orgUnit && r.template === report.template && r.period === before);
  const carried = previous ? carriedPlanItems(previous.plan, report.period) : [];
  return carried.length === 0 ? report : { ...report, plan: [...carried, ...report.plan] };
}
