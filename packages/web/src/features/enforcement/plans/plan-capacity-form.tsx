import type { EnforcementPlanDetail } from '@anzhi/core';
import { Form, InputNumber, Modal } from 'antd';

export interface CapacityValues {
  inspectors: number;
  inspectionDaysPerMonth: number;
  personDaysPerCheck: number;
  months: number;
}

/** 调整检查能力: the draft is proposed again from the 名录库 with the new numbers. */
export function PlanCapacityModal(props: {
  plan: EnforcementPlanDetail;
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSave: (v: CapacityValues) => void;
}) {
  const [form] = Form.useForm<CapacityValues>();
  const c = props.plan.capacity;
  return (
    <Modal
      title="调整检查能力并重新生成建议"
      open={props.open}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText="重新生成"
      confirmLoading={props.busy}
      destroyOnHidden
    >
      <p className="muted">重新生成会按新的能力替换当前草稿中的检查对象（手工调整将被覆盖）。</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          inspectors: c.inspectors,
          inspectionDaysPerMonth: c.inspectionDaysPerMonth,
          personDaysPerCheck: c.personDaysPerCheck,
          months: c.months,
        }}
        onFinish={props.onSave}
      >
        <Form.Item name="inspectors" label="执法人员数" rules={[{ required: true, message: '请填写执法人员数' }]}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="inspectionDaysPerMonth" label="每人每月监督检查工作日" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={0.5} max={23} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="personDaysPerCheck" label="每次检查所需人日" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={0.5} max={20} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="months" label="计划期（月）" extra="年中编制时为本年剩余月数" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
