import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportModel, parseRuns, resolvedSectionTitles, textToParagraphs } from './build-report-model.ts';
import type { ReportValueSource } from './build-report-model.ts';
import { Catalogue, defineIndicator, disaggKey } from './indicator.ts';
import { formatPeriod, offsetPeriod } from './period.ts';
import type { ReportInstance } from './report-instance.ts';
import type { ReportModel, ReportSection } from './report-model.ts';
import type { Block, ReportTemplate } from './report-template.ts';

const { catalogue } = Catalogue.build({
  disaggregations: [{ code: 'channel', name: 'Kênh', options: [{ code: 'direct', name: 'Trực tiếp' }, { code: 'online', name: 'Trực tuyến' }] }],
  indicators: [
    defineIndicator({ code: 'docs.issued', name: 'Văn bản phát hành', unit: 'văn bản', kind: 'flow', valueType: 'INTEGER' }),
    defineIndicator({ code: 'docs.signed', name: 'Văn bản ký số', unit: 'văn bản', kind: 'flow', valueType: 'INTEGER' }),
    defineIndicator({ code: 'dossiers', name: 'Hồ sơ', unit: 'hồ sơ', kind: 'flow', valueType: 'INTEGER', disaggregations: ['channel'] }),
    defineIndicator({ code: 'scans', name: 'Lượt quét', unit: 'lượt', kind: 'stock', valueType: 'INTEGER' }),
    defineIndicator({ code: 'pending.value', name: 'Chưa nhập', unit: 'lượt', kind: 'flow', valueType: 'INTEGER' }),
  ],
});

/** Values by `indicator|period|key`; a tiny stand-in for the Aggregator. */
const STORED: Record<string, number> = {
  'docs.issued|2022-04|': 20601, 'docs.signed|2022-04|': 15905,
  'dossiers|2022-04|': 22967, 'dossiers|2022-04|channel=online': 2312,
  'scans|2022-04|': 2053756, 'scans|2022-03|': 1948356,
  'docs.issued|2022-03|': 19000, 'docs.issued|2022-02|': 18000, 'docs.issued|2022-01|': 17000,
};
const source: ReportValueSource = {
  value: (ref, period) => STORED[`${ref.indicator}|${formatPeriod(period)}|${disaggKey(ref.filter)}`] ?? null,
  change(indicator, period, orgUnit, offset = -1, filter = {}) {
    const current = this.value({ indicator, filter }, period, orgUnit);
    const previous = this.value({ indicator, filter }, offsetPeriod(period, offset), orgUnit);
    return { current, previous, delta: current === null || previous === null ? null : current - previous };
  },
  yearToDate(indicator, period, orgUnit, filter = {}) {
    let sum = 0;
    for (let m = 1; m <= period.index; m++) sum += this.value({ indicator, filter }, { type: 'month', year: period.year, index: m }, orgUnit) ?? 0;
    return sum;
  },
};

function template(blocks: Block[], extra: Partial<ReportTemplate> = {}): ReportTemplate {
  return {
    code: 't', name: 'Mẫu', summary: 'Kết quả {{ ky }} và kế hoạch {{ ky_sau }}', closing: 'Trên đây là báo cáo {{ ky }}.',
    sections: [
      { id: 'i', number: 'I', title: 'PHẦN MỘT', level: 1, blocks: [], sections: [
        { id: 'i.1', number: '1', title: 'Mục có số liệu', level: 2, blocks, sections: [] },
        { id: 'i.2', number: '2', title: 'Mục sau', level: 2, blocks: [{ type: 'text', liquid: '- Vẫn dựng tiếp: {{ docs.issued | so }}.' }], sections: [] },
      ] },
    ],
    ...extra,
  };
}

const INSTANCE: ReportInstance = {
  template: 't', orgUnit: 'u', period: '2022-04', number: 5, date: '2022-04-15', place: 'Trà Vinh',
  governingBody: 'UBND TỈNH TRÀ VINH', issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', symbol: 'BC-STTTT',
  recipients: ['Bộ TT&TT (b/c);', 'Lưu: VT.'], signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Chuẩn' },
  items: [], documents: [], plan: [],
};

const build = (blocks: Block[], instance: Partial<ReportInstance> = {}, extra: Partial<ReportTemplate> = {}): ReportModel =>
  buildReportModel({ template: template(blocks, extra), instance: { ...INSTANCE, ...instance }, catalogue, source });
const section = (model: ReportModel, id: string): ReportSection | undefined => {
  const all = (list: readonly ReportSection[]): ReportSection[] => list.flatMap((s) => [s, ...all(s.sections)]);
  return all(model.sections).find((s) => s.id === id);
};
const texts = (s: ReportSection | undefined): string[] => (s?.paragraphs ?? []).map((p) => ('runs' in p ? `${p.marker}|${p.runs.map((r) => r.text).join('')}` : `table|${p.rows.map((r) => r.join(' | ')).join(' / ')}`));

