import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportModel } from '../core/report-model.ts';
import { renderMarkdown } from './markdown.ts';
import { assertInOrder } from './testing/assert-order.ts';
import { buildSampleReportModel } from './testing/sample-model.ts';

describe('renderMarkdown', () => {
  const md = renderMarkdown(buildSampleReportModel());

  it('opens with the header block: bodies, number, national title, place and date, title and summary', () => {
    assertInOrder(md, [
      'UBND TỈNH TRÀ VINH',
      '**SỞ THÔNG TIN VÀ TRUYỀN THÔNG**',
      'Số: 05/BC-STTTT',
      '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**',
      '**Độc lập - Tự do - Hạnh phúc**',
      '*Trà Vinh, ngày 15 tháng 4 năm 2022*',
      '**BÁO CÁO**',
      '**Kết quả công tác thông tin và truyền thông tháng 4 năm 2022 và kế hoạch công tác tháng 5 năm 2022**',
    ]);
  });

  it('prints every heading level, bullet, sub-bullet, starred lead-in and plan line in order', () => {
    assertInOrder(md, [
      '\n**I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC**\n',
      '\n**1. Công tác tham mưu Tỉnh ủy, UBND tỉnh và ban hành văn bản chỉ đạo, điều hành**\n',
      '\n- Tham mưu Ủy ban nhân dân tỉnh ban hành Quyết định số 695/QĐ-UBND ngày 12/4/2022',
      '\n**a) Ứng dụng CNTT phục vụ hoạt động của cơ quan nhà nước**\n',
      'có 20.601 văn bản điện tử phát hành trên hệ thống, trong đó có 15.905 văn bản được ký số (tỷ lệ 77,20%).',
      '\n\\* *Cài đặt PC-Covid:* Trong tháng tăng 260 lượt cài đặt.',
      '\n- App công dân 1022 Trà Vinh:\n',
      '\n+ App android: 215 lượt cài đặt\n',
      '\n**6.1. Báo chí, xuất bản, thông tin đối ngoại**\n',
      '\n**6.3. Trang tin điện tử Sở Thông tin và Truyền thông**\n',
      '\n**II. CÔNG TÁC TỔNG HỢP**\n',
      '\n**III. KẾ HOẠCH CÔNG TÁC THÁNG 5 NĂM 2022**\n',
      '\n1. Tiếp tục tăng cường công tác tuyên truyền',
      '\n3. Tham mưu UBND tỉnh',
    ]);
  });

  it('ends the body with "./." then lists Nơi nhận and the signer', () => {
    assertInOrder(md, [
      'biết, chỉ đạo./.\n',
      '***Nơi nhận:***',
      '\n- Bộ TT&TT (b/c);\n',
      '\n- Lưu: VT.\n',
      '**KT. GIÁM ĐỐC**  \n**PHÓ GIÁM ĐỐC**',
      '**Nguyễn Văn Chuẩn**',
    ]);
    assert.ok(md.trimEnd().endsWith('**Nguyễn Văn Chuẩn**'));
  });

  it('prints a blank number and date before issue', () => {
    const draft: ReportModel = { ...buildSampleReportModel(), number: null, date: null };
    const out = renderMarkdown(draft);
    assert.ok(out.includes('Số:      /BC-STTTT'));
    assert.ok(out.includes('*Trà Vinh, ngày      tháng      năm*'));
  });

  it('escapes Markdown syntax typed in an item', () => {
    const model = buildSampleReportModel();
    const tricky: ReportModel = { ...model, preamble: [{ marker: '-', runs: [{ text: 'Tỷ lệ *tăng* [link](x) <b>' }] }] };
    assert.ok(renderMarkdown(tricky).includes('- Tỷ lệ \\*tăng\\* \\[link\\](x) \\<b>'));
  });
});
