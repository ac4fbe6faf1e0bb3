// A hand-made ReportModel shaped like the April-2022 report of Sở TT&TT Trà Vinh
// (test/fixtures/seed-stttt-travinh-2022-04.md): parts I-III, items 1..6 with points
// a/b/c and sub-items 6.1..6.3, '-' bullets, '+' sub-bullets, '*' italic lead-ins,
// numbered plan lines, Nơi nhận and a deputy signing for the director. Renderer tests
// use it so they do not depend on the real model builder being finished.
import type { ReportModel, ReportParagraph, ReportSection, TextRun } from '../../core/report-model.ts';

/** Every Vietnamese letter with a diacritic the font must carry, lower and upper case. */
export const VIETNAMESE_LETTERS_LOWER = 'áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ';
export const VIETNAMESE_LETTERS = VIETNAMESE_LETTERS_LOWER + VIETNAMESE_LETTERS_LOWER.toLocaleUpperCase('vi');

function p(marker: string, ...runs: (string | TextRun)[]): ReportParagraph {
  return { marker, runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) };
}

/** A starred lead-in: "* *Cài đặt PC-Covid:* Trong tháng …". */
function starred(lead: string, text: string): ReportParagraph {
  return p('*', { text: lead, italic: true }, text ? ` ${text}` : '');
}

function section(
  id: string,
  level: ReportSection['level'],
  number: string,
  title: string,
  paragraphs: ReportParagraph[],
  sections: ReportSection[] = [],
): ReportSection {
  return { id, level, number, title, paragraphs, sections };
}

