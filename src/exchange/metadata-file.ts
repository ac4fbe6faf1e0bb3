// The metadata file: org units, disaggregations, indicators, validation rules and
// report templates in one readable YAML (or JSON) document, for
// `baocao metadata import/export` and the demo department. Full description with
// examples: docs/metadata-format.md.
//
// ```yaml
// orgUnits:
//   - { code: travinh, name: Tỉnh Trà Vinh, parent: null, kind: province,
//       opening: 1992-05-01, closing: 2025-07-01, successor: vinhlong,
//       uid: ImspTQPwCqd, dhis2Code: OU_1 }   # optional: the unit in a DHIS2 instance
// disaggregations:
//   - code: channel
//     name: Kênh
//     options: [ { code: direct, name: Trực tiếp }, { code: online, name: Trực tuyến } ]
// indicators:
//   - code: ioffice.docs_issued
//     name: Văn bản điện tử phát hành trên iOffice
//     unit: văn bản
//     kind: flow            # flow | stock | derived
//     valueType: INTEGER_ZERO_OR_POSITIVE   # DHIS2's value types (default NUMBER; integer, number, percent still read)
//     disaggregations: []   # codes
//     attributes: []        # codes of attribute dimensions (DHIS2's attribute categories)
//     aggregation: { time: sum, org: sum }   # optional; defaults from kind
//     expression: null      # derived only
//     decimals: 0           # default: 0 for integer, 2 otherwise
//     accumulates: null     # stock only: the flow it accumulates
//     partOf: null          # never exceeds this indicator
// validationRules:
//   - { code: ..., name: ..., left: '#{a}', operator: less_than_or_equal_to, right: '#{b}',
//       severity: error, message: ..., missing: SKIP_IF_ANY_VALUE_MISSING }
// templates: [ ... ]      # optional; see src/core/report-template.ts
// optionCombos:           # optional: DHIS2's category option combinations, by which files name disaggregations
//   - { uid: bRowv6yZOF2, code: null, name: 'Trực tuyến, Mức 4', options: { channel: online, service_level: l4 } }
// ```
// A DHIS2 metadata export (JSON with organisationUnits, dataElements, categories…) is
// read too, by dhis2-metadata.ts.
//
// Parsing never throws on bad input: each entry is checked on its own, valid entries are
// kept, and every problem comes back with a path such as `indicators[3].kind` and a
// Vietnamese message. Unknown fields are rejected so a typo never passes silently.
// Serializing writes every list sorted by code and every object in one key order, with
// defaults filled in, so export → import → export gives the same text.
import { z } from 'zod';
import { parseDocument, stringify } from 'yaml';
import { defaultDecimals } from '../core/indicator.ts';
import type { Disaggregation, Indicator, IndicatorKind, OptionCombo, TimeAggregation, OrgAggregation } from '../core/indicator.ts';
import { LEGACY_VALUE_TYPES, VALUE_TYPES } from '../core/value-type.ts';
import type { OrgUnitInput } from '../core/org-unit.ts';
import type { ValidationRule } from '../core/validate.ts';
import type { Block, ReportTemplate, TemplateSection } from '../core/report-template.ts';
import { isDhis2Metadata, parseDhis2Metadata } from './dhis2-metadata.ts';

export type MetadataFormat = 'yaml' | 'json';

export interface Metadata {
  readonly orgUnits: OrgUnitInput[];
  readonly disaggregations: Disaggregation[];
  readonly indicators: Indicator[];
  readonly validationRules: ValidationRule[];
  readonly templates?: ReportTemplate[];
  /** DHIS2's category option combinations (optional). */
  readonly optionCombos?: OptionCombo[];
}

export interface FileProblem {
  /** Where in the document: `indicators[3].kind`, or '' for the whole file. */
  readonly path: string;
  /** Vietnamese. */
  readonly message: string;
}

export interface MetadataParseResult {
  readonly metadata: Metadata;
  readonly problems: FileProblem[];
  /** What was read but not kept (parts of a DHIS2 export baocao has no place for). */
  readonly notices?: string[];
}

