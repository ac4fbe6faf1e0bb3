// Vietnamese words for the codes the data and the API carry, in one place for the
// server and the web app (which may import src/core): unit kinds, template block types,
// part statuses, timeliness and the audit trail's actions and fields. Codes stay the
// stable identifiers; users read these.
import type { BlockType } from './report-template.ts';
import type { PartStatus } from './workflow.ts';
import type { Timeliness } from './workflow.ts';

export { ROLE_LABELS } from './access.ts';
export { PLAN_STATUS_LABELS } from './report-instance.ts';
export { REPORT_STATUS_LABELS } from './workflow.ts';

/** OrgUnit.kind is free text; these are the kinds the demo and the decree use. */
export const UNIT_KIND_LABELS: Readonly<Record<string, string>> = {
  country: 'Quốc gia',
  ministry: 'Bộ',
  province: 'Tỉnh',
  city: 'Thành phố trực thuộc trung ương',
  agency: 'Cơ quan',
  department: 'Sở',
  division: 'Phòng',
  centre: 'Trung tâm',
  district: 'Huyện',
  commune: 'Xã',
  ward: 'Phường',
};

/** The label of a unit kind; an unknown kind is shown as written, none as "Đơn vị". */
export function unitKindLabel(kind: string | null | undefined): string {
  if (!kind) return 'Đơn vị';
  return UNIT_KIND_LABELS[kind] ?? kind;
}

export const BLOCK_TYPE_LABELS: Readonly<Record<BlockType, string>> = {
  text: 'Đoạn văn có số liệu',
  items: 'Nội dung do phòng viết',
  documents: 'Danh sách văn bản',
  plan: 'Kế hoạch kỳ sau',
  'plan-review': 'Đánh giá kế hoạch kỳ trước',
};

export const PART_STATUS_LABELS: Readonly<Record<PartStatus, string>> = {
  draft: 'đang soạn',
  submitted: 'đã gửi',
};

export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = {
  on_time: 'đúng hạn',
  late: 'trễ hạn',
  missing: 'chưa nộp',
};

/** What each audit action is, as a short heading (Lịch sử). */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'data_value.update': 'Sửa số liệu',
  'data_value.correct': 'Đính chính số liệu',
  'data_value.import': 'Nhập số liệu',
  'value_explanation.set': 'Ghi giải trình',
  'value_explanation.delete': 'Xóa giải trình',
  'report.create': 'Lập báo cáo',
  'report.submit': 'Gửi phần báo cáo',
  'report.return': 'Trả lại',
  'report.compile': 'Tổng hợp',
  'report.approve': 'Phê duyệt',
  'report.issue': 'Ban hành',
  'report.reopen': 'Mở lại',
  'report.import': 'Nhập báo cáo cũ',
  'report_item.create': 'Thêm nội dung',
  'report_item.update': 'Sửa nội dung',
  'report_item.delete': 'Xóa nội dung',
  'report_document.create': 'Thêm văn bản',
  'report_document.update': 'Sửa văn bản',
  'report_document.delete': 'Xóa văn bản',
  'report_plan_item.create': 'Thêm kế hoạch',
  'report_plan_item.update': 'Sửa kế hoạch',
  'report_plan_item.delete': 'Xóa kế hoạch',
  'metadata.import': 'Nhập danh mục',
  'demo.load': 'Nạp dữ liệu mẫu',
  'user.create': 'Tạo tài khoản',
  'user.grants': 'Đổi quyền',
  'user.disable': 'Khóa tài khoản',
  'user.enable': 'Mở khóa tài khoản',
  'api_token.issue': 'Cấp khóa API',
  'api_token.revoke': 'Thu hồi khóa API',
};

/** The fields audit events carry in before/after, as users read them. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  value: 'Giá trị',
  comment: 'Ghi chú',
  status: 'Trạng thái',
  number: 'Số văn bản',
  date: 'Ngày',
  reason: 'Lý do',
  returnReason: 'Lý do trả lại',
  submittedAt: 'Thời điểm gửi',
  text: 'Nội dung',
  section: 'Mục',
  order: 'Thứ tự',
  marker: 'Dấu đầu dòng',
  slot: 'Nhóm',
  owner: 'Đơn vị viết',
  type: 'Loại văn bản',
  label: 'Tên gọi',
  symbol: 'Ký hiệu',
  issuer: 'Cơ quan ban hành',
  summary: 'Trích yếu',
  cited: 'Được trích dẫn',
  forPeriod: 'Kỳ của kế hoạch',
  resultItemIds: 'Nội dung báo cáo kết quả',
  grants: 'Quyền',
  disabled: 'Bị khóa',
  name: 'Tên',
};
