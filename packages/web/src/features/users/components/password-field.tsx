import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { generatePassword } from '../../../lib/password.ts';

interface PasswordFieldProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId?: string;
}

/** A password input with a “随机生成” button; a generated password is shown so it can be handed over. */
export function PasswordField({ value, onChange, id, testId }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        visibilityToggle={{ visible, onVisibleChange: setVisible }}
        autoComplete="new-password"
        data-testid={testId}
      />
      <Button
        onClick={() => {
          onChange?.(generatePassword());
          setVisible(true);
        }}
      >
        随机生成
      </Button>
    </Space.Compact>
  );
}
