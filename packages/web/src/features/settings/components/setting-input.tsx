import type { SettingField } from '@anzhi/core';
import { Checkbox, Input, InputNumber, Switch } from 'antd';

/** What Form.Item hands its control: the value, the change handler and the id its label points at. */
interface ControlProps {
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}

/** The control of one field, from the input kind core read off the zod schema. */
export function SettingInput({ field, disabled, id, value, onChange }: { field: SettingField; disabled: boolean } & ControlProps) {
  const input = field.input;
  if (input.kind === 'number') {
    return (
      <InputNumber
        id={id}
        value={typeof value === 'number' ? value : null}
        onChange={(v) => onChange?.(v)}
        disabled={disabled}
        min={input.min ?? undefined}
        max={input.max ?? undefined}
        precision={input.integer ? 0 : undefined}
        suffix={field.unit}
        style={{ width: 160 }}
      />
    );
  }
  if (input.kind === 'switch') {
    return (
      <Switch
        id={id}
        checked={value === true}
        onChange={(v) => onChange?.(v)}
        disabled={disabled}
        checkedChildren="是"
        unCheckedChildren="否"
      />
    );
  }
  if (input.kind === 'options') {
    return (
      <Checkbox.Group
        value={Array.isArray(value) ? value.map(String) : []}
        onChange={(v) => onChange?.(v)}
        disabled={disabled}
        options={input.options}
      />
    );
  }
  return (
    <Input
      id={id}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange?.(e.target.value)}
      disabled={disabled}
      maxLength={input.maxLength ?? undefined}
      style={{ maxWidth: 280 }}
    />
  );
}

/** A value as the page prints it: “3 天”, “季报、年报”. */
export function settingText(field: SettingField, value: unknown): string {
  if (Array.isArray(value)) {
    const labels = field.input.kind === 'options' ? field.input.options : [];
    return value.map((v) => labels.find((o) => o.value === v)?.label ?? String(v)).join('、') || '（无）';
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return field.unit && typeof value === 'number' ? `${value} ${field.unit}` : String(value ?? '');
}
