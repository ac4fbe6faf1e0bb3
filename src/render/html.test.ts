import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportModel } from '../core/report-model.ts';
import { escapeHtml, renderHtml, renderHtmlFragment } from './html.ts';
import { assertInOrder, readingOrder } from './testing/assert-order.ts';
import { buildSampleReportModel } from './testing/sample-model.ts';

describe('renderHtml', () => {
  const model = buildSampleReportModel();
  const html = renderHtml(model);

  it('is a standalone Vietnamese UTF-8 page in a Times New Roman stack on an A4 sheet', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(html.includes('<html lang="vi">'));
    assert.ok(html.includes('<meta charset="utf-8">'));
    assert.match(html, /font-family: "Times New Roman", "Liberation Serif"[^;]*serif;/);
    assert.ok(html.includes('width: 210mm'));
    assert.ok(html.includes('@page { size: A4; margin: 20mm 15mm 20mm 30mm; }'));
  });

  it('lays out the header, every heading and paragraph, "./.", Nơi nhận and the signer in order', () => {
    assertInOrder(html, [
      'UBND TỈNH TRÀ VINH',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/BC-STTTT',
      'Trà Vinh, ngày 15 tháng 4 năm 2022',
      'BÁO CÁO',
      ...readingOrder(model, (p) => p.runs.map((r) => escapeHtml(r.text))),
      'chỉ đạo./.</p>',
      'Nơi nhận:',
      '- Bộ TT&amp;TT (b/c);',
      '- Lưu: VT.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn Chuẩn',
    ]);
  });

  it('keeps markers and emphasis: "- " bullets, "+ " sub-bullets, italic starred lead-ins', () => {
    assert.ok(html.includes('<p>- App công dân 1022 Trà Vinh:</p>'));
    assert.ok(html.includes('<p>+ App android: 215 lượt cài đặt</p>'));
    assert.ok(html.includes('<p>* <em>Cài đặt PC-Covid:</em> Trong tháng'));
    assert.ok(html.includes('<h2>I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC</h2>'));
    assert.ok(html.includes('<h4>a) Ứng dụng CNTT phục vụ hoạt động của cơ quan nhà nước</h4>'));
  });

  it('prints a script typed in an item as inert text', () => {
    const evil: ReportModel = {
      ...model,
      preamble: [{ marker: '-', runs: [{ text: '<script>alert("x")</script> & <img src=x onerror=alert(1)>' }] }],
      signer: { ...model.signer, name: '<b>Tên</b>' },
    };
    const out = renderHtml(evil);
    assert.ok(!out.includes('<script>'));
    assert.ok(!out.includes('<img'));
    assert.ok(out.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(out.includes('&lt;b&gt;Tên&lt;/b&gt;'));
  });

  it('offers the body alone for the web preview', () => {
    const fragment = renderHtmlFragment(model);
    assert.ok(fragment.startsWith('<article class="baocao-report">'));
    assert.ok(!fragment.includes('<html'));
    assert.ok(html.includes(fragment));
  });
});