// ---------------------------------------------------------------------------
// Schemas (ZName) of the file shape; the domain objects are mapped from them.

const ZCode = z.string().min(1);
/** Civil date; YAML 1.2 core schema keeps `1992-05-01` a string, JSON writes it as one. */
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate, { message: 'Ngày không có thật trên lịch (ví dụ 2022-13-01, 2022-02-30).' });

/** `2022-02-30` has the right shape but is no day: Date would silently roll it to March. */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
const ZNullableText = z.string().nullable().optional();
/** DHIS2's identifiers of the same object, both optional. */
const ZDhis2Ids = { uid: ZCode.nullable().optional(), dhis2Code: ZCode.nullable().optional() };

export const ZOrgUnitEntry = z.strictObject({
  code: ZCode,
  name: z.string().min(1),
  shortName: ZNullableText,
  parent: ZCode.nullable().optional(),
  kind: ZNullableText,
  opening: ZIsoDate.nullable().optional(),
  closing: ZIsoDate.nullable().optional(),
  successor: ZCode.nullable().optional(),
  ...ZDhis2Ids,
});

export const ZDisaggregationEntry = z.strictObject({
  code: ZCode,
  name: z.string().min(1),
  ...ZDhis2Ids,
  options: z.array(z.strictObject({ code: ZCode, name: z.string().min(1), ...ZDhis2Ids })).min(1),
});

export const ZOptionComboEntry = z.strictObject({
  uid: ZCode,
  code: ZCode.nullable().optional(),
  name: z.string().min(1),
  options: z.record(z.string(), ZCode),
});

const ZKind = z.enum(['flow', 'stock', 'derived']);
const ZValueType = z.enum([...VALUE_TYPES, ...(Object.keys(LEGACY_VALUE_TYPES) as [string, ...string[]])]).transform((name) => LEGACY_VALUE_TYPES[name] ?? (name as (typeof VALUE_TYPES)[number]));
const ZTimeAggregation = z.enum(['sum', 'last', 'average', 'none']);
const ZOrgAggregation = z.enum(['sum', 'average', 'none']);

export const ZIndicatorEntry = z
  .strictObject({
    code: ZCode,
    name: z.string().min(1),
    unit: z.string(),
    kind: ZKind,
    valueType: ZValueType.optional(),
    disaggregations: z.array(ZCode).optional(),
    attributes: z.array(ZCode).optional(),
    aggregation: z.strictObject({ time: ZTimeAggregation, org: ZOrgAggregation }).nullable().optional(),
    expression: ZNullableText,
    decimals: z.number().int().min(0).max(10).optional(),
    accumulates: ZCode.nullable().optional(),
    partOf: ZCode.nullable().optional(),
    description: ZNullableText,
    ...ZDhis2Ids,
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'derived' && !entry.expression) {
      ctx.addIssue({ code: 'custom', path: ['expression'], message: 'Chỉ tiêu tính toán (derived) phải có biểu thức (expression).' });
    }
    if (entry.kind !== 'derived' && entry.expression) {
      ctx.addIssue({ code: 'custom', path: ['expression'], message: 'Chỉ có chỉ tiêu tính toán (derived) mới có biểu thức (expression).' });
    }
    if (entry.accumulates && entry.kind === 'flow') {
      ctx.addIssue({ code: 'custom', path: ['accumulates'], message: 'Chỉ tiêu dòng (flow) không thể lũy kế chỉ tiêu khác; chỉ dùng "accumulates" cho chỉ tiêu tồn (stock).' });
    }
  });

const ZOperator = z.enum([
  'equal_to', 'not_equal_to', 'greater_than', 'greater_than_or_equal_to',
  'less_than', 'less_than_or_equal_to', 'compulsory_pair', 'exclusive_pair',
]);

export const ZValidationRuleEntry = z.strictObject({
  code: ZCode,
  name: z.string().min(1),
  left: z.string().min(1),
  operator: ZOperator,
  right: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().min(1),
  missing: z.enum(['SKIP_IF_ANY_VALUE_MISSING', 'SKIP_IF_ALL_VALUES_MISSING', 'NEVER_SKIP']).optional(),
});

