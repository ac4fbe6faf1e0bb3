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
