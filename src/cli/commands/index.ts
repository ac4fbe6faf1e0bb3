// Every `baocao` command: name, help and options here; the code that runs it is
// loaded only when the command runs, so help is fast and needs no database driver.
import type { Command } from '../command.ts';

export const COMMANDS: readonly Command[] = [
  {
    name: 'start',
    summary: 'Chạy thử ngay: nạp dữ liệu mẫu (nếu CSDL trống) và chạy máy chủ',
    help: `Cách dùng: baocao start [--port 3000] [--host 127.0.0.1]

Áp dụng cấu trúc cơ sở dữ liệu mới, nạp dữ liệu mẫu Sở TT&TT Trà Vinh và các tài
khoản mẫu khi cơ sở dữ liệu còn trống (chưa có đơn vị nào), dựng giao diện web nếu
cần, rồi chạy máy chủ như "baocao serve". Tài khoản mẫu: quantri, vanphong, lanhdao,
bcvt, thanhtra, ubndtinh; mật khẩu baocao-demo (vô hiệu hóa trước khi dùng thật).

Tùy chọn:
  --port CỔNG      cổng (mặc định 3000, hoặc biến PORT)
  --host ĐỊA_CHỈ   địa chỉ lắng nghe (mặc định 127.0.0.1, hoặc biến HOST)
  -h, --help       xem hướng dẫn này

Biến môi trường:
  BAOCAO_DB   cơ sở dữ liệu: sqlite:đường-dẫn (mặc định sqlite:./data/baocao.db) hoặc postgres://…`,
    options: { port: { type: 'string' }, host: { type: 'string' } },
    load: () => import('./start.ts'),
  },
  {
    name: 'db migrate',
    summary: 'Cập nhật cấu trúc cơ sở dữ liệu',
    help: `Cách dùng: baocao db migrate

Áp dụng các thay đổi cấu trúc cơ sở dữ liệu chưa được áp dụng và liệt kê chúng.
(Mọi lệnh khác cũng tự áp dụng trước khi chạy.)

Biến môi trường:
  BAOCAO_DB   sqlite:đường-dẫn (mặc định sqlite:./data/baocao.db) hoặc postgres://…`,
    options: {},
    load: () => import('./db-migrate.ts'),
  },
  {
    name: 'metadata import',
    summary: 'Nhập danh mục đơn vị, phân tổ, chỉ tiêu, quy tắc kiểm tra',
    help: `Cách dùng: baocao metadata import TỆP.yaml|TỆP.json [--dry-run]

Nhập đơn vị, phân tổ, chỉ tiêu, quy tắc kiểm tra và đề cương báo cáo từ tệp YAML
hoặc JSON (xem
docs/metadata-format.md). Nhập trọn gói: có lỗi thì không ghi gì (mã thoát 2).
Nhập lại cùng một tệp không thay đổi gì.

Tùy chọn:
  --dry-run    chỉ kiểm tra và đếm, không ghi
  -h, --help   xem hướng dẫn này`,
    options: { 'dry-run': { type: 'boolean' } },
    load: () => import('./metadata-import.ts'),
  },
  {
    name: 'metadata export',
    summary: 'Xuất danh mục ra YAML hoặc JSON',
    help: `Cách dùng: baocao metadata export [--format yaml|json] [--out TỆP]

Xuất đơn vị, phân tổ, chỉ tiêu, quy tắc kiểm tra và đề cương đã lưu, theo thứ tự ổn định
(xuất → nhập → xuất cho cùng một nội dung). Không có --out thì in ra màn hình.

Tùy chọn:
  --format yaml|json   định dạng (mặc định yaml)
  --out TỆP            ghi ra tệp
  -h, --help           xem hướng dẫn này`,
    options: { format: { type: 'string' }, out: { type: 'string' } },
    load: () => import('./metadata-export.ts'),
  },
  {
    name: 'values import',
    summary: 'Nhập số liệu từ tệp DHIS2 JSON, CSV, ADX XML hoặc biểu nhập Excel',
    help: `Cách dùng: baocao values import TỆP [--dry-run] [--skip-conflicts] [--json]

Nhập số liệu từ tệp dataValueSets JSON hoặc CSV theo dạng DHIS2, tệp ADX XML, hoặc
biểu nhập Excel (.xlsx) xuất bằng "values export --format xlsx". Định dạng được nhận
theo nội dung tệp, không theo phần mở rộng. Với biểu Excel, lỗi ghi rõ trang, dòng,
cột; công thức lấy kết quả Excel đã tính; ô gộp, ngày tháng, chữ trong ô số bị báo
lỗi (số viết kiểu Việt Nam như "20.601" được nhận và có lưu ý).

Mỗi dòng sai (chỉ tiêu, đơn vị, kỳ không tồn tại; chữ trong chỉ tiêu
số; số lẻ trong chỉ tiêu số nguyên; phân tổ không có; trùng khóa) được báo kèm số
dòng. Nếu có xung đột thì KHÔNG ghi gì (mã thoát 2).

Tùy chọn:
  --dry-run          chỉ kiểm tra và tính kết quả, không ghi
  --skip-conflicts   ghi các dòng hợp lệ, bỏ qua dòng lỗi (mã thoát 0, trạng thái WARNING)
  --json             in bản tóm tắt dạng JSON (giống DHIS2 importSummary)
  -h, --help         xem hướng dẫn này

Ví dụ:
  baocao values import so-lieu-2022-04.json --dry-run
  baocao values import so-lieu.csv --skip-conflicts
  baocao values import bieu-nhap-2022-04.xlsx --dry-run
  baocao values import so-lieu.adx.xml`,
    options: { 'dry-run': { type: 'boolean' }, 'skip-conflicts': { type: 'boolean' }, json: { type: 'boolean' } },
    load: () => import('./values-import.ts'),
  },
  {
    name: 'values export',
    summary: 'Xuất số liệu ra DHIS2 JSON, CSV, ADX XML hoặc Excel',
    help: `Cách dùng: baocao values export --org MÃ_ĐƠN_VỊ --period KỲ [--children] [--format json|csv|adx|xlsx] [--out TỆP]
       baocao values export --format xlsx --org MÃ --period KỲ [--children] [--template MÃ_ĐỀ_CƯƠNG] --out BIỂU.xlsx
       baocao values export --format xlsx --table --org MÃ --period KỲ_ĐẦU..KỲ_CUỐI [--children] --out BẢNG.xlsx

Xuất số liệu đã lưu của một đơn vị cho một kỳ (kỳ quý/năm gồm cả các tháng trong
kỳ). Không có --out thì in ra màn hình (trừ xlsx).

--format xlsx xuất biểu nhập số liệu: mỗi đơn vị một trang, mỗi chỉ tiêu và phân tổ
một dòng, cột "Kỳ trước" bên cạnh ô nhập, ô nhãn bị khóa, ô nhập có kiểm tra số.
Điền xong thì nhập lại bằng "baocao values import BIỂU.xlsx". Với --template, biểu
gồm các chỉ tiêu đề cương nhắc tới, theo thứ tự trong đề cương.
Thêm --table để xuất bảng chỉ tiêu × đơn vị × kỳ (số liệu đã lưu) để phân tích.

Tùy chọn:
  --org MÃ                    mã đơn vị
  --period KỲ                 2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022; với --table
                              có thể là khoảng 2022-01..2022-04
  --children                  gồm cả các đơn vị trực thuộc (toàn bộ cây con)
  --format json|csv|adx|xlsx  định dạng (mặc định json)
  --template MÃ               (xlsx) lấy chỉ tiêu và thứ tự theo đề cương
  --table                     (xlsx) bảng chỉ tiêu thay cho biểu nhập
  --out TỆP                   ghi ra tệp (bắt buộc với xlsx)
  -h, --help                  xem hướng dẫn này`,
    options: { org: { type: 'string' }, period: { type: 'string' }, children: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, template: { type: 'string' }, table: { type: 'boolean' } },
    load: () => import('./values-export.ts'),
  },
  {
    name: 'validate',
    summary: 'Kiểm tra số liệu của một đơn vị trong một kỳ',
    help: `Cách dùng: baocao validate --org MÃ_ĐƠN_VỊ --period KỲ [--children] [--json]

Chạy các quy tắc suy ra từ danh mục chỉ tiêu (các phần cộng lại bằng tổng, phần
không vượt tổng thể, lũy kế liên tục) và các quy tắc kiểm tra đã khai báo, trên số
liệu tổng hợp của đơn vị. Mã thoát 0 khi không có lỗi, 1 khi có lỗi, 2 khi tham số sai.

Tùy chọn:
  --org MÃ       mã đơn vị
  --period KỲ    2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022
  --children     kiểm tra cả từng đơn vị trực thuộc
  --json         in kết quả dạng JSON
  -h, --help     xem hướng dẫn này`,
    options: { org: { type: 'string' }, period: { type: 'string' }, children: { type: 'boolean' }, json: { type: 'boolean' } },
    load: () => import('./validate.ts'),
  },
  {
    name: 'aggregate',
    summary: 'Tính giá trị tổng hợp của một chỉ tiêu',
    help: `Cách dùng: baocao aggregate --indicator MÃ --org MÃ_ĐƠN_VỊ --period KỲ [--filter phân_tổ=mục]...

Tổng hợp chỉ tiêu trên đơn vị và các đơn vị trực thuộc, trong kỳ (quý, năm cộng
các tháng với chỉ tiêu phát sinh; lấy số cuối kỳ với chỉ tiêu lũy kế). Chỉ tiêu
tính toán được tính sau khi tổng hợp các thành phần, và in kèm các thành phần.

Tùy chọn:
  --indicator MÃ           mã chỉ tiêu, ví dụ ioffice.docs_issued
  --org MÃ                 mã đơn vị
  --period KỲ              2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022
  --filter phân_tổ=mục     lọc theo phân tổ (lặp lại được), ví dụ --filter channel=online
  -h, --help               xem hướng dẫn này`,
    options: { indicator: { type: 'string' }, org: { type: 'string' }, period: { type: 'string' }, filter: { type: 'string', multiple: true } },
    load: () => import('./aggregate.ts'),
  },
  {
    name: 'demo load',
    summary: 'Nạp dữ liệu mẫu Sở TT&TT Trà Vinh (tháng 3, 4/2022)',
    help: `Cách dùng: baocao demo load [--dir THƯ_MỤC]

Nạp đơn vị, chỉ tiêu, số liệu tháng 3 và 4/2022, đề cương và báo cáo tháng 4/2022
của Sở Thông tin và Truyền thông tỉnh Trà Vinh từ thư mục demo/ (tệp YAML dễ đọc).
Nạp trọn gói trong một giao dịch; nạp lại lần nữa không thay đổi gì.

Tùy chọn:
  --dir THƯ_MỤC   thư mục dữ liệu mẫu khác (mặc định demo/ của chương trình)
  -h, --help      xem hướng dẫn này`,
    options: { dir: { type: 'string' } },
    load: () => import('./demo-load.ts'),
  },
  {
    name: 'report render',
    summary: 'Xuất báo cáo ra Markdown, HTML, DOCX hoặc PDF',
    help: `Cách dùng: baocao report render --org MÃ_ĐƠN_VỊ --period KỲ --format md|html|docx|pdf [--out TỆP]

Dựng báo cáo của đơn vị trong kỳ từ số liệu, đề cương và nội dung đã lưu, rồi xuất
theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP). Markdown và HTML in ra
màn hình khi không có --out; DOCX và PDF bắt buộc có --out.

Tùy chọn:
  --org MÃ                   mã đơn vị, ví dụ stttt-travinh
  --period KỲ                2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022
  --format md|html|docx|pdf  định dạng (mặc định md)
  --out TỆP                  ghi ra tệp
  -h, --help                 xem hướng dẫn này

Ví dụ:
  baocao report render --org stttt-travinh --period 2022-04 --format docx --out bao-cao-thang-4.docx`,
    options: { org: { type: 'string' }, period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    load: () => import('./report-render.ts'),
  },
  {
    name: 'report create',
    summary: 'Lập báo cáo của kỳ mới (mang kế hoạch kỳ trước vào phần đánh giá)',
    help: `Cách dùng: baocao report create --org MÃ_ĐƠN_VỊ --period KỲ [--template MÃ]

Lập báo cáo (đang soạn) của đơn vị cho kỳ: phần đầu (đề cương, cơ quan, ký hiệu,
nơi nhận, người ký) lấy từ báo cáo gần nhất của đơn vị, các ngày chốt số liệu của
báo cáo đó (biến bien.*) lùi sang kỳ mới; các dòng kế hoạch kỳ trước đặt cho kỳ
này được chép vào phần đánh giá thực hiện kế hoạch để ghi trạng thái.

Tùy chọn:
  --org MÃ          mã đơn vị, ví dụ stttt-travinh
  --period KỲ       2022-05, 202205, …
  --template MÃ     đề cương (bắt buộc khi đơn vị chưa có báo cáo nào)
  -h, --help        xem hướng dẫn này`,
    options: { org: { type: 'string' }, period: { type: 'string' }, template: { type: 'string' } },
    load: () => import('./report-create.ts'),
  },
  {
    name: 'audit',
    summary: 'Xem nhật ký thay đổi',
    help: `Cách dùng: baocao audit [--org MÃ_ĐƠN_VỊ] [--period KỲ] [--user TÊN] [--kind LOẠI] [--limit N] [--json]

Liệt kê các thay đổi (mới nhất trước): ai, khi nào, thao tác gì, trên đơn vị và kỳ
nào, giá trị trước và sau (với --json).

Tùy chọn:
  --org MÃ        đơn vị (gồm các đơn vị trực thuộc)
  --period KỲ     kỳ báo cáo
  --user TÊN      người thực hiện (tên đăng nhập, hoặc cli:TÊN)
  --kind LOẠI     loại thao tác, ví dụ report.issue hoặc report_item
  --limit N       số dòng tối đa (mặc định 100)
  --json          in dạng JSON (có trước/sau)
  -h, --help      xem hướng dẫn này`,
    options: { org: { type: 'string' }, period: { type: 'string' }, user: { type: 'string' }, kind: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
    load: () => import('./audit.ts'),
  },
  {
    name: 'serve',
    summary: 'Chạy máy chủ API (HTTP)',
    help: `Cách dùng: baocao serve [--port 3000] [--host 127.0.0.1] [--trust-proxy]

Chạy API HTTP (tài liệu tại /docs, OpenAPI tại /openapi.json) cho tới khi nhận
SIGTERM/SIGINT; khi dừng, các yêu cầu đang xử lý được hoàn tất.

Tùy chọn:
  --port CỔNG      cổng (mặc định 3000, hoặc biến PORT)
  --host ĐỊA_CHỈ   địa chỉ lắng nghe (mặc định 127.0.0.1)
  --trust-proxy    tin tiêu đề X-Forwarded-* của proxy (HTTPS ở proxy)
  -h, --help       xem hướng dẫn này`,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'trust-proxy': { type: 'boolean' } },
    load: () => import('./serve.ts'),
  },
  {
    name: 'user',
    summary: 'Quản lý tài khoản: add, list, disable, token',
    help: `Cách dùng:
  baocao user add TÊN --password MẬT_KHẨU [--name "Họ tên"] --grant VAI_TRÒ:MÃ_ĐƠN_VỊ ...
  baocao user list
  baocao user disable TÊN [--enable]
  baocao user token TÊN --label "iOffice" [--grant VAI_TRÒ:MÃ_ĐƠN_VỊ ...]
  baocao user token --revoke SỐ

Vai trò: reporter (nhập liệu), compiler (tổng hợp), approver (phê duyệt),
viewer (xem), admin (quản trị); mỗi quyền áp dụng cho đơn vị và các đơn vị trực thuộc.
Mã truy cập (token) cho hệ thống khác chỉ hiện một lần; quyền không vượt quá chủ tài khoản.

Tùy chọn:
  --password MK    mật khẩu (hoặc biến BAOCAO_PASSWORD), ít nhất 8 ký tự
  --grant Q        quyền VAI_TRÒ:MÃ_ĐƠN_VỊ (lặp lại được)
  -h, --help       xem hướng dẫn này`,
    options: { password: { type: 'string' }, name: { type: 'string' }, grant: { type: 'string', multiple: true }, enable: { type: 'boolean' }, label: { type: 'string' }, revoke: { type: 'string' } },
    load: () => import('./user.ts'),
  },
  {
    name: 'report import',
    summary: 'Nhập báo cáo cũ từ tệp Word (.docx) hoặc Markdown (.md)',
    help: `Cách dùng: baocao report import TỆP.md|TỆP.docx [--org MÃ_ĐƠN_VỊ --period KỲ] [--template MÃ|TỆP.yaml] [--dry-run] [--json]

Đọc một báo cáo đã có (theo thể thức Nghị định 30): phần đầu (cơ quan, số ký hiệu,
nơi và ngày ban hành), tiêu đề và kỳ báo cáo, các mục (I / 1 / a / gạch đầu dòng),
kế hoạch kỳ sau, nơi nhận, người ký; các văn bản được trích dẫn; các số liệu (khớp
với chỉ tiêu khi câu chữ giống đề cương) và tỷ lệ không khớp với số liệu. In độ phủ
(phần nội dung đã xếp được) và liệt kê đoạn chưa xếp được. Không --dry-run thì lưu
thành báo cáo của đơn vị và kỳ. Tệp hỏng, rỗng, quá lớn, sai loại: báo lỗi, không
ghi gì (mã thoát 2).

Tùy chọn:
  --org MÃ            mã đơn vị nhận báo cáo (cần khi lưu)
  --period KỲ         kỳ báo cáo (mặc định: kỳ ghi trong báo cáo)
  --template MÃ|TỆP   đề cương dùng để khớp chỉ tiêu (mã đã lưu hoặc tệp YAML)
  --dry-run           chỉ đọc và xem trước, không ghi
  --json              in toàn bộ kết quả dạng JSON
  -h, --help          xem hướng dẫn này

Ví dụ:
  baocao report import bao-cao-thang-4.docx --dry-run
  baocao report import bao-cao.md --org stttt-travinh --period 2022-04`,
    options: { org: { type: 'string' }, period: { type: 'string' }, template: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    load: () => import('./report-import.ts'),
  },
];
