import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { type PlanDraftNode, type PlanTaskEdit, planTaskEdit } from '@anzhi/core';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { targetText } from '../plan-labels.ts';
import { UnitMultiSelect } from './unit-multi-select.tsx';

interface TaskFormValues {
  title: string;
  text: string;
  leadUnitIds: number[];
  coUnitIds: number[];
  leadVillages: boolean;
  coVillages: boolean;
  people: string[];
  leaders: string[];
  deadlines: Array<{ date?: Dayjs | null; raw?: string }>;
}

function initialValues(n: PlanDraftNode): TaskFormValues {
  return {
    title: n.title,
    text: n.text,
    leadUnitIds: n.leadUnitIds,
    coUnitIds: n.coUnitIds,
    leadVillages: n.leadVillages,
    coVillages: n.coVillages,
    people: n.people,
    leaders: n.leaders,
    deadlines: n.deadlines.map((d) => ({ date: dayjs(d.date), raw: d.raw })),
  };
}

function toEdit(id: number, v: TaskFormValues): unknown {
  return {
    id,
    title: v.title,
    text: v.text,
    leadUnitIds: v.leadUnitIds,
    coUnitIds: v.coUnitIds,
    leadVillages: v.leadVillages,
    coVillages: v.coVillages,
    people: v.people,
    leaders: v.leaders,
    deadlines: v.deadlines
      .filter((d) => d.date)
      .map((d) => {
        const date = (d.date as Dayjs).format('YYYY-MM-DD');
        return { date, raw: d.raw?.trim() || `${(d.date as Dayjs).format('YYYY年M月D日')}前` };
      }),
  };
}

const FIELDS = ['title', 'text', 'leadUnitIds', 'coUnitIds', 'leadVillages', 'coVillages', 'people', 'leaders', 'deadlines'];

interface PlanTaskEditorProps {
  node: PlanDraftNode;
  saving: boolean;
  onSave: (edit: PlanTaskEdit) => Promise<boolean>;
  onRemove: () => void;
  onCancel: () => void;
}

/** One task as a form: what the parser read, every field a clerk may correct before publishing. */
export function PlanTaskEditor({ node, saving, onSave, onRemove, onCancel }: PlanTaskEditorProps) {
  const [form] = Form.useForm<TaskFormValues>();
  const { message } = App.useApp();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initialValues(node));
  }, [form, node]);

  const submit = async () => {
    const values = form.getFieldsValue(true) as TaskFormValues;
    const parsed = planTaskEdit.safeParse(toEdit(node.id, values));
    if (!parsed.success) {
      const byField = new Map<string, string[]>();
      for (const i of parsed.error.issues) {
        const f = String(i.path[0] ?? '');
        byField.set(f, [...(byField.get(f) ?? []), i.message]);
      }
      form.setFields(
        [...byField].filter(([f]) => FIELDS.includes(f)).map(([name, errors]) => ({ name: name as keyof TaskFormValues, errors })),
      );
      message.error('请按提示修改后再保存');
      return;
    }
    await onSave(parsed.data);
  };

  const printed = (names: string[]) => (names.length ? `原文：${names.join('、')}` : '原文未写明');

  return (
    <Form form={form} layout="vertical" size="small" className="plan-task-editor" onFinish={submit} data-testid="plan-task-editor">
      <Form.Item name="title" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="text" label="任务内容">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="leadUnitIds" label="牵头单位" extra={printed(node.leadUnitNames)}>
        <UnitMultiSelect placeholder="选择牵头单位" />
      </Form.Item>
      <Form.Item name="leadVillages" valuePropName="checked" style={{ marginTop: -8 }}>
        <Checkbox>各村（社区）共同牵头</Checkbox>
      </Form.Item>
      <Form.Item name="coUnitIds" label="配合单位" extra={printed(node.coUnitNames)}>
        <UnitMultiSelect placeholder="选择配合单位" />
      </Form.Item>
      <Form.Item name="coVillages" valuePropName="checked" style={{ marginTop: -8 }}>
        <Checkbox>各村（社区）配合</Checkbox>
      </Form.Item>
      <Form.Item label="完成时限">
        <Form.List name="deadlines">
          {(fields, { add, remove }) => (
            <Flex vertical gap={6}>
              {fields.map((f) => (
                <Space.Compact key={f.key} style={{ width: '100%' }}>
                  <Form.Item name={[f.name, 'date']} noStyle rules={[{ required: true, message: '请选择日期' }]}>
                    <DatePicker placeholder="日期" style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'raw']} noStyle>
                    <Input placeholder="原文写法，如“2024年底前”" />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} aria-label="删除时限" onClick={() => remove(f.name)} />
                </Space.Compact>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: null, raw: '' })}>
                添加时限
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="people" label="具体责任人">
        <Select mode="tags" placeholder="输入姓名后回车" tokenSeparators={[',', '，', '、']} open={false} />
      </Form.Item>
      <Form.Item name="leaders" label="牵头领导">
        <Select mode="tags" placeholder="输入姓名后回车" tokenSeparators={[',', '，', '、']} open={false} />
      </Form.Item>
      {node.recurrence.length || node.targets.length || node.milestones.length ? (
        <Typography.Paragraph type="secondary" className="plan-editor-readonly">
          {node.recurrence.length ? <div>工作频次：{node.recurrence.join('、')}</div> : null}
          {node.targets.length ? <div>量化指标：{node.targets.map(targetText).join('；')}</div> : null}
          {node.milestones.length ? (
            <div>年度节点：{node.milestones.map((m) => `${m.year}${m.yearEnd ? `—${m.yearEnd}` : ''}年 ${m.text}`).join('；')}</div>
          ) : null}
          <div className="muted">频次、量化指标和年度节点按原文识别，暂不能在此修改。</div>
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap justify="space-between">
        <Popconfirm title="删除这项任务？" description="删除后不会下发给责任单位。" okText="删除" cancelText="取消" onConfirm={onRemove}>
          <Button danger icon={<DeleteOutlined />}>
            删除任务
          </Button>
        </Popconfirm>
        <Flex gap={8}>
          <Button onClick={onCancel}>收起</Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="plan-task-save">
            保存
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