export function buildSampleReportModel(): ReportModel {
  return {
    governingBody: 'UBND TỈNH TRÀ VINH',
    issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    number: '05/BC-STTTT',
    symbol: 'BC-STTTT',
    place: 'Trà Vinh',
    date: '2022-04-15',
    documentType: 'BÁO CÁO',
    summary: 'Kết quả công tác thông tin và truyền thông tháng 4 năm 2022 và kế hoạch công tác tháng 5 năm 2022',
    preamble: [],
    sections: [
      section('I', 1, 'I', 'Công tác quản lý nhà nước', [], [
        section('I.1', 2, '1', 'Công tác tham mưu Tỉnh ủy, UBND tỉnh và ban hành văn bản chỉ đạo, điều hành', [
          p('-', 'Tham mưu Ủy ban nhân dân tỉnh ban hành Quyết định số 695/QĐ-UBND ngày 12/4/2022 về việc ban hành Chương trình xác định Chỉ số đánh giá mức độ chuyển đổi số doanh nghiệp và hỗ trợ doanh nghiệp chuyển đổi số.'),
          p('-', 'Trình Ủy ban nhân dân tỉnh dự thảo Kế hoạch triển khai thực hiện Nghị quyết số 09/NQ-TU ngày 26/01/2022 của Ban Thường vụ Tỉnh ủy về chuyển đổi số tỉnh Trà Vinh đến năm 2025, định hướng đến năm 2030.'),
          p('-', 'Ban hành hơn 14 Kế hoạch: Kế hoạch số 31/KH-STTTT-BCVTCNTT ngày 29/3/2022; Kế hoạch số 27/KH-STTTT-TTr ngày 25/3/2022 về triển khai, phổ biến các Luật, Bộ luật có hiệu lực thi hành năm 2022; Kế hoạch số 33/KH-STTTT-VP ngày 06/4/2022 về dân vận chính quyền năm 2022; Kế hoạch số 22/KH-STTTT-BCVTCNTT ngày 18/3/2022 về Phát triển hạ tầng viễn thông trên địa bàn tỉnh Trà Vinh đến năm 2025, định hướng đến năm 2030;...'),
          p('-', 'Ban hành 17 Công văn chỉ đạo định hướng các cơ quan báo, đài tăng cường tuyên truyền: mừng Chôl Chnam Thmây năm 2022 của đồng bào Khmer; hỗ trợ tuyên truyền, quảng bá Năm Du lịch Quốc gia - Quảng Nam 2022; các hoạt động kỷ niệm 30 năm tái lập tỉnh Trà Vinh (5/1992-5/2022);...'),
        ]),
        section('I.2', 2, '2', 'Lĩnh vực bưu chính', [
          p('-', 'Có Văn bản gửi các cơ quan, đơn vị có liên quan về việc đề xuất đề tài cho Chương trình phát hành tem bưu chính năm 2024.'),
          p('-', 'Tiếp tục theo dõi, chỉ đạo Bưu điện tỉnh, Chi nhánh Bưu chính Viettel Trà Vinh trong việc hỗ trợ tiêu thụ nông sản và đưa hộ sản xuất nông nghiệp lên sàn thương mại điện tử theo Kế hoạch số 97/KH-UBND ngày 17/11/2021.'),
        ]),
        section('I.3', 2, '3', 'Lĩnh vực viễn thông', [
          p('-', 'Có Văn bản gửi các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh về việc chủ động, sẵn sàng ứng phó với áp thấp nhiệt đới, bão có thể xuất hiện sớm.'),
          p('-', 'Xác nhận tiêu chí số 8 về thông tin và truyền thông trong xây dựng nông thôn mới các xã: An Quảng Hữu, Thanh Sơn, Tân Hiệp và nông thôn mới nâng cao các xã: Đại An, Ngọc Biên.'),
        ]),
        section('I.4', 2, '4', 'Lĩnh vực ứng dụng công nghệ thông tin', [], [
          section('I.4.a', 3, 'a', 'Ứng dụng CNTT phục vụ hoạt động của cơ quan nhà nước', [
            p('-', 'Hệ thống Quản lý văn bản và điều hành (iOffice): triển khai đến 510 cơ quan (cấp tỉnh: 96, cấp huyện: 308, cấp xã: 106) với 6.939 người dùng. Trong tháng, có 20.601 văn bản điện tử phát hành trên hệ thống, trong đó có 15.905 văn bản được ký số (tỷ lệ 77,20%).'),
            p('-', 'Chứng thư số chuyên dùng: trong tháng, cấp mới 13 chứng thư số, thu hồi 04 CTS, nâng tổng số 2.392 chứng thư số (474 chứng thư số tổ chức; 1.918 chứng thư số cá nhân).'),
          ]),
          section('I.4.b', 3, 'b', 'Ứng dụng CNTT phục vụ người dân, doanh nghiệp', [
            p('-', 'Trong tháng, hệ thống đã tiếp nhận 22.967 hồ sơ (20.655 trực tiếp, 2.312 trực tuyến), đã giải quyết 20.599 hồ sơ, các hồ sơ còn lại trong quá trình giải quyết.'),
            p('-', 'Hỗ trợ 9 cuộc Hội nghị trực tuyến cấp bộ, ngành, trung ương; hỗ trợ 6 cuộc Hội nghị trực tuyến cấp tỉnh; Tổng số cuộc họp qua MCU tỉnh: 20 cuộc 1143 điểm.'),
          ]),
          section('I.4.c', 3, 'c', 'Về ứng dụng công nghệ thông tin trong việc phòng, chống Covid-19', [
            starred('Khai báo y tế điện tử:', 'Hỗ trợ các cơ quan, đơn vị cài đặt và sử dụng PC-Covid, tạo mã vuông QR Code để khai báo y tế điện tử khi ra vào cơ quan, địa điểm công cộng.'),
            starred('Cài đặt PC-Covid:', 'Trong tháng tăng 260 lượt cài đặt. Lũy kế đến ngày 12/4/2022 là 206.630 lượt cài đặt, đạt 20,48% so dân số (tăng 0,03% so với tháng trước).'),
            starred('Cài app SSKĐT:', 'lũy kế đến ngày 11/4/2022 đạt 156.920 lượt tải và cài đặt, tăng 855 lượt so với tháng trước.'),
            starred('Hệ thống tổng đài hỗ trợ phòng, chống Covid-19 tỉnh:', ''),
            p('-', 'App công dân 1022 Trà Vinh:'),
            p('+', 'App android: 215 lượt cài đặt'),
            p('+', 'App IOS: 272 lượt cài đặt.'),
            p('-', 'Kết quả giải quyết:'),
            p('+', 'Đã xử lý: 54 phản ánh.'),
            p('+', 'Đang xử lý: 112.'),
          ]),
        ]),
        section('I.5', 2, '5', 'Lĩnh vực An toàn thông tin', [
          p('-', 'Khắc phục các sự cố về ATTT: Tiếp nhận 14 cảnh báo về sự cố ATTT mạng do Viettel gửi đến; cảnh báo nguy cơ leo thang đặc quyền trong dịch vụ Windows Print Spooler; lỗ hổng leo thang đặc quyền trong Linux Kernel.'),
          p('-', 'Cập nhật bản vá lỗ hổng cho hệ thống máy chủ sử dụng hệ điều hành Windows;'),
        ]),
        section('I.6', 2, '6', 'Lĩnh vực thông tin, tuyên truyền', [], [
          section('I.6.1', 4, '6.1', 'Báo chí, xuất bản, thông tin đối ngoại', [
            p('-', 'Trong tháng, cấp 17 giấy phép xuất bản tài liệu không kinh doanh (tất cả là hồ sơ trực tuyến).'),
          ]),
          section('I.6.2', 4, '6.2', 'Thông tin cơ sở', [
            p('', 'Trình UBND tỉnh dự thảo Kế hoạch thực hiện Chiến lược phát triển lĩnh vực thông tin cơ sở giai đoạn 2021 - 2025 trên địa bàn tỉnh Trà Vinh.'),
          ]),
          section('I.6.3', 4, '6.3', 'Trang tin điện tử Sở Thông tin và Truyền thông', [
            p('', 'Trong tháng, đăng tải 40 tin bài, văn bản, trong đó đăng 05 tin bài; 08 văn bản chỉ đạo điều hành; 03 văn bản quy phạm pháp luật; 03 kế hoạch; 04 báo cáo thống kê.'),
            // Carries every toned letter so font and text-extraction tests see them all.
            p('', 'Bảng chữ dùng để kiểm tra phông: ', { text: VIETNAMESE_LETTERS_LOWER }, ' và ', { text: VIETNAMESE_LETTERS_LOWER.toLocaleUpperCase('vi'), bold: true }, '; khẳng định sẵn sàng, chặt chẽ, nhẹ nhàng, kỹ thuật, tỷ lệ, Mỵ Châu.'),
          ]),
        ]),
      ]),
      section('II', 1, 'II', 'Công tác tổng hợp', [], [
        section('II.1', 2, '1', 'Hoạt động của Lãnh đạo Sở', [
          p('-', 'Trong tháng, Lãnh đạo Sở tổ chức tiếp công dân định kỳ vào ngày 06 tháng 4 năm 2022; Kết quả tiếp công dân định kỳ: Không có công dân đến; Số lượt tiếp công dân thường xuyên: 01 lượt người.'),
          p('-', 'Lãnh đạo Sở trực Giỗ Tổ Hùng Vương năm 2022.'),
        ]),
        section('II.2', 2, '2', 'Công tác Văn phòng', [
          p('-', 'Ban hành 03 quyết định về: Kiện toàn ban khuyến học cơ quan; Thành lập tổ kiểm tra công vụ Sở Thông tin và Truyền thông.'),
        ]),
        section('II.3', 2, '3', 'Công tác thanh tra', [
          p('-', 'Tiếp nhận đơn tố cáo: Không có.'),
          p('-', 'Tiếp nhận đơn khiếu nại mới: Không có.'),
        ]),
      ]),
      section('III', 1, 'III', 'Kế hoạch công tác tháng 5 năm 2022', [
        p('', 'Trong tháng 5 năm 2022, Sở Thông tin và Truyền thông tập trung chỉ đạo và thực hiện một số nội dung trọng tâm như sau:'),
        p('1.', 'Tiếp tục tăng cường công tác tuyên truyền, phổ biến, góp phần nâng cao nhận thức, sự đồng thuận của xã hội trong việc thực hiện các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.'),
        p('2.', 'Tiếp tục định hướng thông tin tuyên truyền. Phối hợp với Sở Văn hóa, Thể thao và Du lịch tổ chức Ngày Sách và Văn hóa đọc Việt Nam lần thứ nhất tỉnh Trà Vinh năm 2022.'),
        p('3.', 'Tham mưu UBND tỉnh ban hành Kế hoạch triển khai nền tảng địa chỉ số gắn với bản đồ số tại địa phương; Kế hoạch chuyển đổi ivp6; Kế hoạch nâng cấp hạ tầng số 2022.'),
      ]),
    ],
    closing: [
      p('', 'Trên đây là kết quả công tác thông tin và truyền thông tháng 4 năm 2022 và kế hoạch công tác tháng 5 năm 2022; Sở Thông tin và Truyền thông Trà Vinh báo cáo đến Bộ Thông tin và Truyền thông, Tỉnh uỷ và UBND tỉnh biết, chỉ đạo.'),
    ],
    recipients: [
      'Bộ TT&TT (b/c);',
      'VP Tỉnh uỷ, VP UBND tỉnh;',
      'Ban Tuyên giáo Tỉnh uỷ;',
      'Cục PTTT & TTĐT;',
      'BGĐ Sở;',
      'Các Phòng, TT thuộc Sở (t/h theo Kế hoạch);',
      'Lưu: VT.',
    ],
    signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Chuẩn' },
    findings: [],
  };
}