const FILTER_CASES: [string, string][] = [
  ['{{ docs.issued | so }}', '20.601'],
  ['{{ docs.signed | ti_le: docs.issued }}', '77,20%'],
  ['{{ dossiers | theo: "channel=online" | so }}', '2.312'],
  ['{{ dossiers | theo: "channel=online" | ti_le: dossiers }}', '10,07%'],
  ['{{ scans.thay_doi | tang_giam }}', 'tăng 105.400'],
  ['{{ scans.truoc | so }}', '1.948.356'],
  ['{{ docs.issued.luy_ke | so }}', '74.601'],
  ['{{ 3 | so_2 }} {{ 13 | so_2 }}', '03 13'],
  ['{{ 0 | hoac_khong }}', 'Không có'],
  ['{{ 20.4753 | phan_tram }}', '20,48%'],
  ['{{ 0.0402 | tang_giam: "%" }}', 'tăng 0,04%'],
  ['{{ -3 | tang_giam }}', 'giảm 3'],
  ['{{ "2022-04-06" | ngay }}', 'ngày 06 tháng 4 năm 2022'],
  ['{{ "2022-04-12" | ngay_ngan }}', '12/4/2022'],
  ['{{ docs.issued.ten }} ({{ docs.issued.don_vi }})', 'Văn bản phát hành (văn bản)'],
];

for (const [liquid, expected] of FILTER_CASES) {
  test(`Liquid ${liquid} → ${expected}`, () => {
    const model = build([{ type: 'text', liquid }]);
    assert.deepEqual(model.findings, []);
    assert.deepEqual(texts(section(model, 'i.1')), [`|${expected}`]);
  });
}

const ERROR_CASES: { name: string; liquid: string; message: RegExp; severity: string; rule?: string }[] = [
  { name: 'unknown indicator', liquid: 'a\n{{ docs.nope | so }}', message: /Mục 1 "Mục có số liệu" \(i\.1\), khối 1, dòng 2, cột \d+: không có chỉ tiêu hay biến "docs\.nope"/, severity: 'error' },
  { name: 'unknown filter', liquid: '{{ docs.issued | dinh_dang }}', message: /dòng 1.*không có bộ lọc "dinh_dang"/, severity: 'error' },
  { name: "the host's clock", liquid: "{{ 'now' | date: '%d/%m/%Y' }}", message: /khối 1: bộ lọc date không dùng được.*ngay_ngan/, severity: 'error' },
  { name: 'bad syntax', liquid: 'x {% if %}', message: /khối 1, dòng 1.*lỗi cú pháp mẫu/, severity: 'error' },
  { name: 'unknown option in theo', liquid: '{{ dossiers | theo: "channel=fax" | so }}', message: /Mục 1.*bộ lọc theo: .*"fax"/, severity: 'error' },
  { name: 'missing value', liquid: '{{ pending.value | so }}', message: /^Mục I\.1 «Mục có số liệu»: chưa có số liệu «Chưa nhập»\.$/, severity: 'warning', rule: 'report:missing_value:i.1' },
];

for (const c of ERROR_CASES) {
  test(`a template with ${c.name} yields a finding naming section and line, and the report still builds`, () => {
    const model = build([{ type: 'text', liquid: c.liquid }, { type: 'text', liquid: 'Khối sau vẫn có: {{ docs.signed | so }}' }]);
    const finding = model.findings.find((f) => f.rule === (c.rule ?? 'template:i.1'));
    assert.equal(finding?.refs?.section, 'i.1', 'the finding links to its section');
    assert.ok(finding, JSON.stringify(model.findings));
    assert.match(finding.message, c.message);
    assert.equal(finding.severity, c.severity);
    assert.equal(finding.period, '2022-04');
    assert.ok(texts(section(model, 'i.1')).includes('|Khối sau vẫn có: 15.905'));
    assert.deepEqual(texts(section(model, 'i.2')), ['-|Vẫn dựng tiếp: 20.601.']);
  });
}

test('a missing value prints "…", never 0', () => {
  assert.deepEqual(texts(section(build([{ type: 'text', liquid: '{{ pending.value | so }}' }]), 'i.1')), ['|…']);
});

test('header, summary and closing are resolved', () => {
  const model = build([]);
  assert.equal(model.number, '05/BC-STTTT');
  assert.equal(model.documentType, 'BÁO CÁO');
  assert.equal(model.summary, 'Kết quả tháng 4 năm 2022 và kế hoạch tháng 5 năm 2022');
  assert.deepEqual(model.closing.map((p) => p.runs.map((r) => r.text).join('')), ['Trên đây là báo cáo tháng 4 năm 2022.']);
  assert.equal(build([], { number: null }).number, null);
});

test('a report not yet issued is a draft: no number and no date, whatever the instance holds', () => {
  const draft = buildReportModel({ template: template([]), instance: INSTANCE, catalogue, source, draft: true });
  assert.deepEqual([draft.draft, draft.number, draft.date], [true, null, null]);
  const issued = buildReportModel({ template: template([]), instance: INSTANCE, catalogue, source });
  assert.deepEqual([issued.draft, issued.number, issued.date], [undefined, '05/BC-STTTT', INSTANCE.date]);
});

