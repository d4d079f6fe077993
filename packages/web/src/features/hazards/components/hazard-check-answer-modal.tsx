import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { Link } from 'react-router';
import { showSubmitError } from '../../../lib/form-errors.ts';
import { useHazards } from '../api.ts';
import { type HazardCheck, useAnswerHazardCheck } from '../followup-api.ts';

interface Values {
  result: 'clear' | 'found';
  hazardId?: number;
  answer: string;
}

const fields = ['result', 'hazardId', 'answer'];

/** 反馈 one 举一反三 check: nothing similar found, or the hazard registered for it. */
export function HazardCheckAnswerModal({ check, onClose }: { check: HazardCheck | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch('result', form);
  const answer = useAnswerHazardCheck();
  const { message } = App.useApp();
  const hazards = useHazards({ enterpriseId: check ? String(check.enterpriseId) : undefined }, 1, 50, !!check && result === 'found');

  const submit = (v: Values) => {
    if (!check) return;
    answer.mutate(
      { id: check.id, body: { result: v.result, answer: v.answer.trim(), hazardId: v.result === 'found' ? v.hazardId : null } },
      {
        onSuccess: () => {
          message.success('已反馈');
          onClose();
        },
        onError: (e) => showSubmitError(e, form, fields, message.error),
      },
    );
  };

  return (
    <Modal
      title="反馈排查结果"
      open={!!check}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交"
      confirmLoading={answer.isPending}
      destroyOnHidden
      width={520}
    >
      {check ? (
        <div className="muted" style={{ marginBottom: 12 }}>
          对照条款 {check.criterionCode}（来源：{check.sourceHazardCode ?? '—'} {check.sourceHazardTitle ?? ''}）
        </div>
      ) : null}
      <Form form={form} layout="vertical" preserve={false} onFinish={submit} initialValues={{ result: 'clear' }}>
        <Form.Item name="result" label="排查结果" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'clear', label: '未发现同类隐患' },
              { value: 'found', label: '发现隐患' },
            ]}
          />
        </Form.Item>
        {result === 'found' ? (
          <Form.Item
            name="hazardId"
            label="关联隐患"
            rules={[{ required: true, message: '请选择已登记的隐患' }]}
            extra={<Link to="/hazards/new">先登记隐患</Link>}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择本企业已登记的隐患"
              loading={hazards.isFetching}
              notFoundContent={hazards.isError ? '隐患加载失败' : '暂无隐患，请先登记'}
              options={(hazards.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.title}` }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="answer"
          label="排查情况"
          rules={[
            { required: true, whitespace: true, message: '请说明排查情况' },
            { min: 2, message: '请至少写 2 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
