import type { User } from '@anzhi/core';
import { App, Form, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { showSubmitError } from '../../../lib/form-errors.ts';
import { passwordPolicyRule, passwordPolicyText } from '../../../lib/password.ts';
import { useResetPassword } from '../api.ts';
import { PasswordField } from './password-field.tsx';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ newPassword: string }>();
  const { message } = App.useApp();
  const reset = useResetPassword();

  useEffect(() => {
    if (user) form.resetFields();
  }, [form, user]);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !user) return;
    reset.mutate(
      { id: user.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(`已重置“${user.displayName}”的密码，对方下次登录时须修改密码`);
          onClose();
        },
        onError: (e) => showSubmitError(e, form, ['newPassword'], (m) => void message.error(m)),
      },
    );
  };

  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.username}）` : ''}
      open={!!user}
      onCancel={onClose}
      onOk={onOk}
      okText="重置"
      confirmLoading={reset.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">重置后该用户须使用新密码登录，并在登录后立即修改密码。</Typography.Paragraph>
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="newPassword" label="新密码" extra={passwordPolicyText} rules={[passwordPolicyRule(() => user?.username)]}>
          <PasswordField testId="reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
