import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@anzhi/core';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useLogout } from '../features/auth/api.ts';
import { ChangePasswordModal } from '../features/auth/components/change-password-modal.tsx';
import { useCurrentUser } from '../lib/session.ts';

export function UserMenu({ compact }: { compact: boolean }) {
  const user = useCurrentUser();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  const roles = user.roles.map((r) => roleLabels[r]).join('、');

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      className: 'user-menu-who',
      label: (
        <div>
          <div className="user-menu-name">{user.displayName}</div>
          <div className="muted">{roles || '未分配角色'}</div>
          {user.unitName ? <div className="muted">{user.unitName}</div> : null}
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">修改密码</span> },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">退出登录</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChanging(true);
    if (key === 'logout') logout.mutate();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="user-menu-trigger" data-testid="user-menu" aria-label="用户菜单">
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1f4e9c' }} />
          {compact ? null : <span className="user-menu-trigger-name">{user.displayName}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
