import { changePasswordBody } from '@anzhi/core';
import { Alert, App, Button, Form, Input } from 'antd';
import { ApiError } from '../../../lib/api-client.ts';
import { parseForm, showSubmitError } from '../../../lib/form-errors.ts';
import { confirmPasswordRule, passwordPolicyRule, passwordPolicyText } from '../../../lib/password.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { useChangePassword } from '../api.ts';

interface FormValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const fields = ['oldPassword', 'newPassword'] as const;

/** Used by the forced change-password page and by the dialog in the user menu. */
export function ChangePasswordForm({ onDone, submitText = '确认修改' }: { onDone?: () => void; submitText?: string }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const change = useChangePassword();

  const onFinish = (values: FormValues) => {
    const body = parseForm(changePasswordBody, values, form, fields);
    if (!body) return;
    change.mutate(body, {
      onSuccess: () => {
        message.success('密码已修改');
        form.resetFields();
        onDone?.();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'auth.invalid_credentials') {
          form.setFields([{ name: 'oldPassword', errors: [error.message || '原密码不正确'] }]);
          return;
        }
        showSubmitError(error, form, fields, (m) => void message.error(m));
      },
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="off">
      <Alert type="info" showIcon title={`密码要求：${passwordPolicyText}，且不能包含用户名。`} style={{ marginBottom: 16 }} />
      <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password size="large" autoComplete="current-password" data-testid="old-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={passwordPolicyText}
        dependencies={['oldPassword']}
        rules={[
          passwordPolicyRule(() => user.username),
          ({ getFieldValue }) => ({
            validator: async (_r, value) => {
              if (value && value === getFieldValue('oldPassword')) throw new Error('新密码不能与原密码相同');
            },
          }),
        ]}
      >
        <Input.Password size="large" autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item name="confirmPassword" label="确认新密码" dependencies={['newPassword']} rules={[confirmPasswordRule('newPassword')]}>
        <Input.Password size="large" autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={change.isPending} data-testid="change-password-submit">
        {submitText}
      </Button>
    </Form>
  );
}
