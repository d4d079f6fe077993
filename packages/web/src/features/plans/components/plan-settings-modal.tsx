import { type PlanMeta, type PlanSettings, planSettingsPatch } from '@anzhi/core';
import { App, Col, Divider, Form, InputNumber, Modal, Row } from 'antd';
import { useEffect } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useUpdateSettings } from '../api.ts';
import { STALE_MESSAGE } from './use-draft-save.ts';

interface PlanSettingsModalProps {
  plan: Pick<PlanMeta, 'id' | 'version' | 'settings'>;
  open: boolean;
  onClose: () => void;
}

const num = (label: string, name: (string | number)[], min: number, max: number, suffix?: string) => (
  <Form.Item label={label} name={name} rules={[{ required: true, message: '必填' }]}>
    <InputNumber min={min} max={max} suffix={suffix} style={{ width: '100%' }} />
  </Form.Item>
);

/** The plan's dispatch day, reminders and 五色图 scoring, as the office agreed them. */
export function PlanSettingsModal({ plan, open, onClose }: PlanSettingsModalProps) {
  const [form] = Form.useForm<PlanSettings>();
  const { message } = App.useApp();
  const update = useUpdateSettings(plan.id);

  useEffect(() => {
    if (open) form.setFieldsValue(plan.settings);
  }, [open, form, plan.settings]);

  const submit = async () => {
    const v = await form.validateFields();
    const t = v.scoring.thresholds;
    if (!(t.green > t.blue && t.blue > t.yellow && t.yellow > t.orange)) {
      message.error('分档线应从绿到橙依次降低');
      return;
    }
    const parsed = planSettingsPatch.safeParse({ version: plan.version, ...v });
    if (!parsed.success) {
      message.error(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: () => {
        message.success('设置已保存，五色图已按新规则重新计算');
        onClose();
      },
      onError: (e) => message.error(e instanceof ApiError && e.status === 409 ? STALE_MESSAGE : errorMessage(e)),
    });
  };

  return (
    <Modal
      title="调度与评分设置"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={12}>{num('每月报送截止日', ['reportDay'], 1, 28, '日')}</Col>
          <Col span={12}>{num('提前提醒', ['reminderDays'], 0, 20, '天')}</Col>
        </Row>
        <Divider titlePlacement="start">权重（自动折算为百分比）</Divider>
        <Row gutter={12}>
          <Col span={8}>{num('按期完成', ['scoring', 'weights', 'onTimeCompletion'], 0, 100)}</Col>
          <Col span={8}>{num('按时报送', ['scoring', 'weights', 'timelyReporting'], 0, 100)}</Col>
          <Col span={8}>{num('无逾期', ['scoring', 'weights', 'noOverdue'], 0, 100)}</Col>
        </Row>
        <Divider titlePlacement="start">分档线（不低于该分）</Divider>
        <Row gutter={12}>
          <Col span={6}>{num('绿', ['scoring', 'thresholds', 'green'], 0, 100)}</Col>
          <Col span={6}>{num('蓝', ['scoring', 'thresholds', 'blue'], 0, 100)}</Col>
          <Col span={6}>{num('黄', ['scoring', 'thresholds', 'yellow'], 0, 100)}</Col>
          <Col span={6}>{num('橙', ['scoring', 'thresholds', 'orange'], 0, 100)}</Col>
        </Row>
      </Form>
    </Modal>
  );
}
