import { KeyOutlined, LogoutOutlined, RightOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@anzhi/core';
import { Avatar, Button, Drawer, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLogout } from '../features/auth/api.ts';
import { ChangePasswordModal } from '../features/auth/components/change-password-modal.tsx';
import { hasPermission, useCurrentUser } from '../lib/session.ts';

/** 我的: who I am, my enterprise's file (enterprise accounts), change password, sign out — a sheet from the bottom. */
export function MineSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const user = useCurrentUser();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  const roles = user.roles.map((r) => roleLabels[r]).join('、');
  const ownEnterprise = user.enterpriseId != null && hasPermission(user, 'enterprise.read') ? user.enterpriseId : null;

  return (
    <>
      <Drawer
        placement="bottom"
        open={open}
        onClose={onClose}
        size="auto"
        title="我的"
        className="mine-sheet"
        styles={{ body: { paddingBottom: 'calc(16px + env(safe-area-inset-bottom))' } }}
      >
        <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
          <Avatar size={48} icon={<UserOutlined />} style={{ backgroundColor: '#1f4e9c' }} />
          <div>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="mine-name">
              {user.displayName}
            </Typography.Text>
            <div className="muted">{roles || '未分配角色'}</div>
            {user.unitName ? <div className="muted">{user.unitName}</div> : null}
            {user.enterpriseName ? <div className="muted">{user.enterpriseName}</div> : null}
          </div>
        </Flex>
        <Flex vertical gap={8}>
          {ownEnterprise ? (
            <Link to={`/enterprises/${ownEnterprise}`} onClick={onClose} className="mine-sheet-row" data-testid="mine-enterprise">
              <ShopOutlined /> <span>本企业档案（一企一档）</span>
              <RightOutlined className="mine-sheet-chevron" />
            </Link>
          ) : null}
          <Button
            size="large"
            block
            icon={<KeyOutlined />}
            onClick={() => {
              onClose();
              setChanging(true);
            }}
            data-testid="mine-change-password"
          >
            修改密码
          </Button>
          <Button size="large" block danger icon={<LogoutOutlined />} onClick={() => logout.mutate()} data-testid="mine-logout">
            退出登录
          </Button>
        </Flex>
      </Drawer>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
