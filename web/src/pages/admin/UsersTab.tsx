// Quản trị → Người dùng: the accounts with their roles and scopes; an admin adds an
// account, changes its role and unit, stops or restarts it (PATCH /api/users), and
// lifts a login lockout after too many wrong passwords ("Mở khóa", POST
// /api/users/{name}/unlock). The server audits each change and refuses anything
// outside the admin's subtree.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLES } from '../../../../src/core/access.ts';
import type { Role } from '../../../../src/core/access.ts';
import { api, messageOf } from '../../api/client.ts';
import { useUsers } from '../../api/queries.ts';
import { useSession } from '../../api/session.tsx';
import type { OrgUnit, UserView } from '../../api/types.ts';
import { ErrorState } from '../../components/states.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { capitalise } from '../../lib/work-scope.ts';

interface Draft { username: string; displayName: string; password: string; role: Role; orgUnit: string }

export function UsersTab({ units }: { units: readonly OrgUnit[] }) {
  const session = useSession();
  const users = useUsers(true);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Draft>();
  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const unitOptions = units.map((u) => ({ value: u.code, label: u.name }));

  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      message.success(done);
      setEditing(null);
      await client.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const open = (target: UserView | 'new') => {
    setError(null);
    const grant = target === 'new' ? undefined : target.grants[0];
    form.setFieldsValue({
      username: target === 'new' ? '' : target.username, displayName: target === 'new' ? '' : target.displayName, password: '',
      role: grant?.role ?? 'reporter', orgUnit: grant?.orgUnit ?? units[0]?.code ?? '',
    });
    setEditing(target);
  };

  const submit = async () => {
    const draft = await form.validateFields();
    const grants = [{ role: draft.role, orgUnit: draft.orgUnit }];
    if (editing === 'new') {
      await act(() => api.post('/api/users', { username: draft.username.trim(), displayName: draft.displayName.trim() || draft.username.trim(), password: draft.password, grants }), `Đã tạo tài khoản ${draft.username}.`);
    } else if (editing) {
      await act(() => api.patch(`/api/users/${encodeURIComponent(editing.username)}`, { grants }), `Đã đổi quyền của ${editing.username}.`);
    }
  };

  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" onClick={() => open('new')}>Thêm người dùng</Button>
      </Space>
      {error && editing === null && <Alert type="error" showIcon role="alert" title="Không thực hiện được" description={error} closable onClose={() => setError(null)} style={{ marginBottom: 8 }} />}
      <Table<UserView> size="small" rowKey="username" loading={users.isPending} dataSource={users.data ?? []} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Chưa có người dùng.' }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username', width: 150 },
          { title: 'Họ tên', dataIndex: 'displayName' },
          { title: 'Vai trò và phạm vi', key: 'g', render: (_, u) => u.grants.map((g) => <Tag key={`${g.role}${g.orgUnit}`}>{capitalise(ROLE_LABELS[g.role])} · {unitName(g.orgUnit)}</Tag>) },
          {
            title: 'Trạng thái', key: 's', width: 170, render: (_, u) => (
              <div>
                {u.disabled ? <Tag color="error">Ngừng hoạt động</Tag> : <Tag color="success">Hoạt động</Tag>}
                {u.lockedUntil && new Date(u.lockedUntil) > new Date() && <Tag color="warning">Tạm khóa đến {formatDateTime(u.lockedUntil)}</Tag>}
                {u.createdAt && <div style={{ fontSize: 12, color: '#667085' }}>Tạo ngày {formatDate(u.createdAt)}</div>}
              </div>
            ),
          },
          {
            title: '', key: 'a', width: 300, render: (_, u) => u.username === session.me?.username ? null : (
              <Space size={4} wrap>
                <Button size="small" onClick={() => open(u)} aria-label={`Sửa quyền ${u.username}`}>Sửa quyền</Button>
                <Button size="small" aria-label={`Mở khóa ${u.username}`} title="Cho đăng nhập lại ngay, không chờ hết thời gian tạm khóa sau nhiều lần nhập sai mật khẩu"
                  onClick={() => void act(() => api.post(`/api/users/${encodeURIComponent(u.username)}/unlock`), `Đã mở khóa đăng nhập cho ${u.username}.`)}>
                  Mở khóa
                </Button>
                <Button size="small" danger={!u.disabled} aria-label={`${u.disabled ? 'Cho hoạt động lại' : 'Ngừng hoạt động'} ${u.username}`}
                  onClick={() => void act(() => api.patch(`/api/users/${encodeURIComponent(u.username)}`, { disabled: !u.disabled }), `${u.disabled ? 'Đã cho hoạt động lại' : 'Đã ngừng'} tài khoản ${u.username}.`)}>
                  {u.disabled ? 'Cho hoạt động lại' : 'Ngừng hoạt động'}
                </Button>
              </Space>
            ),
          },
        ]} />
      <Modal open={editing !== null} title={editing === 'new' ? 'Thêm người dùng' : `Sửa quyền của ${editing?.username ?? ''}`} okText="Lưu" cancelText="Hủy"
        onOk={() => void submit()} onCancel={() => setEditing(null)}>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
        <Form form={form} layout="vertical">
          {editing === 'new' && (
            <>
              <Form.Item name="username" label="Tên đăng nhập" rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}><Input autoComplete="off" /></Form.Item>
              <Form.Item name="displayName" label="Họ tên"><Input /></Form.Item>
              <Form.Item name="password" label="Mật khẩu" rules={[{ required: true, min: 8, message: 'Mật khẩu cần ít nhất 8 ký tự.' }]}><Input.Password autoComplete="new-password" /></Form.Item>
            </>
          )}
          <Form.Item name="role" label="Vai trò" rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: capitalise(ROLE_LABELS[r]) }))} />
          </Form.Item>
          <Form.Item name="orgUnit" label="Phạm vi (đơn vị)" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
            <Select showSearch optionFilterProp="label" options={unitOptions} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