export const ZBlock = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), liquid: z.string() }),
  z.strictObject({
    type: z.literal('items'),
    slot: z.string().nullable().optional(),
    separator: z.string().nullable().optional(),
    lead: z.string().nullable().optional(),
    ending: z.string().nullable().optional(),
    marker: z.string().nullable().optional(),
  }),
  z.strictObject({
    type: z.literal('documents'),
    documentType: z.string().nullable().optional(),
    lead: z.string().nullable().optional(),
    marker: z.string().nullable().optional(),
    ending: z.string().nullable().optional(),
  }),
  z.strictObject({ type: z.literal('plan') }),
  z.strictObject({ type: z.literal('plan-review'), lead: z.string().nullable().optional() }),
]);

interface SectionEntry {
  id: string;
  number: string;
  title: string;
  level: 1 | 2 | 3 | 4;
  owner?: string | null | undefined;
  blocks?: z.infer<typeof ZBlock>[] | undefined;
  sections?: SectionEntry[] | undefined;
}

export const ZSectionEntry: z.ZodType<SectionEntry> = z.lazy(() =>
  z.strictObject({
    id: ZCode,
    number: z.coerce.string(),
    title: z.string(),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    owner: ZCode.nullable().optional(),
    blocks: z.array(ZBlock).optional(),
    sections: z.array(ZSectionEntry).optional(),
  }),
);

export const ZTemplateEntry = z.strictObject({
  code: ZCode,
  name: z.string().min(1),
  documentType: ZNullableText,
  summary: z.string(),
  preamble: ZNullableText,
  sections: z.array(ZSectionEntry),
  closing: z.string(),
  reportingUnits: z.record(ZCode, ZCode).nullable().optional(),
});

const TOP_LEVEL_KEYS = ['orgUnits', 'disaggregations', 'indicators', 'validationRules', 'templates', 'optionCombos'] as const;

// ---------------------------------------------------------------------------
// Vietnamese messages for schema problems.

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự', number: 'số', int: 'số nguyên', boolean: 'true/false',
  array: 'danh sách', object: 'đối tượng', null: 'null',
};

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Thiếu trường bắt buộc.';
      return `Phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
    case 'invalid_value':
      return `Giá trị không hợp lệ${issue.input === undefined ? '' : ` "${String(issue.input)}"`}; chấp nhận: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_union':
      return 'Không khớp với dạng nào được hỗ trợ (kiểm tra trường "type").';
    case 'too_small':
      return issue.origin === 'array' ? `Cần ít nhất ${String(issue.minimum)} phần tử.`
        : issue.origin === 'string' ? 'Không được để trống.' : `Phải lớn hơn hoặc bằng ${String(issue.minimum)}.`;
    case 'too_big':
      return `Phải nhỏ hơn hoặc bằng ${String(issue.maximum)}.`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'Sai định dạng (ngày viết dạng YYYY-MM-DD).' : 'Sai định dạng.';
    case 'custom':
      return issue.message;
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** What the yaml library's error codes mean to an author; others read "sai cú pháp". */
const YAML_ERRORS: Readonly<Partial<Record<string, string>>> = {
  BAD_INDENT: 'thụt lề không đúng (các mục cùng cấp phải thẳng hàng; ngoặc { [ phải được đóng).',
  MISSING_CHAR: 'thiếu ký tự đóng (dấu ngoặc } ] hoặc dấu nháy).',
  DUPLICATE_KEY: 'một trường bị viết hai lần trong cùng một mục.',
  TAB_AS_INDENT: 'dùng phím Tab để thụt lề; YAML chỉ nhận dấu cách.',
  BLOCK_AS_IMPLICIT_KEY: 'thiếu dấu hai chấm sau tên trường, hoặc thụt lề sai.',
  MULTILINE_IMPLICIT_KEY: 'tên trường không được xuống dòng (thiếu dấu hai chấm?).',
  UNEXPECTED_TOKEN: 'gặp ký tự không mong đợi.',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng ký tự đặc biệt; hãy đặt giá trị trong dấu nháy.',
};

