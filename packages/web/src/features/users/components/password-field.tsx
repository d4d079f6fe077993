import { Button, Input, Space } from 'antd';
import { generatePassword } from '../../../lib/password.ts';

interface PasswordFieldProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId?: string;
}

/** A password input with a “随机生成” button; generated passwords are shown so they can be handed over. */
export function PasswordField({ value, onChange, id, testId }: PasswordFieldProps) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        autoComplete="new-password"
        data-testid={testId}
      />
      <Button onClick={() => onChange?.(generatePassword())}>随机生成</Button>
    </Space.Compact>
  );
}
