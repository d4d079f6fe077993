import type { CriteriaSetListItem } from '@anzhi/core';
import { criteriaRetireBody } from '@anzhi/core';
import { App, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { parseForm, showSubmitError } from '../../../lib/form-errors.ts';
import { useRetireCriteriaSet } from '../api.ts';

type Target = Pick<CriteriaSetListItem, 'id' | 'title' | 'docNumber'>;

/** 停用: the set leaves the library (no suggestions, no new citations) until restored; the reason is audited. */
export function RetireModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const retire = useRetireCriteriaSet();

  useEffect(() => {
    if (target) form.resetFields();
  }, [form, target]);

  const onOk = async () => {
    if (!target) return;
    const body = parseForm(criteriaRetireBody, form.getFieldsValue(), form, ['reason']);
    if (!body) return;
    retire.mutate(
      { id: target.id, reason: body.reason },
      {
        onSuccess: () => {
          message.success(`已停用《${target.title}》`);
          onClose();
        },
        onError: (e) => showSubmitError(e, form, ['reason'], (m) => void message.error(m)),
      },
    );
  };

  return (
    <Modal
      title={target ? `停用《${target.title}》` : ''}
      open={!!target}
      onCancel={onClose}
      onOk={onOk}
      okText="停用"
      okButtonProps={{ danger: true, 'data-testid': 'retire-confirm' } as ButtonProps}
      confirmLoading={retire.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        停用后，该标准（{target?.docNumber}）不再出现在判定依据建议中，也不能再被新的重大隐患引用；已有记录不受影响。可随时恢复。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="reason" label="停用原因" required>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder="如：已被新版本替代且新版本已导入；条款内容待重新核对" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