/** `['indicators', 3, 'kind']` → `indicators[3].kind`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Zod issues as file problems, paths prefixed by where the checked value sits. */
export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[]): FileProblem[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath([...prefix, ...issue.path]),
    message: issueMessage(issue),
  }));
}

/** Parses YAML or JSON text to a plain value; syntax errors become problems. */
export function parseStructuredText(text: string, format: MetadataFormat): { value: unknown; problems: FileProblem[] } {
  if (format === 'json') {
    try {
      return { value: JSON.parse(text) as unknown, problems: [] };
    } catch (error) {
      return { value: undefined, problems: [{ path: '', message: `JSON không hợp lệ: ${(error as Error).message}` }] };
    }
  }
  // YAML 1.2 core schema: dates stay strings, and no custom tags run.
  const doc = parseDocument(text, { schema: 'core', prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      value: undefined,
      // One line per position, in Vietnamese: the library's own English text is not shown.
      problems: [...new Set(doc.errors.map((e) =>
        `YAML không hợp lệ${e.linePos ? ` tại dòng ${e.linePos[0].line}, cột ${e.linePos[0].col}` : ''}: ${YAML_ERRORS[e.code] ?? 'sai cú pháp.'}`))]
        .map((message) => ({ path: '', message })),
    };
  }
  return { value: doc.toJS({ maxAliasCount: 100 }) as unknown, problems: [] };
}

// ---------------------------------------------------------------------------
// Mapping file entries to domain objects.

function defaultAggregation(kind: IndicatorKind): { time: TimeAggregation; org: OrgAggregation } {
  if (kind === 'flow') return { time: 'sum', org: 'sum' };
  if (kind === 'stock') return { time: 'last', org: 'sum' };
  // Derived values are computed after aggregation, never aggregated themselves.
  return { time: 'none', org: 'none' };
}

function toOrgUnit(e: z.infer<typeof ZOrgUnitEntry>): OrgUnitInput {
  return {
    code: e.code,
    name: e.name,
    shortName: e.shortName ?? null,
    parentCode: e.parent ?? null,
    kind: e.kind ?? null,
    openingDate: e.opening ?? null,
    closingDate: e.closing ?? null,
    successorCode: e.successor ?? null,
    ...ids(e),
  };
}

/** DHIS2 identifiers of an entry, only those set (so objects without them read as before). */
function ids(e: { uid?: string | null | undefined; dhis2Code?: string | null | undefined }): { uid?: string; dhis2Code?: string } {
  return { ...(e.uid ? { uid: e.uid } : {}), ...(e.dhis2Code ? { dhis2Code: e.dhis2Code } : {}) };
}

function toDisaggregation(e: z.infer<typeof ZDisaggregationEntry>): Disaggregation {
  return { code: e.code, name: e.name, ...ids(e), options: e.options.map((o) => ({ code: o.code, name: o.name, ...ids(o) })) };
}

function toOptionCombo(e: z.infer<typeof ZOptionComboEntry>): OptionCombo {
  return { uid: e.uid, ...(e.code ? { code: e.code } : {}), name: e.name, options: { ...e.options } };
}

function toIndicator(e: z.infer<typeof ZIndicatorEntry>): Indicator {
  const valueType = e.valueType ?? 'NUMBER';
  return {
    code: e.code,
    name: e.name,
    unit: e.unit,
    kind: e.kind,
    valueType,
    disaggregations: e.disaggregations ?? [],
    ...(e.attributes && e.attributes.length > 0 ? { attributes: e.attributes } : {}),
    aggregation: e.aggregation ?? defaultAggregation(e.kind),
    expression: e.expression ?? null,
    decimals: e.decimals ?? defaultDecimals(valueType),
    accumulates: e.accumulates ?? null,
    partOf: e.partOf ?? null,
    description: e.description ?? null,
    ...ids(e),
  };
}