test('items follow their order and slot; a joined block keeps a duplicate visible as two entries', () => {
  const model = build(
    [{ type: 'items', slot: 'hop', lead: 'Tham dự: ', separator: '; ', ending: ',...' }, { type: 'items' }],
    { items: [
      { id: 'b', section: 'i.1', order: 2, text: 'Hai {{ docs.signed | so }}' },
      { id: 'a', section: 'i.1', order: 1, text: '*Một:* nội dung', marker: '*' },
      { id: 'h1', section: 'i.1', order: 1, slot: 'hop', text: 'Họp A' },
      { id: 'h2', section: 'i.1', order: 2, slot: 'hop', text: 'Họp A' },
      { id: 'lost', section: 'i.9', order: 1, text: 'Không có mục' },
    ] },
  );
  assert.deepEqual(texts(section(model, 'i.1')), ['-|Tham dự: Họp A; Họp A,...', '*|Một: nội dung', '-|Hai 15.905']);
  const p = section(model, 'i.1')?.paragraphs[1];
  assert.deepEqual(p && 'runs' in p ? p.runs : null, [{ text: 'Một:', italic: true }, { text: ' nội dung' }]);
  const lost = model.findings.find((f) => f.rule === 'report:item-not-shown');
  assert.equal(lost?.message, 'Nội dung “Không có mục” (mục "i.9" (không có trong đề cương)) không thuộc khối nào của đề cương nên không được đưa vào báo cáo.');
  assert.deepEqual(lost?.refs, { section: 'i.9', items: ['lost'] });
});

test('a documents block counts the register, cites the quoted ones and ends in ";..." when some are not quoted', () => {
  const documents = [
    { id: 'd1', section: 'i.1', type: 'Kế hoạch', number: '31', symbol: 'KH-STTTT', issuer: 'x', date: '2022-03-29', summary: 'về việc A' },
    { id: 'd2', section: 'i.1', type: 'Kế hoạch', issuer: 'x', summary: 'Kế hoạch B' },
    { id: 'd3', section: 'i.1', type: 'Công văn', issuer: 'x', summary: 'về C' },
    { id: 'd4', section: 'i.1', type: 'Công văn', issuer: 'x', summary: 'không nêu', cited: false },
  ];
  const model = build([{ type: 'documents', documentType: 'Kế hoạch' }, { type: 'documents', documentType: 'Công văn', lead: 'Ban hành {{ so_luong | so_2 }} Công văn: ' }], { documents });
  assert.deepEqual(texts(section(model, 'i.1')), [
    '-|Ban hành 2 Kế hoạch: Kế hoạch số 31/KH-STTTT ngày 29/3/2022 về việc A; Kế hoạch B.',
    '-|Ban hành 02 Công văn: về C;...',
  ]);
});

test('plan lists next period\'s items numbered; plan-review shows last period\'s with status', () => {
  const model = buildReportModel({
    template: template([{ type: 'plan-review' }, { type: 'plan' }]),
    instance: { ...INSTANCE, plan: [
      { id: 'p2', order: 2, text: 'Việc hai', forPeriod: '2022-05' },
      { id: 'p1', order: 1, text: 'Việc một', forPeriod: '2022-05' },
      { id: 'px', order: 1, text: 'Kỳ khác', forPeriod: '2022-07' },
    ] },
    catalogue, source,
    previousPlan: [{ id: 'q1', order: 1, text: 'Việc cũ', forPeriod: '2022-04', status: 'done' }],
  });
  assert.deepEqual(texts(section(model, 'i.1')), ['1.|Việc cũ (Đã thực hiện)', '1.|Việc một', '2.|Việc hai']);
});

test('text lines become paragraphs with their markers; bold and italic spans become runs', () => {
  assert.deepEqual(textToParagraphs('- một\n\n  + hai  \n* *ba:* bốn\nnăm'), [
    { marker: '-', runs: [{ text: 'một' }] },
    { marker: '+', runs: [{ text: 'hai' }] },
    { marker: '*', runs: [{ text: 'ba:', italic: true }, { text: ' bốn' }] },
    { marker: '', runs: [{ text: 'năm' }] },
  ]);
  assert.deepEqual(parseRuns('a **b** c'), [{ text: 'a ' }, { text: 'b', bold: true }, { text: ' c' }]);
});

test('an invalid period is a finding, not a crash', () => {
  const model = build([], { period: '2022-13' });
  assert.equal(model.sections.length, 0);
  assert.equal(model.findings[0]?.rule, 'report:period');
});

test('section titles resolve the period words without building the report', () => {
  const titles = resolvedSectionTitles({ sections: [
    { id: 'iii', number: 'III', title: 'KẾ HOẠCH CÔNG TÁC {{ ky_sau | upcase }}', level: 1, blocks: [], sections: [
      { id: 'x', number: '1', title: 'Số {{ docs.issued }}', level: 2, blocks: [], sections: [] },
    ] },
  ] }, { type: 'month', year: 2022, index: 5 });
  assert.deepEqual([...titles], [['iii', 'KẾ HOẠCH CÔNG TÁC THÁNG 6 NĂM 2022'], ['x', 'Số {{ docs.issued }}']]);
});
