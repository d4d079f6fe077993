import type { EnforcementPlanItem } from '@anzhi/core';
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';

export interface ItemEdit {
  kind: 'key' | 'general';
  checksPerYear: number;
  months: number[];
  reason?: string;
}

/**
 * Edits one line of the plan: category, frequency, months. After approval the change is an amendment, so a reason is
 * asked for; removal (item with `remove`) asks only the reason.
 */
export function PlanItemModal(props: {
  item: EnforcementPlanItem | null;
  remove: boolean;
  approved: boolean;
  planMonths: number[];
  busy: boolean;
  onCancel: () => void;
  onSave: (edit: ItemEdit) => void;
}) {
  const { item, remove, approved } = props;
  const [form] = Form.useForm<ItemEdit>();
  useEffect(() => {
    if (item) form.setFieldsValue({ kind: item.kind, checksPerYear: item.checksPerYear, months: item.months, reason: undefined });
  }, [form, item]);
  return (
    <Modal
      title={item ? `${remove ? '移除' : '调整'}：${item.enterpriseName}` : ''}
      open={!!item && (!remove || approved)}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={approved ? '提交变更' : '保存'}
      confirmLoading={props.busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={props.onSave}>
        {remove ? null : (
          <>
            <Form.Item name="kind" label="检查类别">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'key', label: '重点检查' },
                  { value: 'general', label: '一般检查' },
                ]}
              />
            </Form.Item>
            <Form.Item name="checksPerYear" label="年检查次数" rules={[{ required: true, message: '请填写年检查次数' }]}>
              <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="months"
              label="安排月份"
              dependencies={['checksPerYear']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: number[] | undefined) =>
                    (v?.length ?? 0) === getFieldValue('checksPerYear')
                      ? Promise.resolve()
                      : Promise.reject(new Error('安排月份数应等于年检查次数')),
                }),
              ]}
            >
              <Select mode="multiple" options={props.planMonths.map((m) => ({ value: m, label: `${m} 月` }))} />
            </Form.Item>
          </>
        )}
        {approved ? (
          <Form.Item
            name="reason"
            label="变更理由"
            rules={[{ required: true, whitespace: true, min: 2, message: '请填写变更理由（至少 2 个字）' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="计划已批准，变更须说明理由并记入审计" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
