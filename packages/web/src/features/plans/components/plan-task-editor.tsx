import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { type PlanDraftNode, type PlanTarget, type PlanTaskEdit, planRecurrenceWords, planTaskEdit } from '@anzhi/core';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
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
  recurrence: string[];
  targets: TargetRow[];
  milestones: Array<{ year?: number | null; yearEnd?: number | null; text?: string }>;
  /** 导入时已完成: the date and how (an older plan imported mid-way). */
  completedOn: Dayjs | null;
  completedNote: string;
}

/** A 量化目标 row; `raw`/`src`/`orig` keep the printed words while the row is as parsed. */
interface TargetRow {
  metric?: string;
  value?: number | null;
  unit?: string;
  op?: '' | '>=' | '<=';
  year?: number | null;
  raw?: string;
  src?: 'table';
  orig?: string;
}

const OP_OPTIONS = [
  { value: '', label: '—' },
  { value: '>=', label: '≥' },
  { value: '<=', label: '≤' },
];

const signature = (t: TargetRow) =>
  JSON.stringify([t.metric?.trim() ?? '', t.value ?? null, t.unit?.trim() ?? '', t.op || '', t.year ?? null]);

function targetRow(t: PlanTarget): TargetRow {
  const row: TargetRow = { metric: t.metric, value: t.value, unit: t.unit, op: t.op ?? '', year: t.year, raw: t.raw, src: t.src };
  return { ...row, orig: signature(row) };
}

function targetEdit(t: TargetRow) {
  const asParsed = t.orig !== undefined && t.orig === signature(t);
  const metric = t.metric?.trim() ?? '';
  const unit = t.unit?.trim() ?? '';
  const op = t.op || undefined;
  const made = `${metric}${op === '>=' ? '≥' : op === '<=' ? '≤' : ''}${t.value ?? ''}${unit}`;
  return {
    raw: asParsed ? (t.raw ?? made) : made,
    metric,
    value: t.value ?? undefined,
    unit,
    ...(op ? { op } : {}),
    year: t.year ?? null,
    ...(asParsed && t.src ? { src: t.src } : {}),
  };
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
    recurrence: n.recurrence,
    targets: n.targets.map(targetRow),
    milestones: n.milestones.map((m) => ({ year: m.year, yearEnd: m.yearEnd ?? null, text: m.text })),
    completedOn: n.completedOn ? dayjs(n.completedOn) : null,
    completedNote: n.completedNote,
  };
}

function toEdit(id: number, v: TaskFormValues): Record<string, unknown> {
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
    recurrence: v.recurrence ?? [],
    targets: (v.targets ?? []).map(targetEdit),
    milestones: (v.milestones ?? []).map((m) => ({
      year: m.year ?? undefined,
      ...(m.yearEnd != null ? { yearEnd: m.yearEnd } : {}),
      text: m.text?.trim() ?? '',
    })),
    completedOn: v.completedOn ? v.completedOn.format('YYYY-MM-DD') : null,
    completedNote: v.completedOn ? (v.completedNote ?? '').trim() : '',
  };
}

const FIELDS = [
  'title',
  'text',
  'leadUnitIds',
  'coUnitIds',
  'leadVillages',
  'coVillages',
  'people',
  'leaders',
  'deadlines',
  'recurrence',
  'targets',
  'milestones',
  'completedOn',
  'completedNote',
];
/** List fields whose row errors show beside the row's input. */
const ROW_FIELDS = ['targets', 'milestones'];

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
    const edit = toEdit(node.id, values);
    // Sent only when changed: what the parser read (e.g. 每旬) need not fit the edit schema to save other fields.
    const initial = initialValues(node);
    for (const k of ['recurrence', 'targets', 'milestones'] as const) {
      if (JSON.stringify(values[k] ?? []) === JSON.stringify(initial[k])) delete edit[k];
    }
    const parsed = planTaskEdit.safeParse(edit);
    if (!parsed.success) {
      const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const i of parsed.error.issues) {
        const f = String(i.path[0] ?? '');
        if (!FIELDS.includes(f)) continue;
        const name = ROW_FIELDS.includes(f) && i.path.length >= 3 ? i.path.slice(0, 3).map((p) => p as string | number) : [f];
        const key = name.join('.');
        byField.set(key, { name, errors: [...(byField.get(key)?.errors ?? []), i.message] });
      }
      form.setFields([...byField.values()].map(({ name, errors }) => ({ name: name as never, errors })));
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
      <Form.Item
        name="completedOn"
        label="导入前已完成"
        extra="去年或以前已完成的任务：填写完成日期，发布后记为已完成，不再逾期、不再要求月调度"
      >
        <DatePicker style={{ width: '100%' }} placeholder="完成日期（未完成不填）" data-testid="plan-task-completed-on" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.completedOn !== b.completedOn}>
        {({ getFieldValue }) =>
          getFieldValue('completedOn') ? (
            <Form.Item name="completedNote" label="完成情况说明">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder="如：2024年已完成，验收材料存档" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="people" label="具体责任人">
        <Select mode="tags" placeholder="输入姓名后回车" tokenSeparators={[',', '，', '、']} open={false} />
      </Form.Item>
      <Form.Item name="leaders" label="牵头领导">
        <Select mode="tags" placeholder="输入姓名后回车" tokenSeparators={[',', '，', '、']} open={false} />
      </Form.Item>
      <Form.Item name="recurrence" label="工作频次">
        <Select
          mode="multiple"
          allowClear
          placeholder="无固定频次"
          options={planRecurrenceWords.map((w) => ({ value: w, label: w }))}
          data-testid="plan-task-recurrence"
        />
      </Form.Item>
      <Form.Item label="量化目标">
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <Flex vertical gap={6}>
              {fields.map((f) => (
                <Flex key={f.key} gap={6} wrap align="center" data-testid="plan-task-target">
                  <Form.Item name={[f.name, 'metric']} noStyle>
                    <Input placeholder="指标，如“隐患整改率”" aria-label="指标" style={{ flex: '1 1 160px' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'op']} noStyle>
                    <Select options={OP_OPTIONS} aria-label="比较" style={{ width: 64 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} noStyle>
                    <InputNumber placeholder="数值" aria-label="数值" inputMode="decimal" style={{ width: 96 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} noStyle>
                    <Input placeholder="单位" aria-label="单位" style={{ width: 64 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'year']} noStyle>
                    <InputNumber placeholder="年份" aria-label="年份" inputMode="numeric" precision={0} style={{ width: 84 }} />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} aria-label="删除量化目标" onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ metric: '', value: null, unit: '', op: '', year: null })}>
                添加量化目标
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label="年度节点">
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Flex vertical gap={6}>
              {fields.map((f) => (
                <Flex key={f.key} gap={6} wrap align="center" data-testid="plan-task-milestone">
                  <Form.Item name={[f.name, 'year']} noStyle>
                    <InputNumber placeholder="年份" aria-label="年份" inputMode="numeric" precision={0} style={{ width: 84 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'yearEnd']} noStyle>
                    <InputNumber placeholder="至（可空）" aria-label="结束年份" inputMode="numeric" precision={0} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} noStyle>
                    <Input.TextArea
                      placeholder="当年要做成的事"
                      aria-label="内容"
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      style={{ flex: '1 1 200px' }}
                    />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} aria-label="删除年度节点" onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: null, yearEnd: null, text: '' })}>
                添加年度节点
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
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