function toRule(e: z.infer<typeof ZValidationRuleEntry>): ValidationRule {
  return { ...e, missing: e.missing ?? 'SKIP_IF_ANY_VALUE_MISSING' };
}

function toBlock(b: z.infer<typeof ZBlock>): Block {
  switch (b.type) {
    case 'text': return { type: 'text', liquid: b.liquid };
    // Unset options are left out (not null) so an export shows only what was written.
    case 'items':
    case 'documents':
      return compact({ ...b }) as Block;
    case 'plan': return { type: 'plan' };
    case 'plan-review': return b.lead ? { type: 'plan-review', lead: b.lead } : { type: 'plan-review' };
  }
}

function toSection(s: SectionEntry): TemplateSection {
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    level: s.level,
    owner: s.owner ?? null,
    blocks: (s.blocks ?? []).map(toBlock),
    sections: (s.sections ?? []).map(toSection),
  };
}

export function toTemplate(e: z.infer<typeof ZTemplateEntry>): ReportTemplate {
  return {
    code: e.code,
    name: e.name,
    documentType: e.documentType ?? null,
    summary: e.summary,
    preamble: e.preamble ?? null,
    sections: e.sections.map(toSection),
    closing: e.closing,
    ...(e.reportingUnits ? { reportingUnits: e.reportingUnits } : {}),
  };
}

/** Checks each element of a list on its own so one bad entry doesn't hide the rest. */
function parseList<S extends z.ZodType, T>(
  value: unknown, key: string, schema: S, map: (entry: z.infer<S>) => T, problems: FileProblem[], codeOf: (entry: z.infer<S>) => string = (entry) => (entry as { code: string }).code,
): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ path: key, message: 'Phải là danh sách.' });
    return [];
  }
  const out: T[] = [];
  const seen = new Map<string, number>();
  value.forEach((raw: unknown, index) => {
    const result = schema.safeParse(raw, { reportInput: true });
    if (!result.success) {
      problems.push(...zodProblems(result.error, [key, index]));
      return;
    }
    const code = codeOf(result.data);
    const first = seen.get(code);
    if (first !== undefined) {
      problems.push({ path: formatIssuePath([key, index, 'code']), message: `Mã "${code}" bị trùng (đã có ở ${key}[${first}]).` });
      return;
    }
    seen.set(code, index);
    out.push(map(result.data));
  });
  return out;
}

export function parseMetadataFile(text: string, formatHint: MetadataFormat): MetadataParseResult {
  const empty: Metadata = { orgUnits: [], disaggregations: [], indicators: [], validationRules: [] };
  const { value, problems } = parseStructuredText(text, formatHint);
  if (problems.length > 0) return { metadata: empty, problems };
  if (value === null || value === undefined) return { metadata: empty, problems: [] };
  if (isDhis2Metadata(value)) return parseDhis2Metadata(value);
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { metadata: empty, problems: [{ path: '', message: 'Tệp siêu dữ liệu phải là một đối tượng với các mục orgUnits, disaggregations, indicators, validationRules, templates.' }] };
  }
  const doc = value as Record<string, unknown>;
  const out: FileProblem[] = [];
  for (const key of Object.keys(doc)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      out.push({ path: key, message: `Mục không được hỗ trợ: ${key} (chấp nhận: ${TOP_LEVEL_KEYS.join(', ')}).` });
    }
  }
  const metadata: Metadata = {
    orgUnits: parseList(doc['orgUnits'], 'orgUnits', ZOrgUnitEntry, toOrgUnit, out),
    disaggregations: parseList(doc['disaggregations'], 'disaggregations', ZDisaggregationEntry, toDisaggregation, out),
    indicators: parseList(doc['indicators'], 'indicators', ZIndicatorEntry, toIndicator, out),
    validationRules: parseList(doc['validationRules'], 'validationRules', ZValidationRuleEntry, toRule, out),
    ...(doc['templates'] === undefined ? {} : { templates: parseList(doc['templates'], 'templates', ZTemplateEntry, toTemplate, out) }),
    ...(doc['optionCombos'] === undefined ? {} : { optionCombos: parseList(doc['optionCombos'], 'optionCombos', ZOptionComboEntry, toOptionCombo, out, (combo) => combo.uid) }),
  };
  return { metadata, problems: out };
}

