import { type LedgerObject, ledgerObjectInput, type ObjectType, objectDataSchema } from '@anzhi/core';
import { App, Button, Descriptions, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { useCreateObject, useEnterpriseOptions, useUpdateObject } from './api.ts';
import { cleanData, fieldText, ObjectFieldItems } from './object-fields.tsx';

interface Values {
  name: string;
  regionCode?: string | null;
  enterpriseId?: number | null;
  address?: string;
  data?: Record<string, unknown>;
}

function EnterprisePicker({
  value,
  onChange,
  initialLabel,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel?: string | null;
}) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useEnterpriseOptions(q);
  const options = (data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  if (value != null && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={options}
      loading={isFetching}
      allowClear
      placeholder="输入企业名称搜索"
    />
  );
}

/** Registers or edits an object: the form is generated from its type's fields and checked with the same schema as the server. */
export function ObjectDrawer({
  type,
  object,
  open,
  onClose,
}: {
  type: ObjectType;
  object: LedgerObject | null;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateObject();
  const update = useUpdateObject();
  const canManage = useCan('ledger.manage');
  const [editing, setEditing] = useState(false);
  const schema = useMemo(() => objectDataSchema(type.fields), [type.fields]);
  const readOnly = object !== null && (!editing || object.status === 'removed');

  useEffect(() => {
    if (!open) return;
    setEditing(object === null);
    form.resetFields();
    if (object) form.setFieldsValue({ ...object, address: object.address ?? undefined, data: object.data });
  }, [open, object, form]);

  const submit = async (values: Values) => {
    const data = cleanData(values.data);
    const problems: Array<{ name: (string | number)[]; errors: string[] }> = [];
    const parsed = schema.safeParse(data);
    if (!parsed.success) for (const i of parsed.error.issues) problems.push({ name: ['data', String(i.path[0])], errors: [i.message] });
    const base = ledgerObjectInput
      .pick({ name: true, address: true })
      .safeParse({ name: values.name ?? '', address: values.address || undefined });
    if (!base.success) for (const i of base.error.issues) problems.push({ name: [String(i.path[0])], errors: [i.message] });
    if (problems.length) return form.setFields(problems);
    const place =
      type.anchor === 'enterprise'
        ? { enterpriseId: values.enterpriseId ?? undefined }
        : { regionCode: values.regionCode ?? undefined, enterpriseId: values.enterpriseId ?? undefined };
    try {
      if (object)
        await update.mutateAsync({
          id: object.id,
          body: { version: object.version, name: values.name, address: values.address ?? '', data, ...place },
        });
      else await create.mutateAsync({ typeId: type.id, name: values.name, address: values.address, data, ...place });
      message.success(object ? '已保存' : '已登记');
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(
          e.fieldProblems.map((p) => ({ name: p.path.startsWith('data.') ? ['data', p.path.slice(5)] : [p.path], errors: [p.message] })),
        );
      }
      message.error(errorMessage(e));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      title={object ? `${type.name}：${object.name}` : `登记${type.name}`}
      extra={
        readOnly && canManage && object?.status === 'active' ? (
          <Button onClick={() => setEditing(true)}>编辑</Button>
        ) : !readOnly ? (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
              保存
            </Button>
          </Space>
        ) : null
      }
    >
      {readOnly && object ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="名称">{object.name}</Descriptions.Item>
          <Descriptions.Item label="所在村（社区）">{object.regionName}</Descriptions.Item>
          {object.enterpriseName ? <Descriptions.Item label="所属企业">{object.enterpriseName}</Descriptions.Item> : null}
          <Descriptions.Item label="地址">{object.address ?? '—'}</Descriptions.Item>
          {type.fields.map((f) => (
            <Descriptions.Item key={f.key} label={f.label}>
              {fieldText(f, object.data[f.key])}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="标签码">{object.labelCode}</Descriptions.Item>
          <Descriptions.Item label="状态">
            {object.status === 'active' ? '在册' : `已注销（${object.removedReason ?? ''}）`}
          </Descriptions.Item>
          <Descriptions.Item label="登记">{`${object.createdByName ?? '—'} · ${object.createdAt.slice(0, 10)}`}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label="名称" required>
            <Input maxLength={60} />
          </Form.Item>
          {type.anchor === 'village' ? (
            <Form.Item name="regionCode" label="所在村（社区）" required>
              <RegionTreeSelect hideAbolished placeholder="请选择村（社区）" />
            </Form.Item>
          ) : null}
          <Form.Item
            name="enterpriseId"
            label={type.anchor === 'enterprise' ? '所属企业' : '经营单位（选填）'}
            required={type.anchor === 'enterprise'}
          >
            <EnterprisePicker initialLabel={object?.enterpriseName} />
          </Form.Item>
          <Form.Item name="address" label="地址">
            <Input maxLength={100} />
          </Form.Item>
          <ObjectFieldItems fields={type.fields} />
        </Form>
      )}
    </Drawer>
  );
}
