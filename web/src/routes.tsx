// The pages and their paths (Vietnamese slugs); everything but the login page needs a session.
// Each page is its own chunk (React.lazy): the first page loads only what it shows, and
// ECharts only comes with the pages that chart (Tổng quan, Biểu đồ).
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session.tsx';
import { AppLayout } from './components/AppLayout.tsx';
import { Loading } from './components/states.tsx';

const AdminPage = lazy(() => import('./pages/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const ChartsPage = lazy(() => import('./pages/ChartsPage.tsx').then((m) => ({ default: m.ChartsPage })));
const ContentPage = lazy(() => import('./pages/ContentPage.tsx').then((m) => ({ default: m.ContentPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const DataEntryPage = lazy(() => import('./pages/DataEntryPage.tsx').then((m) => ({ default: m.DataEntryPage })));
const LegacyImportPage = lazy(() => import('./pages/LegacyImportPage.tsx').then((m) => ({ default: m.LegacyImportPage })));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const ReportPage = lazy(() => import('./pages/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

/**
 * A page, marked with its path and the query it renders once it is really on screen:
 * the router changes the address at once and renders the new page (or the same page
 * for another period) in a transition, keeping the previous one visible meanwhile, and
 * whoever checks what is shown (the browser tests) must not take the old for the new.
 */
function PageMark({ path, children }: { path: string; children: ReactNode }) {
  const { search } = useLocation();
  return <div data-page={path} data-search={search} style={{ display: 'contents' }}>{children}</div>;
}

const page = (path: string, element: ReactNode) => (
  <Suspense fallback={<Loading label="Đang tải trang…" />}><PageMark path={path}>{element}</PageMark></Suspense>
);

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.loading) return <Loading label="Đang kiểm tra phiên đăng nhập…" />;
  // After a logout the next person starts on their own first screen; after an expired
  // session the same person comes back to the page they were on.
  if (!session.me) return <Navigate to="/dang-nhap" replace state={session.loggedOut ? null : { from: location.pathname + location.search, user: session.lastUser }} />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/dang-nhap" element={page('/dang-nhap', <LoginPage />)} />
      <Route element={<RequireSession><AppLayout /></RequireSession>}>
        <Route path="/tong-quan" element={page('/tong-quan', <DashboardPage />)} />
        <Route path="/nhap-so-lieu" element={page('/nhap-so-lieu', <DataEntryPage />)} />
        <Route path="/noi-dung" element={page('/noi-dung', <ContentPage />)} />
        <Route path="/nhap-bao-cao-cu" element={page('/nhap-bao-cao-cu', <LegacyImportPage />)} />
        <Route path="/bao-cao" element={page('/bao-cao', <ReportPage />)} />
        <Route path="/bieu-do" element={page('/bieu-do', <ChartsPage />)} />
        <Route path="/thong-bao" element={page('/thong-bao', <NotificationsPage />)} />
        <Route path="/lich-su" element={page('/lich-su', <AuditPage />)} />
        <Route path="/quan-tri" element={page('/quan-tri', <AdminPage />)} />
      </Route>
      <Route path="*" element={<Navigate to="/tong-quan" replace />} />
    </Routes>
  );
}
