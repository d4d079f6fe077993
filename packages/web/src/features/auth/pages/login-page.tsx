import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { loginBody } from '@anzhi/core';
import { Alert, Button, Form, Input } from 'antd';
import { useRef } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../lib/api-client.ts';
import { parseForm } from '../../../lib/form-errors.ts';
import { type LoginReason, loginReasonText, safeRedirect, useSession } from '../../../lib/session.ts';
import { useLogin } from '../api.ts';
import { AuthScreen } from '../components/auth-screen.tsx';

interface FormValues {
  username: string;
  password: string;
}

const fields = ['username', 'password'] as const;

function isReason(value: string | null): value is LoginReason {
  return value !== null && value in loginReasonText;
}

export function LoginPage() {
  const [form] = Form.useForm<FormValues>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const passwordRef = useRef<React.ComponentRef<typeof Input.Password>>(null);
  const redirect = safeRedirect(searchParams.get('redirect'));
  const reason = searchParams.get('reason');

  if (session.data && !login.isPending) return <Navigate to={redirect} replace />;

  const onFinish = (values: FormValues) => {
    const body = parseForm(loginBody, values, form, fields);
    if (!body) return;
    login.mutate(body, {
      onSuccess: () => navigate(redirect, { replace: true }),
      onError: () => {
        form.setFieldValue('password', '');
        passwordRef.current?.focus();
      },
    });
  };

  const notice = login.isError ? null : isReason(reason) ? loginReasonText[reason] : null;

  return (
    <AuthScreen footer="安治 AnZhi · 开源安全生产治理平台">
      {login.isError ? (
        <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : null}
      {notice ? (
        <Alert
          type={reason === 'expired' ? 'warning' : 'info'}
          showIcon
          title={notice}
          style={{ marginBottom: 16 }}
          data-testid="login-notice"
        />
      ) : null}
      <Form form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} aria-label="登录">
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input
            prefix={<UserOutlined />}
            placeholder="请输入用户名"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoFocus
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password
            ref={passwordRef}
            prefix={<LockOutlined />}
            placeholder="请输入密码"
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          登录
        </Button>
      </Form>
    </AuthScreen>
  );
}
