// A DHIS2 metadata export (GET /api/metadata, JSON) as baocao's metadata, so that a
// DHIS2 instance's org units, data elements and categories set baocao up:
//   organisationUnits    → org units (parent by id; opening/closed dates)
//   categoryOptions      → options of the categories that list them
//   categories           → disaggregations (the default category is the total, left out)
//   categoryCombos       → which categories a data element is disaggregated by
//   categoryOptionCombos → option combinations, by which files name disaggregations
//   dataElements         → indicators (value type, aggregation type, category combo)
//   dataSets             → the attribute categories of their data elements (DHIS2's
//                          attribute category combo); the sets themselves are not kept
// Every object keeps its DHIS2 uid; its code becomes ours (the uid when it has none, or
// when the code cannot name an ADX attribute). Fields baocao has no place for (sharing,
// translations…) are not read; whole collections it has no place for are named in a
// notice. Problems name the collection and the object.
import { isXmlName } from '../core/indicator.ts';
import type { Disaggregation, Indicator, IndicatorKind, OptionCombo, OrgAggregation, TimeAggregation } from '../core/indicator.ts';
import { defaultDecimals } from '../core/indicator.ts';
import type { OrgUnitInput } from '../core/org-unit.ts';
import { toValueType, VALUE_TYPES } from '../core/value-type.ts';
import type { FileProblem, Metadata, MetadataParseResult } from './metadata-file.ts';

type Json = Record<string, unknown>;

const COLLECTIONS = ['organisationUnits', 'categoryOptions', 'categories', 'categoryCombos', 'categoryOptionCombos', 'dataElements', 'dataSets'] as const;
/** Parts of an export that describe the export itself. */
const ENVELOPE = new Set(['system', 'date', 'version']);

/** True for a DHIS2 metadata document (any of its collections), not baocao's own file. */
export function isDhis2Metadata(value: unknown): value is Json {
  return isObject(value) && COLLECTIONS.some((key) => Array.isArray(value[key])) && !('indicators' in value) && !('orgUnits' in value);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function idOf(value: unknown): string | undefined {
  return isObject(value) ? text(value.id) : undefined;
}

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.map(idOf).filter((id): id is string => id !== undefined) : [];
}

/** DHIS2's aggregationType as our kind and rules: sums are flows, "last" types stocks. */
function aggregationOf(type: string | undefined): { kind: IndicatorKind; time: TimeAggregation; org: OrgAggregation } {
  switch (type) {
    case 'LAST': case 'LAST_IN_PERIOD': case 'LAST_AVERAGE_ORG_UNIT': case 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT': case 'LAST_LAST_ORG_UNIT':
      return { kind: 'stock', time: 'last', org: type.endsWith('AVERAGE_ORG_UNIT') ? 'average' : 'sum' };
    case 'AVERAGE': return { kind: 'flow', time: 'average', org: 'average' };
    case 'AVERAGE_SUM_ORG_UNIT': return { kind: 'flow', time: 'average', org: 'sum' };
    default: return { kind: 'flow', time: 'sum', org: 'sum' };
  }
}

/** The default category, option, combo and combination: DHIS2's "no disaggregation". */
function isDefault(object: Json): boolean {
  return text(object.name) === 'default' || object.isDefault === true;
}

