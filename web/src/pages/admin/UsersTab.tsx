// Quản trị → Người dùng: the accounts with their roles and scopes; an admin adds an
// account, changes its role and unit, locks or unlocks it (PATCH/POST /api/users,
// audited by the server, which also refuses anything outside the admin's subtree).
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
      <Table<UserView> size="small" rowKey="username" loading={users.isPending} dataSource={users.data ?? []} pagination={false}
        locale={{ emptyText: 'Chưa có người dùng.' }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username', width: 150 },
          { title: 'Họ tên', dataIndex: 'displayName' },
          { title: 'Vai trò và phạm vi', key: 'g', render: (_, u) => u.grants.map((g) => <Tag key={`${g.role}${g.orgUnit}`}>{ROLE_LABELS[g.role]} · {unitName(g.orgUnit)}</Tag>) },
          { title: 'Trạng thái', key: 's', width: 110, render: (_, u) => (u.disabled ? <Tag color="error">Đã khóa</Tag> : <Tag color="success">Hoạt động</Tag>) },
          {
            title: '', key: 'a', width: 190, render: (_, u) => u.username === session.me?.username ? null : (
              <Space size={4}>
                <Button size="small" onClick={() => open(u)} aria-label={`Sửa quyền ${u.username}`}>Sửa quyền</Button>
                <Button size="small" danger={!u.disabled} aria-label={`${u.disabled ? 'Mở khóa' : 'Khóa'} ${u.username}`}
                  onClick={() => void act(() => api.patch(`/api/users/${encodeURIComponent(u.username)}`, { disabled: !u.disabled }), `${u.disabled ? 'Đã mở khóa' : 'Đã khóa'} ${u.username}.`)}>
                  {u.disabled ? 'Mở khóa' : 'Khóa'}
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
            <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="orgUnit" label="Phạm vi (đơn vị)" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
            <Select showSearch optionFilterProp="label" options={unitOptions} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
