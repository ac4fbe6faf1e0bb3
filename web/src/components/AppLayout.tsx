// The frame of every page after login: the menu, the period and unit pickers, the
// notifications bell and the user. On a laptop the menu is a side bar (208 px); on a
// phone (< 768 px) it is a drawer behind a button and the pickers take a row each, so
// nothing is cut and the page is never wider than the screen.
import {
  AuditOutlined, BarChartOutlined, BellOutlined, DashboardOutlined, EditOutlined, FileTextOutlined, ImportOutlined, LogoutOutlined, MenuOutlined,
  SettingOutlined, TableOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Drawer, Dropdown, Layout, Menu, Select, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ROLE_LABELS } from '../../../src/core/access.ts';
import { messageOf } from '../api/client.ts';
import { useNotifications } from '../api/queries.ts';
import { useSession } from '../api/session.tsx';
import { REPORT_STATUS_COLORS } from '../lib/report-status.tsx';
import { capitalise, shortPeriodLabel } from '../lib/work-scope.ts';
import { useScope } from './scope.ts';
import type { Scope } from './scope.ts';
import { usePhone } from './use-phone.ts';

const { Header, Sider, Content } = Layout;

function PeriodPicker({ scope, block }: { scope: Scope; block: boolean }) {
  const reports = (scope.periods?.reports ?? []).filter((r) => r.orgUnit === scope.reportOrg);
  const next = scope.reportUnit?.canCreate ? scope.reportUnit.nextPeriod : null;
  const options = reports.map((r) => ({
    value: r.period,
    label: (
      <span data-testid={`period-option-${r.period}`}>
        {capitalise(shortPeriodLabel(r.period))} <Tag color={REPORT_STATUS_COLORS[r.status]} style={{ marginInlineStart: 4 }}>{capitalise(r.statusLabel)}</Tag>
      </span>
    ),
    title: `${capitalise(shortPeriodLabel(r.period))}: ${r.statusLabel.toLowerCase()}`,
  }));
  if (next && !reports.some((r) => r.period === next.period)) {
    options.unshift({ value: next.period, label: <span>{capitalise(shortPeriodLabel(next.period))} <Tag style={{ marginInlineStart: 4 }}>Chưa lập</Tag></span>, title: `${capitalise(shortPeriodLabel(next.period))}: chưa lập báo cáo` });
  }
  if (!options.some((o) => o.value === scope.period)) {
    options.unshift({ value: scope.period, label: <span>{capitalise(shortPeriodLabel(scope.period))} <Tag style={{ marginInlineStart: 4 }}>Chưa có báo cáo</Tag></span>, title: 'Chưa có báo cáo' });
  }
  return (
    <Select
      id="period-picker"
      aria-label="Kỳ báo cáo"
      value={scope.period}
      options={options}
      onChange={(v: string) => scope.setPeriod(v)}
      style={{ width: block ? '100%' : 220 }}
      popupMatchSelectWidth={false}
      labelRender={({ value }) => {
        const report = reports.find((r) => r.period === value);
        return <span>{capitalise(shortPeriodLabel(String(value)))}<span style={{ color: '#667085', fontSize: 12 }}> · {report ? report.statusLabel.toLowerCase() : 'chưa có báo cáo'}</span></span>;
      }}
    />
  );
}

function UnitPicker({ scope, block }: { scope: Scope; block: boolean }) {
  if (scope.units.length <= 1) {
    return <span data-testid="unit-name" style={{ fontWeight: 500 }}>{scope.unitName(scope.org)}</span>;
  }
  return (
    <Select
      id="org-picker"
      aria-label="Đơn vị"
      value={scope.org}
      showSearch
      optionFilterProp="title"
      options={scope.units.map((u) => ({ value: u.code, title: u.name, label: <span style={{ paddingInlineStart: Math.max(0, u.level - 1) * 12 }}>{u.name}</span> }))}
      onChange={(v: string) => scope.setOrg(v)}
      style={{ width: block ? '100%' : 290 }}
      popupMatchSelectWidth={false}
      labelRender={({ value }) => scope.unitName(String(value))}
    />
  );
}

