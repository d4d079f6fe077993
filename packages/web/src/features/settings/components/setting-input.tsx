import type { SettingField } from '@anzhi/core';
import { Checkbox, Input, InputNumber } from 'antd';

/** The control of one field, from the input kind core read off the zod schema. */
export function SettingInput({ field, disabled }: { field: SettingField; disabled: boolean }) {
  const input = field.input;
  if (input.kind === 'number') {
    return (
      <InputNumber
        disabled={disabled}
        min={input.min ?? undefined}
        max={input.max ?? undefined}
        precision={input.integer ? 0 : undefined}
        suffix={field.unit}
        style={{ width: 160 }}
      />
    );
  }
  if (input.kind === 'options') return <Checkbox.Group disabled={disabled} options={input.options} />;
  return <Input disabled={disabled} maxLength={input.maxLength ?? undefined} style={{ maxWidth: 280 }} />;
}

/** A value as the page prints it: “3 天”, “季报、年报”. */
export function settingText(field: SettingField, value: unknown): string {
  if (Array.isArray(value)) {
    const labels = field.input.kind === 'options' ? field.input.options : [];
    return value.map((v) => labels.find((o) => o.value === v)?.label ?? String(v)).join('、') || '（无）';
  }
  return field.unit && typeof value === 'number' ? `${value} ${field.unit}` : String(value ?? '');
}
