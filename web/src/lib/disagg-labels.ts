// Names of disaggregation options for column headers. The API's indicator list
// gives only dimension codes, so the names of the known dimensions live here (the
// demo's catalogue); an unknown option shows its code.
import { parseDisaggKey } from '../../../src/core/indicator.ts';

const OPTION_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  level: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
  channel: { direct: 'Trực tiếp', online: 'Trực tuyến' },
  service_level: { l3: 'Mức 3', l4: 'Mức 4', other: 'Mức 1-2' },
  holder: { organization: 'Tổ chức', individual: 'Cá nhân' },
  conference_level: { central: 'Cấp trung ương', province: 'Cấp tỉnh' },
  meeting_platform: { mcu: 'MCU tỉnh', jitsi: 'Jitsi Meet' },
  marketplace: { postmart: 'Postmart.vn', voso: 'Voso.vn' },
  app_platform: { android: 'Android', ios: 'iOS' },
  petition_status: { handled: 'Đã xử lý', in_progress: 'Đang xử lý' },
  post_kind: {
    news: 'Tin bài', directive: 'VB chỉ đạo', legal: 'VB QPPL', plan: 'Kế hoạch', statistics: 'Báo cáo TK', plan_2: 'Kế hoạch (2)',
    it: 'VB CNTT', telecom: 'VB BCVT', press: 'VB TTBCXB', recruitment: 'Tuyển dụng', notice: 'Thông báo',
  },
};

/** The known options of a dimension, in catalogue order. */
export function knownOptions(dimension: string): string[] {
  return Object.keys(OPTION_NAMES[dimension] ?? {});
}

/** `''` or `default` → "Tổng"; `channel=online;level=province` → "Trực tuyến · Cấp tỉnh". */
export function disaggLabel(key: string): string {
  if (key === '' || key === 'default') return 'Tổng';
  const options = parseDisaggKey(key);
  return Object.entries(options).map(([dim, opt]) => OPTION_NAMES[dim]?.[opt] ?? opt).join(' · ');
}

/** The API writes the total as `default`; the core's key for it is ''. */
export function coreKey(combo: string): string {
  return combo === 'default' ? '' : combo;
}
