import { Alert, Button, Flex } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { safeRedirect, useCurrentUser } from '../../../lib/session.ts';
import { useLogout } from '../api.ts';
import { AuthScreen } from '../components/auth-screen.tsx';
import { ChangePasswordForm } from '../components/change-password-form.tsx';

/**
 * Shown instead of every other page while the account must change its password (first login, or after an
 * administrator reset it). Reachable directly too.
 */
export function ChangePasswordPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const logout = useLogout();
  const redirect = safeRedirect(searchParams.get('redirect'));
  const forced = user.mustChangePassword;

  return (
    <AuthScreen>
      <Alert
        type={forced ? 'warning' : 'info'}
        showIcon
        title={forced ? '请先修改密码' : '修改密码'}
        description={forced ? `${user.displayName}，为保障账号安全，首次登录或密码被重置后须修改密码才能继续使用。` : undefined}
        style={{ marginBottom: 16 }}
      />
      <ChangePasswordForm submitText={forced ? '修改密码并进入系统' : '确认修改'} onDone={() => navigate(redirect, { replace: true })} />
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        {forced ? (
          <span />
        ) : (
          <Button type="link" onClick={() => navigate(-1)}>
            返回
          </Button>
        )}
        <Button type="link" onClick={() => logout.mutate()} loading={logout.isPending}>
          退出登录
        </Button>
      </Flex>
    </AuthScreen>
  );
}
