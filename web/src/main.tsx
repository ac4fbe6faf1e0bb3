// Entry of the web app: antd in Vietnamese, dayjs in Vietnamese, TanStack Query,
// the session, and the routes.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client.ts';
import { SessionProvider } from './api/session.tsx';
import { AppRoutes } from './routes.tsx';
import './styles.css';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not improve by asking again; a dropped connection may.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// Someone who asked the system for less motion gets none: drawers, dialogs and lists
// appear at once instead of sliding and zooming in (read once, at start).
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={viVN}
        theme={{ token: { motion: !reducedMotion, colorPrimary: '#1f4e9c', borderRadius: 4, fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif" } }}
      >
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <SessionProvider>
                <AppRoutes />
              </SessionProvider>
            </BrowserRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
