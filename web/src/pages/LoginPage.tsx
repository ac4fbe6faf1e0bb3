// Đăng nhập: username and password; the server's Vietnamese message on failure
// (wrong password, locked account, too many attempts).
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { messageOf } from '../api/client.ts';
import { useSession } from '../api/session.tsx';

interface LoginForm { username: string; password: string }

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const state = location.state as { from?: string; user?: string | null } | null;
  // The page someone else was on is not where this user's work is.
  const target = (username: string) => (state?.from && (!state.user || state.user === username) ? state.from : '/tong-quan');
  if (session.me) return <Navigate to={target(session.me.username)} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const me = await session.login(values.username, values.password);
      navigate(target(me.username), { replace: true });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(180deg, #a4161a 0, #a4161a 220px, #f5f6f8 220px)' }}>
      <Card style={{ width: 'calc(100% - 24px)', maxWidth: 400, boxShadow: '0 8px 24px rgba(16,24,40,.12)' }}>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <div style={{ fontSize: 12, color: '#667085', textTransform: 'uppercase' }}>Hệ thống báo cáo định kỳ</div>
          <Typography.Title level={1} style={{ fontSize: 22, margin: '4px 0 0' }}>Đăng nhập</Typography.Title>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginForm> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>Đăng nhập</Button>
        </Form>
      </Card>
    </main>
  );
}
