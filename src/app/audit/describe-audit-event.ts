// The audit trail as people read it: each event as one Vietnamese sentence naming who,
// what and where ("Văn phòng Sở (mẫu) trả lại phần báo cáo của Phòng BCVT-CNTT (tháng
// 5 năm 2022): lý do "Thiếu số liệu iOffice"."), its kind as a heading and the fields
// it changed with their labels and values in the form's own style (20.601, 15/04/2022,
// "Đã thực hiện"), never JSON.
import { AUDIT_ACTION_LABELS, AUDIT_FIELD_LABELS, PART_STATUS_LABELS, PLAN_STATUS_LABELS, REPORT_STATUS_LABELS, ROLE_LABELS } from '../../core/labels.ts';
import { formatDateDmy, formatInstantVietnam, formatNumber } from '../../core/format.ts';
import type { Catalogue } from '../../core/indicator.ts';
import { parseDisaggKey } from '../../core/indicator.ts';
import type { OrgTree } from '../../core/org-unit.ts';
import { periodLabel, tryParsePeriod } from '../../core/period.ts';
import type { AuditEvent } from '../ports.ts';

export interface AuditChange {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface AuditDescription {
  readonly actionLabel: string;
  readonly summary: string;
  readonly changes: readonly AuditChange[];
}

export interface AuditNames {
  readonly tree: OrgTree;
  readonly catalogue: Catalogue;
  /** Display name of an actor (already resolved). */
  readonly actor: string;
  /** "mục II.1 «Hoạt động của Lãnh đạo Sở»" for a template section id, when known. */
  readonly section?: (id: string) => string | undefined;
}

type Fields = Readonly<Record<string, unknown>>;

const asFields = (value: unknown): Fields => (value && typeof value === 'object' && !Array.isArray(value) ? value as Fields : {});
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
/** Fields that say which record it is, not what changed. */
const KEY_FIELDS = new Set(['indicator', 'orgUnit', 'period', 'disagg', 'id', 'version', 'part', 'username', 'author', 'at']);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value in the style of the form: numbers vi-VN, dates dd/mm/yyyy, statuses in words. */
function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (Array.isArray(value)) return value.length === 0 ? '(trống)' : value.map((v) => show(field, v)).join('; ');
  if (typeof value === 'object') {
    const grant = value as { role?: unknown; orgUnit?: unknown };
    if (typeof grant.role === 'string' && typeof grant.orgUnit === 'string') return `${(ROLE_LABELS as Record<string, string>)[grant.role] ?? grant.role} tại ${grant.orgUnit}`;
    return Object.entries(value).map(([k, v]) => `${AUDIT_FIELD_LABELS[k] ?? k}: ${show(k, v)}`).join(', ');
  }
  const text = String(value);
  if (field === 'status') return (REPORT_STATUS_LABELS as Record<string, string>)[text] ?? (PLAN_STATUS_LABELS as Record<string, string>)[text] ?? (PART_STATUS_LABELS as Record<string, string>)[text] ?? text;
  if (ISO_DATE.test(text)) return formatDateDmy(text);
  if (ISO_INSTANT.test(text) && Number.isFinite(Date.parse(text))) return formatInstantVietnam(text);
  return text;
}

function changesOf(before: Fields, after: Fields): AuditChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !KEY_FIELDS.has(f));
  const out: AuditChange[] = [];
  for (const field of fields) {
    const a = show(field, before[field]);
    const b = show(field, after[field]);
    if (a !== b) out.push({ field, label: AUDIT_FIELD_LABELS[field] ?? field, before: a, after: b });
  }
  return out;
}

function excerpt(text: string | null, length = 80): string {
  if (!text) return '';
  return text.length > length ? `“${text.slice(0, length)}…”` : `“${text}”`;
}

