import { type CheckCycle, checkCycleLabels, checkCycles } from '@anzhi/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { call } from '../../../lib/api-client.ts';
import { usePosts } from '../cards/api.ts';

interface Values {
  cycle: CheckCycle;
  postId?: number | null;
  ownerName?: string;
}

/** 排查任务 from a control measure: its content becomes the checklist; a cycle and an owner post or person are required. */
export function MeasureTaskModal({
  enterpriseId,
  measure,
  onClose,
}: {
  enterpriseId: number;
  measure: { id: number; content: string } | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const posts = usePosts(enterpriseId);
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: Values) =>
      call('POST /check-tasks/from-measure', {
        body: { measureId: measure?.id as number, cycle: v.cycle, postId: v.postId ?? null, ownerName: v.ownerName ?? null },
      }),
    onSuccess: () => {
      void qc.invalidateQueries();
      message.success('已生成排查任务');
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Modal
      open={measure !== null}
      title="按管控措施生成排查任务"
      okText="生成"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{measure?.content}</p>
      <Form form={form} layout="vertical" initialValues={{ cycle: 'day' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="cycle" label="排查周期" rules={[{ required: true, message: '请选择排查周期' }]}>
          <Select options={checkCycles.map((c) => ({ value: c, label: checkCycleLabels[c] }))} />
        </Form.Item>
        <Form.Item name="postId" label="责任岗位">
          <Select
            allowClear
            loading={posts.isLoading}
            placeholder="选择岗位（或填写责任人）"
            options={(posts.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item
          name="ownerName"
          label="责任人"
          dependencies={['postId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                getFieldValue('postId') || (typeof v === 'string' && v.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error('请指定责任岗位或责任人（排查任务不能没有责任人）')),
            }),
          ]}
        >
          <Input maxLength={50} placeholder="如：班组长 张三" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
