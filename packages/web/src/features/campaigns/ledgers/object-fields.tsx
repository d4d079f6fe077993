import type { ObjectFieldDef } from '@anzhi/core';
import { Form, Input, InputNumber, Radio, Select } from 'antd';

/** One form item per field of the object's type (the type's fields are data; so is this form). */
export function ObjectFieldItems({ fields }: { fields: readonly ObjectFieldDef[] }) {
  return (
    <>
      {fields.map((f) => (
        <Form.Item key={f.key} name={['data', f.key]} label={f.label} required={f.required}>
          {control(f)}
        </Form.Item>
      ))}
    </>
  );
}

function control(f: ObjectFieldDef) {
  switch (f.kind) {
    case 'int':
    case 'number':
      return <InputNumber style={{ width: '100%' }} min={0} max={f.max} precision={f.kind === 'int' ? 0 : undefined} suffix={f.unit} />;
    case 'date':
      return <Input type="date" />;
    case 'enum':
      return <Select allowClear options={(f.options ?? []).map((o) => ({ value: o, label: o }))} placeholder="请选择" />;
    case 'bool':
      return (
        <Radio.Group
          options={[
            { value: true, label: '是' },
            { value: false, label: '否' },
          ]}
        />
      );
    case 'phone':
      return <Input inputMode="tel" maxLength={20} />;
    default:
      return <Input maxLength={f.max ?? 200} />;
  }
}

/** A field's value as the list and detail show it. */
export function fieldText(f: ObjectFieldDef, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (f.kind === 'bool') return v ? '是' : '否';
  return f.unit ? `${v} ${f.unit}` : String(v);
}

/** Empty inputs are absent values, not empty strings: an optional field left blank stays blank. */
export function cleanData(data: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