export function describeAuditEvent(event: AuditEvent, names: AuditNames): AuditDescription {
  const before = asFields(event.before);
  const after = asFields(event.after);
  const who = names.actor;
  const unitName = (code: unknown) => (typeof code === 'string' ? names.tree.get(code)?.name ?? code : '');
  const periodText = (code: unknown) => {
    const parsed = typeof code === 'string' ? tryParsePeriod(code) : null;
    return parsed?.ok ? periodLabel(parsed.period) : String(code ?? '');
  };
  const where = `${event.orgUnit ? ` của ${unitName(event.orgUnit)}` : ''}${event.period ? ` (${periodText(event.period)})` : ''}`;
  const figure = (fields: Fields) => {
    const code = str(fields['indicator']) ?? '';
    const indicator = names.catalogue.indicator(code);
    const options = Object.entries(parseDisaggKey(str(fields['disagg']) ?? '')).map(([dim, opt]) =>
      names.catalogue.disaggregation(dim)?.options.find((o) => o.code === opt)?.name ?? opt);
    return `«${indicator?.name ?? code}»${options.length > 0 ? ` (${options.join(', ')})` : ''}`;
  };
  const reason = str(after['reason']) ?? str(after['returnReason']);
  const part = str(after['part']) ?? str(before['part']);
  const kind = event.action.split('.')[0] ?? '';
  const op = event.action.split('.')[1] ?? '';
  const verb = op === 'create' ? 'thêm' : op === 'update' ? 'sửa' : op === 'delete' ? 'xóa' : op;
  const entry = op === 'delete' ? before : after;
  const changes = op === 'create' || op === 'delete' ? [] : changesOf(before, after);

  let summary: string;
  switch (event.action) {
    case 'data_value.update':
    case 'data_value.correct':
      summary = `${who} ${event.action === 'data_value.correct' ? 'đính chính' : 'sửa'} số liệu ${figure(after)}${where}: ${show('value', before['value'])} → ${show('value', after['value'])}.`;
      break;
    case 'data_value.import': {
      const units = Array.isArray(after['orgUnits']) ? (after['orgUnits'] as unknown[]).map(unitName).join(', ') : '';
      summary = `${who} nhập ${show('n', after['rows'])} số liệu (${show('n', after['imported'] ?? 0)} mới, ${show('n', after['updated'] ?? 0)} cập nhật)${units ? ` cho ${units}` : ''}${event.period ? ` (${periodText(event.period)})` : ''}.`;
      break;
    }
    case 'value_explanation.set':
      summary = `${who} ghi giải trình cho số liệu ${figure(after)}${where}: ${excerpt(str(after['text']), 200)}.`;
      break;
    case 'value_explanation.delete':
      summary = `${who} xóa giải trình của số liệu ${figure(before)}${where}.`;
      break;
    case 'report.create':
      summary = `${who} lập báo cáo${where}${typeof after['carriedPlanItems'] === 'number' && after['carriedPlanItems'] > 0 ? `, chép ${show('n', after['carriedPlanItems'])} dòng kế hoạch kỳ trước để đánh giá` : ''}.`;
      break;
    case 'report.submit':
      summary = `${who} gửi phần báo cáo của ${unitName(part)}${event.period ? ` (${periodText(event.period)})` : ''}.`;
      break;
    case 'report.return':
      summary = part
        ? `${who} trả lại phần báo cáo của ${unitName(part)}${event.period ? ` (${periodText(event.period)})` : ''}${reason ? `: lý do “${reason}”` : ''}.`
        : `${who} trả lại báo cáo${where}${reason ? `: lý do “${reason}”` : ''}.`;
      break;
    case 'report.compile': summary = `${who} tổng hợp báo cáo${where}.`; break;
    case 'report.approve': summary = `${who} phê duyệt báo cáo${where}.`; break;
    case 'report.issue':
      summary = `${who} ban hành báo cáo${where}${typeof after['number'] === 'number' ? `, số ${String(after['number']).padStart(2, '0')}` : ''}${str(after['date']) ? `, ngày ${show('date', after['date'])}` : ''}.`;
      break;
    case 'report.reopen': summary = `${who} mở lại báo cáo${where}${reason ? `: lý do “${reason}”` : ''}.`; break;
    case 'report.import': summary = `${who} nhập báo cáo cũ vào báo cáo${where}.`; break;
    case 'metadata.import': summary = `${who} nhập danh mục (đơn vị, chỉ tiêu, quy tắc, đề cương).`; break;
    case 'demo.load': summary = `${who} nạp dữ liệu mẫu.`; break;
    case 'user.create': summary = `${who} tạo tài khoản ${str(after['username']) ?? ''}.`; break;
    case 'user.grants': summary = `${who} đổi quyền của tài khoản ${str(after['username']) ?? ''}.`; break;
    case 'user.disable': summary = `${who} khóa tài khoản ${str(after['username']) ?? ''}.`; break;
    case 'user.enable': summary = `${who} mở khóa tài khoản ${str(after['username']) ?? ''}.`; break;
    case 'api_token.issue': summary = `${who} cấp khóa API “${str(after['name']) ?? ''}” cho ${str(after['username']) ?? ''}.`; break;
    case 'api_token.revoke': summary = `${who} thu hồi một khóa API.`; break;
    default:
      if (kind === 'report_item') {
        const section = str(entry['section']) ?? '';
        summary = `${who} ${verb} nội dung ở ${names.section?.(section) ?? `mục ${section}`} của báo cáo${where}: ${excerpt(str(entry['text']))}.`;
      }
      else if (kind === 'report_document') summary = `${who} ${verb} văn bản ${[str(entry['type']), str(entry['number']) && str(entry['symbol']) ? `${str(entry['number'])}/${str(entry['symbol'])}` : null].filter(Boolean).join(' ')} trong sổ văn bản của báo cáo${where}.`;
      else if (kind === 'report_plan_item') summary = `${who} ${verb} dòng kế hoạch của báo cáo${where}: ${excerpt(str(entry['text']))}${op === 'update' && after['status'] !== before['status'] ? ` (${show('status', after['status'])})` : ''}.`;
      else summary = `${who}: ${AUDIT_ACTION_LABELS[event.action] ?? 'thao tác khác'}${where}.`;
  }
  return { actionLabel: AUDIT_ACTION_LABELS[event.action] ?? 'Thao tác khác', summary: summary.replace(/\s+/g, ' '), changes };
}