export function AppLayout() {
  const session = useSession();
  const scope = useScope();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const phone = usePhone();
  const [drawer, setDrawer] = useState(false);
  const { message, modal } = App.useApp();
  const notifications = useNotifications();
  const isAdmin = session.hasRole('admin');
  const canAudit = session.allows('read_audit');
  // Importing an old report replaces the report's content: office and admin only (the server checks too).
  const canImportReport = session.allows('compile');

  // The URL names the unit and period as soon as they are known: links, reloads and
  // the other pages show the same thing.
  useEffect(() => {
    if (!scope.ready || !scope.org) return;
    if (params.get('org') === scope.org && params.get('period') === scope.period) return;
    setParams((prev) => { const p = new URLSearchParams(prev); p.set('org', scope.org ?? ''); p.set('period', scope.period); return p; }, { replace: true });
  }, [scope.ready, scope.org, scope.period, params, setParams]);

  const items = [
    { key: '/tong-quan', icon: <DashboardOutlined />, label: 'Tổng quan' },
    { key: '/nhap-so-lieu', icon: <TableOutlined />, label: 'Nhập số liệu' },
    { key: '/noi-dung', icon: <EditOutlined />, label: 'Nội dung' },
    ...(canImportReport ? [{ key: '/nhap-bao-cao-cu', icon: <ImportOutlined />, label: 'Nhập báo cáo cũ' }] : []),
    { key: '/bao-cao', icon: <FileTextOutlined />, label: 'Báo cáo' },
    { key: '/bieu-do', icon: <BarChartOutlined />, label: 'Biểu đồ' },
    { key: '/thong-bao', icon: <BellOutlined />, label: 'Thông báo' },
    ...(canAudit ? [{ key: '/lich-su', icon: <AuditOutlined />, label: 'Lịch sử' }] : []),
    ...(isAdmin ? [{ key: '/quan-tri', icon: <SettingOutlined />, label: 'Quản trị' }] : []),
  ];
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '/tong-quan';
  const roles = [...new Set(session.me?.grants.map((g) => `${capitalise(ROLE_LABELS[g.role])} · ${g.orgUnitName}`) ?? [])];
  const unread = notifications.data?.unread ?? 0;
  const go = (path: string) => {
    setDrawer(false);
    navigate(`${path}${scope.search}`);
  };
  const logout = () => void session.logout().then(() => navigate('/dang-nhap'));
  const logoutEverywhere = () => modal.confirm({
    title: 'Đăng xuất khỏi mọi nơi?',
    content: 'Mọi phiên đăng nhập của tài khoản này (trên máy khác, điện thoại, trình duyệt khác) đều kết thúc; bạn cần đăng nhập lại.',
    okText: 'Đăng xuất mọi nơi',
    cancelText: 'Hủy',
    onOk: async () => {
      try {
        await session.logoutEverywhere();
        navigate('/dang-nhap');
      } catch (error) {
        message.error(`Không đăng xuất được: ${messageOf(error)}`);
      }
    },
  });

  const brand = (
    <div style={{ fontWeight: 700, color: '#a4161a', letterSpacing: 0.3, lineHeight: 1.25 }}>
      BÁO CÁO ĐỊNH KỲ
      <div style={{ fontWeight: 400, fontSize: 12, color: '#667085', letterSpacing: 0 }}>{scope.unitName(scope.reportOrg) || 'Hệ thống báo cáo'}</div>
    </div>
  );
  const bell = (
    <Tooltip title="Thông báo">
      <Badge count={unread} size="small" overflowCount={9}>
        <Button aria-label={unread > 0 ? `Thông báo (${unread} chưa đọc)` : 'Thông báo'} icon={<BellOutlined />} onClick={() => go('/thong-bao')} />
      </Badge>
    </Tooltip>
  );
  const user = (
    <div style={{ lineHeight: 1.25, minWidth: 0 }}>
      <div style={{ fontWeight: 600 }} data-testid="current-user">{session.me?.displayName}</div>
      <div style={{ fontSize: 12, color: '#667085', overflowWrap: 'anywhere' }}>{roles.join('; ')}</div>
    </div>
  );
  const pickers = (
    <>
      <Space size={6} style={{ minWidth: 0, width: phone ? '100%' : undefined }} className="picker">
        <label htmlFor="period-picker" style={{ color: '#475467', whiteSpace: 'nowrap' }}>Kỳ báo cáo</label>
        <PeriodPicker scope={scope} block={phone} />
      </Space>
      <Space size={6} style={{ minWidth: 0, width: phone ? '100%' : undefined }} className="picker">
        <label htmlFor="org-picker" style={{ color: '#475467', whiteSpace: 'nowrap' }}>Đơn vị</label>
        <UnitPicker scope={scope} block={phone} />
      </Space>
    </>
  );

  // One tree for both layouts: the page (Outlet) keeps its place, so turning a tablet or
  // resizing a window across 768 px never remounts the page and loses unsaved edits.
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? null : (
        <Sider width={208} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #e5e7eb' }}>
          <div style={{ padding: '16px 16px 8px' }} className="sider-brand">{brand}</div>
          <nav aria-label="Chức năng">
            <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={(e) => go(e.key)} style={{ borderInlineEnd: 0 }} />
          </nav>
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        {phone ? (
          <header className="phone-header">
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Button aria-label="Mở danh mục chức năng" icon={<MenuOutlined />} onClick={() => setDrawer(true)} />
              <div style={{ flex: 1, minWidth: 0 }}>{brand}</div>
              {bell}
            </div>
            <div className="phone-pickers">{pickers}</div>
          </header>
        ) : (
          <Header className="desktop-header">
            <div className="header-pickers">{pickers}</div>
            <div style={{ flex: 1 }} />
            <Space size={12} align="center" style={{ minWidth: 0 }}>
              {bell}
              <Dropdown trigger={['click']} menu={{
                items: [
                  { key: 'roles', disabled: true, label: <span style={{ color: '#475467' }}>{roles.join('; ')}</span> },
                  { type: 'divider' },
                  { key: 'all', icon: <LogoutOutlined />, label: 'Đăng xuất mọi nơi' },
                ],
                onClick: ({ key }) => key === 'all' && logoutEverywhere(),
              }}>
                <Button type="text" aria-label={`Tài khoản ${session.me?.displayName ?? ''}`} style={{ height: 'auto', maxWidth: 220, textAlign: 'right', whiteSpace: 'normal', padding: '2px 8px' }}>
                  <span style={{ fontWeight: 600 }} data-testid="current-user">{session.me?.displayName}</span>
                </Button>
              </Dropdown>
              <Button icon={<LogoutOutlined />} onClick={logout}>Đăng xuất</Button>
            </Space>
          </Header>
        )}
        <Content className="page-content">
          <Outlet />
        </Content>
      </Layout>
      {phone && (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={280} title={brand} styles={{ body: { padding: 0 } }}>
          <div style={{ padding: '12px 16px', borderBottom: '1px solid #e5e7eb' }}>{user}</div>
          <nav aria-label="Chức năng">
            <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={(e) => go(e.key)} style={{ borderInlineEnd: 0 }} />
          </nav>
          <div style={{ padding: 16, display: 'grid', gap: 8 }}>
            <Button icon={<LogoutOutlined />} onClick={logout}>Đăng xuất</Button>
            <Button onClick={logoutEverywhere}>Đăng xuất mọi nơi</Button>
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
