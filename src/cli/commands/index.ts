// Every `baocao` command: name, help and options here; the code that runs it is
// loaded only when the command runs, so help is fast and needs no database driver.
import type { Command } from '../command.ts';

/** DHIS2's id scheme parameters as options: --id-scheme, --data-element-id-scheme… */
const ID_SCHEME_OPTIONS = Object.fromEntries(
  ['id-scheme', 'data-element-id-scheme', 'org-unit-id-scheme', 'category-option-combo-id-scheme', 'data-set-id-scheme', 'category-id-scheme', 'category-option-id-scheme']
    .map((name) => [name, { type: 'string' as const }]),
);

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
    name: 'db backup',
    summary: 'Sao lưu cơ sở dữ liệu (kể cả khi đang có người dùng)',
    help: `Cách dùng: baocao db backup TỆP [--portable]

Sao lưu toàn bộ cơ sở dữ liệu vào TỆP, nhất quán tại một thời điểm, trong khi máy chủ
vẫn chạy và vẫn có người ghi số liệu:
  SQLite       bản sao trực tuyến (online backup) thành một tệp SQLite
  PostgreSQL   pg_dump (dạng custom) khi có cài và không cũ hơn máy chủ; nếu không,
               dạng portable (mọi bảng, đọc trong một ảnh chụp nhất quán)
TỆP chưa được có sẵn (không ghi đè bản sao lưu cũ); tệp chỉ xuất hiện khi đã ghi xong.

Tùy chọn:
  --portable   luôn dùng dạng portable (JSON nén gzip): khôi phục được vào cả SQLite
               lẫn PostgreSQL, để chuyển giữa hai loại
  -h, --help   xem hướng dẫn này

Khôi phục: baocao db restore TỆP`,
    options: { portable: { type: 'boolean' } },
    load: () => import('./db-backup.ts'),
  },
  {
    name: 'db restore',
    summary: 'Khôi phục bản sao lưu vào một cơ sở dữ liệu mới',
    help: `Cách dùng: baocao db restore TỆP

Khôi phục bản sao lưu (của "baocao db backup") vào cơ sở dữ liệu BAOCAO_DB. Cơ sở dữ
liệu đích phải mới và trống: lệnh không bao giờ ghi đè hay trộn vào dữ liệu đang có.
Nhận ra loại tệp theo nội dung: tệp SQLite và dạng portable khôi phục được vào cả
SQLite lẫn PostgreSQL; tệp pg_dump chỉ vào PostgreSQL (qua pg_restore). Khôi phục trọn
gói trong một giao dịch; sau đó cấu trúc được cập nhật lên phiên bản hiện tại.

Ví dụ:
  BAOCAO_DB=sqlite:./data/khoi-phuc.db baocao db restore sao-luu-2026-12-02.db
  BAOCAO_DB=postgres://…/baocao_moi baocao db restore sao-luu.dump

Mã thoát: 2 khi tệp không phải bản sao lưu hoặc đích không trống.`,
    options: {},
    load: () => import('./db-restore.ts'),
  },
  {
    name: 'metadata import',
    summary: 'Nhập danh mục đơn vị, phân tổ, chỉ tiêu, quy tắc kiểm tra',
    help: `Cách dùng: baocao metadata import TỆP.yaml|TỆP.json [--dry-run]

Nhập đơn vị, phân tổ, chỉ tiêu, quy tắc kiểm tra và đề cương báo cáo từ tệp YAML
hoặc JSON (xem
docs/metadata-format.md). Cũng nhận tệp danh mục xuất từ DHIS2 (JSON có
organisationUnits, dataElements, categories, categoryOptions, categoryCombos,
categoryOptionCombos, dataSets): giữ uid của DHIS2, phần không dùng được nêu rõ.
Nhập trọn gói: có lỗi thì không ghi gì (mã thoát 2). Nhập lại cùng một tệp không
thay đổi gì.

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
    help: `Cách dùng: baocao values import TỆP [--dry-run] [--skip-conflicts] [--json] [--strategy CHIẾN_LƯỢC] [--id-scheme UID|CODE|NAME]

Nhập số liệu từ tệp dataValueSets JSON hoặc CSV theo dạng DHIS2, tệp ADX XML, hoặc
biểu nhập Excel (.xlsx) xuất bằng "values export --format xlsx". Định dạng được nhận
theo nội dung tệp, không theo phần mở rộng. Với biểu Excel, lỗi ghi rõ trang, dòng,
cột; công thức lấy kết quả Excel đã tính; ô gộp, ngày tháng, chữ trong ô số bị báo
lỗi (số viết kiểu Việt Nam như "20.601" được nhận và có lưu ý).

Mỗi dòng sai (chỉ tiêu, đơn vị, kỳ không tồn tại; giá trị sai kiểu của chỉ tiêu:
chữ trong chỉ tiêu số, số lẻ hay số âm trong chỉ tiêu đếm, tỷ lệ ngoài 0–100…; phân
tổ không có; trùng khóa) được báo kèm số dòng. Nếu có xung đột thì KHÔNG ghi gì (mã
thoát 2). Như DHIS2: giá trị để trống hoặc "deleted": true thì xóa số liệu đã lưu.
Mã trong tệp đọc theo kiểu mã của DHIS2 (uid, mã, tên); mã của baocao luôn được nhận.

Kỳ đã khóa: nếu tệp có số liệu của một kỳ mà báo cáo đã ban hành (của đơn vị đó hoặc
đơn vị cấp trên) thì không ghi gì, kể cả khi chạy thử, với cùng thông báo như API
(mã thoát 3). Chỉ quản trị mở lại báo cáo (kèm lý do) thì mới sửa được.

Tùy chọn:
  --dry-run          chỉ kiểm tra và tính kết quả, không ghi
  --skip-conflicts   ghi các dòng hợp lệ, bỏ qua dòng lỗi (mã thoát 0, trạng thái WARNING)
  --json             in bản tóm tắt dạng JSON (giống DHIS2 importSummary)
  --strategy S       CREATE_AND_UPDATE (mặc định), CREATE (chỉ thêm mới), UPDATE (chỉ
                     cập nhật số đã có) hoặc DELETE (xóa các số liệu trong tệp)
  --id-scheme K      kiểu mã trong tệp: UID (mặc định; ADX: CODE), CODE hoặc NAME;
                     riêng từng loại: --data-element-id-scheme, --org-unit-id-scheme,
                     --category-option-combo-id-scheme, --category-id-scheme,
                     --category-option-id-scheme
  -h, --help         xem hướng dẫn này

Ví dụ:
  baocao values import so-lieu-2022-04.json --dry-run
  baocao values import so-lieu.csv --skip-conflicts
  baocao values import bieu-nhap-2022-04.xlsx --dry-run
  baocao values import so-lieu.adx.xml`,
    options: { 'dry-run': { type: 'boolean' }, 'skip-conflicts': { type: 'boolean' }, json: { type: 'boolean' }, strategy: { type: 'string' }, ...ID_SCHEME_OPTIONS },
    load: () => import('./values-import.ts'),
  },
  {
    name: 'values export',
    summary: 'Xuất số liệu ra DHIS2 JSON, CSV, ADX XML hoặc Excel',
    help: `Cách dùng: baocao values export --org MÃ_ĐƠN_VỊ --period KỲ [--children] [--format json|csv|adx|xlsx] [--out TỆP]
       baocao values export --format xlsx --org MÃ --period KỲ [--children] [--template MÃ_ĐỀ_CƯƠNG] --out BIỂU.xlsx
       baocao values export --format xlsx --table --org MÃ --period KỲ_ĐẦU..KỲ_CUỐI [--children] --out BẢNG.xlsx

Xuất số liệu đã lưu của một đơn vị cho một kỳ, gồm cả các kỳ ngắn hơn nằm trong kỳ
(năm gồm nửa năm, quý, tháng, tuần, ngày). Không có --out thì in ra màn hình (trừ
xlsx). Mã ghi theo kiểu mã của DHIS2: JSON, CSV dùng uid (ADX dùng mã) khi danh mục
có, không có thì dùng mã của baocao.

--format xlsx xuất biểu nhập số liệu: mỗi đơn vị một trang, mỗi chỉ tiêu và phân tổ
một dòng, cột "Kỳ trước" bên cạnh ô nhập, ô nhãn bị khóa, ô nhập có kiểm tra số.
Điền xong thì nhập lại bằng "baocao values import BIỂU.xlsx". Với --template, biểu
gồm các chỉ tiêu đề cương nhắc tới, theo thứ tự trong đề cương.
Thêm --table để xuất bảng chỉ tiêu × đơn vị × kỳ (số liệu đã lưu) để phân tích.

Tùy chọn:
  --org MÃ                    mã đơn vị
  --period KỲ                 2022-04, 202204, 2022-Q2, 2022-H1, 2022, 2022W5, 20220415,
                              202201B, 2022AprilS1, 2022April…; với --table có thể là
                              khoảng 2022-01..2022-04
  --id-scheme K               (json, csv, adx) UID, CODE hoặc NAME; riêng từng loại như
                              ở "values import"
  --children                  gồm cả các đơn vị trực thuộc (toàn bộ cây con)
  --format json|csv|adx|xlsx  định dạng (mặc định json)
  --template MÃ               (xlsx) lấy chỉ tiêu và thứ tự theo đề cương
  --table                     (xlsx) bảng chỉ tiêu thay cho biểu nhập
  --out TỆP                   ghi ra tệp (bắt buộc với xlsx)
  -h, --help                  xem hướng dẫn này`,
    options: { org: { type: 'string' }, period: { type: 'string' }, children: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, template: { type: 'string' }, table: { type: 'boolean' }, ...ID_SCHEME_OPTIONS },
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
Nạp trọn gói trong một giao dịch; nạp lại lần nữa không thay đổi gì. Nếu việc nạp sẽ
thay đổi số liệu hay báo cáo của một kỳ đã khóa (báo cáo đã ban hành) thì không nạp
gì (mã thoát 3).

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
  --trust-proxy    tin tiêu đề X-Forwarded-* của proxy (HTTPS ở proxy), như BAOCAO_TRUST_PROXY=true
  -h, --help       xem hướng dẫn này

Biến môi trường:
  BAOCAO_TRUST_PROXY            mặc định tắt; true, số tầng proxy, hoặc địa chỉ/dải IP của
                                proxy (cách nhau bằng dấu phẩy): chỉ khi đó mới tin địa chỉ
                                người dùng và HTTPS mà proxy báo
  BAOCAO_SESSION_IDLE_MINUTES   phiên đăng nhập kết thúc sau chừng này phút không dùng (120)
  BAOCAO_SESSION_MAX_HOURS      và chậm nhất chừng này giờ sau khi đăng nhập (12)`,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'trust-proxy': { type: 'boolean' } },
    load: () => import('./serve.ts'),
  },
  {
    name: 'user',
    summary: 'Quản lý tài khoản: add, list, disable, unlock, token',
    help: `Cách dùng:
  baocao user add TÊN --password MẬT_KHẨU [--name "Họ tên"] --grant VAI_TRÒ:MÃ_ĐƠN_VỊ ...
  baocao user list
  baocao user disable TÊN [--enable]
  baocao user unlock TÊN
  baocao user token TÊN --label "iOffice" [--grant VAI_TRÒ:MÃ_ĐƠN_VỊ ...]
  baocao user token --revoke SỐ

Vai trò: reporter (nhập liệu), compiler (tổng hợp), approver (phê duyệt),
viewer (xem), admin (quản trị); mỗi quyền áp dụng cho đơn vị và các đơn vị trực thuộc.
Mã truy cập (token) cho hệ thống khác chỉ hiện một lần; quyền không vượt quá chủ tài khoản.
unlock: bỏ ngay thời gian chờ đăng nhập của tài khoản (sau nhiều lần nhập sai mật
khẩu), ở mọi địa chỉ; được ghi nhật ký.

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
    help: `Cách dùng: baocao report import TỆP.md|TỆP.docx [--org MÃ_ĐƠN_VỊ] [--period KỲ] [--template MÃ|TỆP.yaml] [--dry-run] [--allow-loss] [--json]

Đọc một báo cáo đã có, theo bất kỳ bố cục nào: phần đầu (cơ quan, số ký hiệu, nơi
và ngày ban hành), tiêu đề và kỳ báo cáo, các mục (Phần / I / 1 / a / dòng chữ in
hoa / dòng in đậm), nội dung, bảng, kế hoạch kỳ sau, nơi nhận, người ký; các văn bản
được trích dẫn; các số liệu và chỗ không khớp (tỷ lệ, tổng và các phần, số lượng và
danh sách, nội dung lặp).

Cơ quan ban hành phải khớp đơn vị --org (không ghi --org thì lưu cho đơn vị báo cáo
ghi); sai đơn vị hoặc không khớp đơn vị nào thì không ghi và in các đơn vị gần nhất.
Số liệu chỉ được ghi vào chỉ tiêu khi khớp chắc chắn (câu chữ, đơn vị tính, mục của
đề cương); số đã lưu khác thì báo xung đột, không ghi gì. Sau khi lưu, báo cáo được
dựng lại và đối chiếu với tệp: thiếu đoạn nào thì không lưu, trừ khi --allow-loss
(khi đó phần thiếu được liệt kê và ghi nhật ký). Tệp hỏng, rỗng, quá lớn, sai loại,
hoặc bị từ chối: mã thoát 2, không ghi gì.
Báo cáo đã ban hành (hoặc kỳ đã khóa): không ghi gì, cùng thông báo như API (mã
thoát 3); chỉ quản trị mở lại (kèm lý do) thì mới nhập đè được.

Tùy chọn:
  --org MÃ            mã đơn vị nhận báo cáo (mặc định: đơn vị báo cáo ghi)
  --period KỲ         kỳ báo cáo (mặc định: kỳ ghi trong báo cáo)
  --template MÃ|TỆP   đề cương để xếp nội dung (mã đã lưu hoặc tệp YAML); mặc định:
                      đề cương của báo cáo đã có, của đơn vị nếu vừa, không thì theo
                      đề mục của chính báo cáo
  --dry-run           chạy thử: đọc, khớp, đối chiếu, không ghi gì
  --allow-loss        vẫn lưu khi báo cáo lưu thiếu đoạn so với tệp (ghi nhật ký)
  --json              in toàn bộ kết quả dạng JSON
  -h, --help          xem hướng dẫn này

Ví dụ:
  baocao report import bao-cao-thang-4.docx --dry-run
  baocao report import bao-cao.md --org stttt-travinh --period 2022-04`,
    options: { org: { type: 'string' }, period: { type: 'string' }, template: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'allow-loss': { type: 'boolean' }, json: { type: 'boolean' } },
    load: () => import('./report-import.ts'),
  },
];