export function parseDhis2Metadata(doc: Json): MetadataParseResult {
  const problems: FileProblem[] = [];
  const notices: string[] = [];
  const list = (key: (typeof COLLECTIONS)[number]): Json[] => (Array.isArray(doc[key]) ? (doc[key] as unknown[]).filter(isObject) : []);
  const unread = Object.keys(doc).filter((key) => !(COLLECTIONS as readonly string[]).includes(key) && !ENVELOPE.has(key));
  if (unread.length > 0) notices.push(`Không đọc các phần ${unread.join(', ')} của tệp DHIS2: baocao không có chỗ cho chúng.`);
  const need = (key: string, index: number, object: Json): string | undefined => {
    const id = text(object.id);
    if (!id) problems.push({ path: `${key}[${index}].id`, message: 'Thiếu uid (id) của DHIS2.' });
    return id;
  };
  /** Our code: DHIS2's code when it can serve (as an XML name where ADX needs one), else the uid. */
  const codeOf = (object: Json, id: string, xml = false): { code: string; dhis2Code?: string } => {
    const code = text(object.code);
    if (code && (!xml || isXmlName(code))) return { code };
    return code ? { code: id, dhis2Code: code } : { code: id };
  };

  // Options and categories.
  const options = new Map<string, { code: string; name: string; uid: string; dhis2Code?: string }>();
  list('categoryOptions').forEach((option, i) => {
    const id = need('categoryOptions', i, option);
    if (!id || isDefault(option)) return;
    options.set(id, { ...codeOf(option, id), name: text(option.name) ?? id, uid: id });
  });
  const categories = new Map<string, Disaggregation>();
  list('categories').forEach((category, i) => {
    const id = need('categories', i, category);
    if (!id || isDefault(category)) return;
    const members = ids(category.categoryOptions).map((optionId) => {
      const option = options.get(optionId);
      if (!option) problems.push({ path: `categories[${i}].categoryOptions`, message: `Phân tổ "${text(category.name) ?? id}" dùng mục ${optionId} không có trong categoryOptions.` });
      return option;
    }).filter((option) => option !== undefined);
    if (members.length === 0) {
      problems.push({ path: `categories[${i}]`, message: `Phân tổ "${text(category.name) ?? id}" không có mục nào.` });
      return;
    }
    categories.set(id, { ...codeOf(category, id, true), name: text(category.name) ?? id, uid: id, options: members });
  });
  const combos = new Map<string, string[]>();
  list('categoryCombos').forEach((combo, i) => {
    const id = need('categoryCombos', i, combo);
    if (!id) return;
    combos.set(id, isDefault(combo) ? [] : ids(combo.categories).filter((categoryId) => {
      if (categories.has(categoryId)) return true;
      problems.push({ path: `categoryCombos[${i}].categories`, message: `Tổ hợp phân tổ "${text(combo.name) ?? id}" dùng phân tổ ${categoryId} không có trong categories.` });
      return false;
    }));
  });
  const categoryCodes = (comboId: string | undefined, path: string): string[] => {
    if (!comboId) return [];
    const found = combos.get(comboId);
    if (!found) {
      problems.push({ path, message: `Tổ hợp phân tổ (categoryCombo) ${comboId} không có trong categoryCombos.` });
      return [];
    }
    return found.map((categoryId) => categories.get(categoryId)?.code ?? categoryId);
  };

  // Option combinations: each option placed in the category of its combo that lists it.
  const optionCombos: OptionCombo[] = [];
  list('categoryOptionCombos').forEach((combo, i) => {
    const id = need('categoryOptionCombos', i, combo);
    if (!id) return;
    const comboCategories = (combos.get(idOf(combo.categoryCombo) ?? '') ?? []).map((categoryId) => categories.get(categoryId)).filter((c) => c !== undefined);
    const chosen: Record<string, string> = {};
    for (const optionId of ids(combo.categoryOptions)) {
      const category = comboCategories.find((c) => c.options.some((o) => o.uid === optionId));
      const option = category?.options.find((o) => o.uid === optionId);
      if (category && option) chosen[category.code] = option.code;
      else if (!isDefault(combo)) problems.push({ path: `categoryOptionCombos[${i}].categoryOptions`, message: `Tổ hợp "${text(combo.name) ?? id}": mục ${optionId} không thuộc phân tổ nào của tổ hợp ${idOf(combo.categoryCombo) ?? '(không ghi)'}.` });
    }
    optionCombos.push({ uid: id, ...(text(combo.code) ? { code: text(combo.code) } : {}), name: text(combo.name) ?? id, options: isDefault(combo) ? {} : chosen });
  });

  // Data sets: the attribute categories of their data elements.
  // A data element in several sets takes the attribute categories of all of them: a value
  // of a set without attributes is stored with none (a subset, as for disaggregations).
  const attributesOf = new Map<string, { codes: string[] }>();
  list('dataSets').forEach((dataSet, i) => {
    const id = need('dataSets', i, dataSet);
    if (!id) return;
    const codes = categoryCodes(idOf(dataSet.categoryCombo), `dataSets[${i}].categoryCombo`);
    for (const element of Array.isArray(dataSet.dataSetElements) ? dataSet.dataSetElements : []) {
      const elementId = isObject(element) ? idOf(element.dataElement) : undefined;
      if (!elementId) continue;
      const before = attributesOf.get(elementId)?.codes ?? [];
      attributesOf.set(elementId, { codes: [...before, ...codes.filter((code) => !before.includes(code))] });
    }
  });
  if (list('dataSets').length > 0) notices.push(`Đã đọc ${list('dataSets').length} biểu (dataSets) để lấy phân tổ thuộc tính của chỉ tiêu; baocao không lưu biểu của DHIS2 (biểu của baocao là đề cương báo cáo).`);

  const indicators: Indicator[] = [];
  list('dataElements').forEach((element, i) => {
    const id = need('dataElements', i, element);
    if (!id) return;
    const name = text(element.name) ?? id;
    if (text(element.domainType) === 'TRACKER') {
      notices.push(`Bỏ qua chỉ tiêu "${name}" (${id}): thuộc chương trình theo dõi cá thể (domainType TRACKER), không phải số liệu tổng hợp.`);
      return;
    }
    const writtenType = text(element.valueType) ?? 'NUMBER';
    const valueType = toValueType(writtenType);
    if (!valueType || !(VALUE_TYPES as readonly string[]).includes(writtenType.toUpperCase())) {
      problems.push({ path: `dataElements[${i}].valueType`, message: `Chỉ tiêu "${name}" có kiểu giá trị ${writtenType} mà baocao không hỗ trợ (chấp nhận: ${VALUE_TYPES.join(', ')}).` });
      return;
    }
    const { kind, time, org } = aggregationOf(text(element.aggregationType));
    indicators.push({
      ...codeOf(element, id), uid: id, name, unit: '', kind, valueType,
      disaggregations: categoryCodes(idOf(element.categoryCombo), `dataElements[${i}].categoryCombo`),
      ...((attributesOf.get(id)?.codes.length ?? 0) > 0 ? { attributes: attributesOf.get(id)?.codes ?? [] } : {}),
      aggregation: { time, org },
      expression: null, decimals: defaultDecimals(valueType), accumulates: null, partOf: null,
      description: text(element.description) ?? null,
    });
  });

  // Org units: the parent by uid, as our code.
  const units = list('organisationUnits');
  const unitCode = new Map<string, string>();
  units.forEach((unit, i) => {
    const id = need('organisationUnits', i, unit);
    if (id) unitCode.set(id, codeOf(unit, id).code);
  });
  const orgUnits: OrgUnitInput[] = [];
  units.forEach((unit, i) => {
    const id = text(unit.id);
    if (!id) return;
    const parentId = idOf(unit.parent);
    const parentCode = parentId ? unitCode.get(parentId) : undefined;
    if (parentId && !parentCode) problems.push({ path: `organisationUnits[${i}].parent`, message: `Đơn vị "${text(unit.name) ?? id}" có đơn vị cha ${parentId} không có trong tệp.` });
    orgUnits.push({
      ...codeOf(unit, id), uid: id, name: text(unit.name) ?? id, shortName: text(unit.shortName) ?? null,
      parentCode: parentCode ?? null, kind: null,
      openingDate: text(unit.openingDate)?.slice(0, 10) ?? null, closingDate: text(unit.closedDate)?.slice(0, 10) ?? null, successorCode: null,
    });
  });

  const metadata: Metadata = { orgUnits, disaggregations: [...categories.values()], indicators, validationRules: [], optionCombos };
  return { metadata, problems, notices };
}
