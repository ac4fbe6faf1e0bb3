// The pages and their paths (Vietnamese slugs); everything but the login page needs a session.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session.tsx';
import { AppLayout } from './components/AppLayout.tsx';
import { Loading } from './components/states.tsx';
import { AdminPage } from './pages/AdminPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { ChartsPage } from './pages/ChartsPage.tsx';
import { ContentPage } from './pages/ContentPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { DataEntryPage } from './pages/DataEntryPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ReportPage } from './pages/ReportPage.tsx';

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.loading) return <Loading label="Đang kiểm tra phiên đăng nhập…" />;
  if (!session.me) return <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/dang-nhap" element={<LoginPage />} />
      <Route element={<RequireSession><AppLayout /></RequireSession>}>
        <Route path="/tong-quan" element={<DashboardPage />} />
        <Route path="/nhap-so-lieu" element={<DataEntryPage />} />
        <Route path="/noi-dung" element={<ContentPage />} />
        <Route path="/bao-cao" element={<ReportPage />} />
        <Route path="/bieu-do" element={<ChartsPage />} />
        <Route path="/lich-su" element={<AuditPage />} />
        <Route path="/quan-tri" element={<AdminPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/tong-quan" replace />} />
    </Routes>
  );
}
