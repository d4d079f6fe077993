import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ObjectType,
  objectAnchorLabels,
  objectAnchors,
  objectFieldKindLabels,
  objectFieldKinds,
  objectTypeInput,
  objectTypeUpdate,
} from '@anzhi/core';
import { App, Button, Checkbox, Empty, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { parseForm } from '../../../lib/form-errors.ts';
import { useCreateType, useObjectTypes, useRestoreType, useUpdateType } from './api.ts';

interface Values {
  code?: string;
  name: string;
  anchor?: ObjectType['anchor'];
  counter: string;
  fields: ObjectType['fields'];
  checklistText: string;
  archived?: boolean;
}
const formFields = ['code', 'name', 'anchor', 'counter', 'fields', 'checklist', 'archived'];

function TypeEditor({ type, open, onClose }: { type: ObjectType | null; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateType();
  const update = useUpdateType();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (type) form.setFieldsValue({ ...type, checklistText: type.checklist.join('\n') });
    else form.setFieldsValue({ anchor: 'village', counter: '处', fields: [], checklistText: '' });
  }, [open, type, form]);

  const submit = async (v: Values) => {
    const fields = (v.fields ?? []).map((f) => ({
      ...f,
      required: !!f.required,
      options: f.kind === 'enum' ? f.options : undefined,
      unit: f.unit || undefined,
    }));
    const checklist = v.checklistText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      if (type) {
        const body = parseForm(
          objectTypeUpdate,
          { name: v.name, counter: v.counter, fields, checklist, archived: v.archived, version: type.version },
          form,
          formFields,
        );
        if (!body) return;
        await update.mutateAsync({ id: type.id, body });
      } else {
        const body = parseForm(
          objectTypeInput,
          { code: v.code, name: v.name, anchor: v.anchor, counter: v.counter, fields, checklist },
          form,
          formFields,
        );
        if (!body) return;
        await create.mutateAsync(body);
      }
      message.success('已保存');
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      width={900}
      title={type ? `编辑台账类型：${type.name}` : '新增台账类型'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Space wrap align="start">
          {type ? null : (
            <Form.Item name="code" label="类型代码" required extra="字母开头，如 gasPipe">
              <Input style={{ width: 160 }} />
            </Form.Item>
          )}
          <Form.Item name="name" label="类型名称" required>
            <Input style={{ width: 220 }} maxLength={30} />
          </Form.Item>
          {type ? null : (
            <Form.Item name="anchor" label="对象归属" required>
              <Select style={{ width: 160 }} options={objectAnchors.map((a) => ({ value: a, label: objectAnchorLabels[a] }))} />
            </Form.Item>
          )}
          <Form.Item name="counter" label="计量单位" required>
            <Input style={{ width: 80 }} maxLength={4} />
          </Form.Item>
          {type ? (
            <Form.Item name="archived" label="停用" valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </Space>
        <Form.List name="fields">
          {(items, { add, remove, move }) => (
            <Form.Item label="字段（修改字段不会改动已登记对象的信息，必填只在保存时检查）">
              {items.map((item, i) => (
                <Space key={item.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[item.name, 'key']} noStyle>
                    <Input placeholder="字段代码" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'label']} noStyle>
                    <Input placeholder="字段名称" style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'kind']} noStyle>
                    <Select style={{ width: 90 }} options={objectFieldKinds.map((k) => ({ value: k, label: objectFieldKindLabels[k] }))} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'required']} noStyle valuePropName="checked">
                    <Checkbox>必填</Checkbox>
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['fields', item.name, 'kind']) === 'enum' ? (
                        <Form.Item name={[item.name, 'options']} noStyle>
                          <Select mode="tags" placeholder="选项（回车添加）" style={{ width: 220 }} />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[item.name, 'unit']} noStyle>
                          <Input placeholder="单位" style={{ width: 70 }} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={i === items.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label="下移"
                  />
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label="删除字段" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', kind: 'text', required: false })}>
                添加字段
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="checklistText" label="默认检查内容（每行一条）">
          <Input.TextArea rows={6} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 台账类型 (the administrator's): fields, counter and default checklist of each object type; restore shipped ones. */
export function LedgerTypesPage() {
  const { message } = App.useApp();
  const types = useObjectTypes();
  const restore = useRestoreType();
  const [editing, setEditing] = useState<{ type: ObjectType | null } | null>(null);
  return (
    <PageContainer
      title="台账类型"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ type: null })}>
          新增类型
        </Button>
      }
    >
      {types.isError ? (
        <QueryError error={types.error} onRetry={() => types.refetch()} />
      ) : (
        <Table
          rowKey="id"
          loading={types.isLoading}
          dataSource={types.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description="没有台账类型" /> }}
          columns={[
            { title: '类型', dataIndex: 'name', render: (v: string, r) => (r.archived ? <Tag>{`${v}（已停用）`}</Tag> : v) },
            { title: '归属', dataIndex: 'anchor', render: (a: ObjectType['anchor']) => objectAnchorLabels[a] },
            { title: '字段', render: (_, r) => r.fields.map((f) => f.label).join('、') },
            { title: '检查内容', render: (_, r) => `${r.checklist.length} 条` },
            { title: '对象数', render: (_, r) => `${r.objectCount} ${r.counter}` },
            {
              title: '操作',
              width: 180,
              render: (_, r) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing({ type: r })}>
                    编辑
                  </Button>
                  {r.builtin ? (
                    <Popconfirm
                      title="恢复系统预置的字段和检查内容？已登记对象的信息不变。"
                      onConfirm={() =>
                        restore.mutateAsync(r.id).then(
                          () => message.success('已恢复'),
                          (e) => message.error(errorMessage(e)),
                        )
                      }
                    >
                      <Button size="small">恢复默认</Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      <TypeEditor open={editing !== null} type={editing?.type ?? null} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
