// The frame of every page after login: the menu on the left, the period and unit
// pickers and the user on top. Fits a 1366×768 laptop (menu 208 px wide).
import {
  AuditOutlined, BarChartOutlined, DashboardOutlined, EditOutlined, FileTextOutlined, ImportOutlined, LogoutOutlined, SettingOutlined, TableOutlined,
} from '@ant-design/icons';
import { Button, DatePicker, Layout, Menu, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../src/core/access.ts';
import { useSession } from '../api/session.tsx';
import { useScope } from './scope.ts';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const session = useSession();
  const scope = useScope();
  const navigate = useNavigate();
  const location = useLocation();
  const search = location.search;
  const isAdmin = session.hasRole('admin');
  const canAudit = session.allows('read_audit');
  // Importing an old report replaces the report's content: office and admin only (the server checks too).
  const canImportReport = session.allows('compile');

  const items = [
    { key: '/tong-quan', icon: <DashboardOutlined />, label: 'Tổng quan' },
    { key: '/nhap-so-lieu', icon: <TableOutlined />, label: 'Nhập số liệu' },
    { key: '/noi-dung', icon: <EditOutlined />, label: 'Nội dung' },
    ...(canImportReport ? [{ key: '/nhap-bao-cao-cu', icon: <ImportOutlined />, label: 'Nhập báo cáo cũ' }] : []),
    { key: '/bao-cao', icon: <FileTextOutlined />, label: 'Báo cáo' },
    { key: '/bieu-do', icon: <BarChartOutlined />, label: 'Biểu đồ' },
    ...(canAudit ? [{ key: '/lich-su', icon: <AuditOutlined />, label: 'Lịch sử' }] : []),
    ...(isAdmin ? [{ key: '/quan-tri', icon: <SettingOutlined />, label: 'Quản trị' }] : []),
  ];
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '/tong-quan';
  const orgOptions = scope.units.map((u) => ({ value: u.code, label: `${'  '.repeat(Math.max(0, u.level - 1))}${u.name}` }));
  if (scope.org && !orgOptions.some((o) => o.value === scope.org)) orgOptions.unshift({ value: scope.org, label: scope.org });
  const roles = [...new Set(session.me?.grants.map((g) => `${ROLE_LABELS[g.role]} · ${g.orgUnitName}`) ?? [])];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #e5e7eb' }}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 700, color: '#a4161a', letterSpacing: 0.3 }}>
          BÁO CÁO ĐỊNH KỲ
          <div style={{ fontWeight: 400, fontSize: 12, color: '#667085' }}>Sở Thông tin và Truyền thông</div>
        </div>
        <nav aria-label="Chức năng">
          <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={(e) => navigate(`${e.key}${search}`)} style={{ borderInlineEnd: 0 }} />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', borderBottom: '1px solid #e5e7eb', padding: '0 16px', display: 'flex', alignItems: 'center', gap: 12, height: 56 }}>
          <Space size={8} wrap={false}>
            <label htmlFor="period-picker" style={{ color: '#475467' }}>Kỳ báo cáo</label>
            <DatePicker
              id="period-picker"
              picker="month"
              allowClear={false}
              format="[Tháng] MM/YYYY"
              value={dayjs(`${scope.period}-01`)}
              onChange={(d) => d && scope.setPeriod(d.format('YYYY-MM'))}
              aria-label="Kỳ báo cáo"
              style={{ width: 150 }}
            />
            <label htmlFor="org-picker" style={{ color: '#475467', marginLeft: 8 }}>Đơn vị</label>
            <Select
              id="org-picker"
              aria-label="Đơn vị"
              value={scope.org}
              options={orgOptions}
              onChange={(v: string) => scope.setOrg(v)}
              style={{ width: 300 }}
              popupMatchSelectWidth={false}
            />
          </Space>
          <div style={{ flex: 1 }} />
          <Space size={8}>
            <div style={{ textAlign: 'right', lineHeight: 1.2 }}>
              <div style={{ fontWeight: 600 }} data-testid="current-user">{session.me?.displayName}</div>
              <div style={{ fontSize: 12, color: '#667085', maxWidth: 300, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={roles.join('; ')}>
                {roles.map((r) => <Tag key={r} style={{ marginInlineEnd: 4 }}>{r}</Tag>)}
              </div>
            </div>
            <Button icon={<LogoutOutlined />} onClick={() => void session.logout().then(() => navigate('/dang-nhap'))}>Đăng xuất</Button>
          </Space>
        </Header>
        <Content style={{ padding: 16, background: '#f5f6f8' }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
