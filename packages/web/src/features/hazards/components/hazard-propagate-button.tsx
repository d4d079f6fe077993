import { ShareAltOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { showSubmitError } from '../../../lib/form-errors.ts';
import { useCan } from '../../../lib/session.ts';
import { usePropagateHazard } from '../followup-api.ts';

interface Values {
  criterionCode: string;
  deadline: Dayjs | null;
}

const fields = ['criterionCode', 'deadline'];

/** 举一反三: ask every similar enterprise in scope to check the same criterion item. */
export function HazardPropagateButton({ hazardId, criteriaCodes }: { hazardId: number; criteriaCodes: readonly string[] }) {
  const canPropagate = useCan('hazard.propagate');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const propagate = usePropagateHazard(hazardId);
  const { message } = App.useApp();
  if (!canPropagate || !criteriaCodes.length) return null;

  const submit = (v: Values) => {
    if (!v.deadline) return;
    propagate.mutate(
      { criterionCode: v.criterionCode, deadline: v.deadline.format('YYYY-MM-DD') },
      {
        onSuccess: ({ created }) => {
          message.success(`已向 ${created} 家同类企业下发排查要求`);
          setOpen(false);
        },
        onError: (e) => showSubmitError(e, form, fields, message.error),
      },
    );
  };

  return (
    <>
      <Button icon={<ShareAltOutlined />} onClick={() => setOpen(true)} data-testid="hazard-propagate">
        举一反三
      </Button>
      <Modal
        title="举一反三"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="下发排查要求"
        confirmLoading={propagate.isPending}
        destroyOnHidden
        width={480}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={submit}
          initialValues={{ criterionCode: criteriaCodes[0], deadline: dayjs().add(30, 'day') }}
        >
          <Form.Item name="criterionCode" label="判定标准条款" rules={[{ required: true, message: '请选择条款' }]}>
            <Select options={criteriaCodes.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="deadline" label="排查期限" rules={[{ required: true, message: '请选择期限' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} inputReadOnly />
          </Form.Item>
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>将向范围内同行业的企业下发，要求其对照该条款自查并反馈。</div>
        </Form>
      </Modal>
    </>
  );
}