// ---------------------------------------------------------------------------
// Serializing: one key order, lists sorted by code, defaults written out.

const byCode = <T extends { readonly code: string }>(a: T, b: T): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Drops keys whose value is null or undefined, so the file shows only what is set. */
function compact<T extends Record<string, unknown>>(entry: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) if (v !== null && v !== undefined) out[k] = v;
  return out as Partial<T>;
}

function sectionOut(s: TemplateSection): Record<string, unknown> {
  return compact({
    id: s.id, number: s.number, title: s.title, level: s.level, owner: s.owner ?? null,
    blocks: s.blocks.map((b) => compact({ ...b })),
    sections: s.sections.map(sectionOut),
  });
}

/** The file document for metadata: plain data in the documented shape and order. */
export function metadataToDocument(metadata: Metadata): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    orgUnits: [...metadata.orgUnits].sort(byCode).map((u) => ({
      code: u.code,
      name: u.name,
      ...compact({ shortName: u.shortName ?? null }),
      // `parent` is always written: null says "root" on purpose.
      parent: u.parentCode,
      ...compact({ kind: u.kind ?? null, opening: u.openingDate ?? null, closing: u.closingDate ?? null, successor: u.successorCode ?? null }),
      ...compact({ uid: u.uid ?? null, dhis2Code: u.dhis2Code ?? null }),
    })),
    disaggregations: [...metadata.disaggregations].sort(byCode).map((d) => ({
      code: d.code, name: d.name, ...compact({ uid: d.uid ?? null, dhis2Code: d.dhis2Code ?? null }),
      options: d.options.map((o) => ({ code: o.code, name: o.name, ...compact({ uid: o.uid ?? null, dhis2Code: o.dhis2Code ?? null }) })),
    })),
    indicators: [...metadata.indicators].sort(byCode).map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      valueType: i.valueType,
      disaggregations: [...i.disaggregations],
      ...((i.attributes ?? []).length > 0 ? { attributes: [...(i.attributes ?? [])] } : {}),
      aggregation: { time: i.aggregation.time, org: i.aggregation.org },
      expression: i.expression ?? null,
      decimals: i.decimals,
      accumulates: i.accumulates ?? null,
      partOf: i.partOf ?? null,
      ...compact({ description: i.description ?? null, uid: i.uid ?? null, dhis2Code: i.dhis2Code ?? null }),
    })),
    validationRules: [...metadata.validationRules].sort(byCode).map((r) => ({
      code: r.code, name: r.name, left: r.left, operator: r.operator, right: r.right,
      severity: r.severity, message: r.message, missing: r.missing ?? 'SKIP_IF_ANY_VALUE_MISSING',
    })),
  };
  if (metadata.optionCombos !== undefined && metadata.optionCombos.length > 0) {
    doc['optionCombos'] = [...metadata.optionCombos].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)).map((c) => ({
      uid: c.uid, ...compact({ code: c.code ?? null }), name: c.name, options: Object.fromEntries(Object.entries(c.options).sort(([a], [b]) => (a < b ? -1 : 1))),
    }));
  }
  if (metadata.templates !== undefined) {
    doc['templates'] = [...metadata.templates].sort(byCode).map((t) => compact({
      code: t.code, name: t.name, documentType: t.documentType ?? null, summary: t.summary,
      preamble: t.preamble ?? null, sections: t.sections.map(sectionOut), closing: t.closing,
      reportingUnits: t.reportingUnits ?? null,
    }));
  }
  return doc;
}

export function serializeMetadata(metadata: Metadata, format: MetadataFormat): string {
  const doc = metadataToDocument(metadata);
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  // lineWidth 0: never fold long Vietnamese names across lines.
  return stringify(doc, { lineWidth: 0, indent: 2, nullStr: 'null' });
}
