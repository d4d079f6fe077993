import {
  type ControlMeasureView,
  measureKindLabels,
  measureKinds,
  type RiskEventView,
  type RiskTreePoint,
  type RiskUnitView,
  riskPointKindLabels,
  riskPointKinds,
} from '@anzhi/core';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useRiskWrite } from './api.ts';
import { AssessmentFields, assessmentOf } from './assessment-fields.tsx';

export type Editing =
  | { kind: 'point'; point?: RiskTreePoint }
  | { kind: 'unit'; pointId: number; unit?: RiskUnitView }
  | { kind: 'event'; unitId: number; event?: RiskEventView }
  | { kind: 'measure'; eventId: number; measure?: ControlMeasureView };

const titles = { point: '风险点', unit: '风险分析单元', event: '风险事件及评估', measure: '管控措施' } as const;

const existing = (e: Editing) => (e.kind === 'point' ? e.point : e.kind === 'unit' ? e.unit : e.kind === 'event' ? e.event : e.measure);

/** Adds or edits one link of the chain; the assessment is computed on the server, the form only shows it. */
export function RiskEditDrawer({ enterpriseId, editing, onClose }: { enterpriseId: number; editing: Editing | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const write = useRiskWrite();
  const { message } = App.useApp();

  useEffect(() => {
    form.resetFields();
    if (!editing) return;
    if (editing.kind === 'point') form.setFieldsValue(editing.point ?? { kind: 'place' });
    if (editing.kind === 'unit') form.setFieldsValue(editing.unit ?? {});
    if (editing.kind === 'event') form.setFieldsValue(editing.event ?? { method: 'lec' });
    if (editing.kind === 'measure') form.setFieldsValue(editing.measure ?? { kind: 'engineering' });
  }, [editing, form]);

  async function save() {
    if (!editing) return;
    const v = await form.validateFields();
    try {
      if (editing.kind === 'point') {
        const body = { kind: v.kind, name: v.name, location: v.location ?? null };
        await write.mutateAsync(
          editing.point
            ? { op: 'updatePoint', id: editing.point.id, body: { ...body, version: editing.point.version } }
            : { op: 'createPoint', body: { ...body, enterpriseId } },
        );
      } else if (editing.kind === 'unit') {
        await write.mutateAsync(
          editing.unit
            ? { op: 'updateUnit', id: editing.unit.id, body: { name: v.name } }
            : { op: 'createUnit', body: { pointId: editing.pointId, name: v.name } },
        );
      } else if (editing.kind === 'event') {
        const assessment = assessmentOf(form.getFieldsValue(true));
        if (!assessment) return;
        const body = { name: v.name, consequence: v.consequence ?? null, assessment };
        await write.mutateAsync(
          editing.event
            ? { op: 'updateEvent', id: editing.event.id, body: { ...body, version: editing.event.version } }
            : { op: 'createEvent', body: { ...body, unitId: editing.unitId } },
        );
      } else {
        const body = { kind: v.kind, content: v.content };
        await write.mutateAsync(
          editing.measure
            ? { op: 'updateMeasure', id: editing.measure.id, body }
            : { op: 'createMeasure', body: { ...body, eventId: editing.eventId } },
        );
      }
      message.success('已保存');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      title={editing ? `${existing(editing) ? '修改' : '新增'}${titles[editing.kind]}` : ''}
      width={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={write.isPending} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        {editing?.kind === 'point' && (
          <>
            <Form.Item name="name" label="风险点名称" rules={[{ required: true, whitespace: true, message: '请填写风险点名称' }]}>
              <Input maxLength={100} placeholder="如：1 号冲压机、配电房、有限空间作业" />
            </Form.Item>
            <Form.Item name="kind" label="对象类型" rules={[{ required: true }]}>
              <Select options={riskPointKinds.map((k) => ({ value: k, label: riskPointKindLabels[k] }))} />
            </Form.Item>
            <Form.Item name="location" label="所在位置">
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {editing?.kind === 'unit' && (
          <Form.Item name="name" label="单元名称" rules={[{ required: true, whitespace: true, message: '请填写单元名称' }]}>
            <Input maxLength={100} placeholder="如：模具区、传动部位" />
          </Form.Item>
        )}
        {editing?.kind === 'event' && (
          <>
            <Form.Item name="name" label="风险事件" rules={[{ required: true, whitespace: true, message: '请填写风险事件' }]}>
              <Input maxLength={200} placeholder="如：手部进入模具区" />
            </Form.Item>
            <Form.Item name="consequence" label="可能导致的后果">
              <Input maxLength={200} placeholder="如：机械伤害" />
            </Form.Item>
            <AssessmentFields enterpriseId={enterpriseId} />
          </>
        )}
        {editing?.kind === 'measure' && (
          <>
            <Form.Item name="kind" label="措施分类" rules={[{ required: true }]}>
              <Select options={measureKinds.map((k) => ({ value: k, label: measureKindLabels[k] }))} />
            </Form.Item>
            <Form.Item name="content" label="管控措施" rules={[{ required: true, whitespace: true, message: '请填写管控措施' }]}>
              <Input.TextArea rows={4} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
