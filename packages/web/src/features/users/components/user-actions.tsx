import type { User } from '@anzhi/core';
import { App, Button, Popconfirm, Space } from 'antd';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { useUnlockUser, useUpdateUser } from '../api.ts';

interface UserActionsProps {
  user: User;
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
}

export function UserActions({ user, onEdit, onResetPassword }: UserActionsProps) {
  const { message } = App.useApp();
  const me = useCurrentUser();
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const isMe = me.id === user.id;
  const fail = (e: unknown) => void message.error(errorMessage(e));

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onEdit(user)}>
        编辑
      </Button>
      <Button type="link" size="small" onClick={() => onResetPassword(user)}>
        重置密码
      </Button>
      {user.locked ? (
        <Popconfirm
          title={`解除“${user.displayName}”的锁定？`}
          okText="解锁"
          onConfirm={() => unlock.mutate(user.id, { onSuccess: () => message.success(`已解锁“${user.displayName}”`), onError: fail })}
        >
          <Button type="link" size="small" loading={unlock.isPending}>
            解锁
          </Button>
        </Popconfirm>
      ) : null}
      {user.roles.includes('enterprise') ? (
        // 16号令 第十四条: the enterprise's 季报/年报 are signed by its principal; the office says which account that is.
        <Popconfirm
          title={
            user.enterprisePrincipal ? `取消“${user.displayName}”的企业主要负责人登记？` : `登记“${user.displayName}”为企业主要负责人？`
          }
          description="企业季报、年报只能由登记为主要负责人的账号签署。"
          onConfirm={() =>
            update.mutate(
              { id: user.id, enterprisePrincipal: !user.enterprisePrincipal },
              { onSuccess: () => message.success(user.enterprisePrincipal ? '已取消登记' : '已登记为主要负责人'), onError: fail },
            )
          }
        >
          <Button type="link" size="small" loading={update.isPending}>
            {user.enterprisePrincipal ? '取消主要负责人' : '登记为主要负责人'}
          </Button>
        </Popconfirm>
      ) : null}
      {isMe ? null : (
        <Popconfirm
          title={user.disabled ? `启用“${user.displayName}”？` : `停用“${user.displayName}”？`}
          description={user.disabled ? undefined : '停用后该账号不能登录，历史记录保留。'}
          okText={user.disabled ? '启用' : '停用'}
          okButtonProps={{ danger: !user.disabled }}
          onConfirm={() =>
            update.mutate(
              { id: user.id, disabled: !user.disabled },
              {
                onSuccess: () => message.success(user.disabled ? '已启用' : '已停用'),
                onError: fail,
              },
            )
          }
        >
          <Button type="link" size="small" danger={!user.disabled} loading={update.isPending}>
            {user.disabled ? '启用' : '停用'}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
