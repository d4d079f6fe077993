import { currentSafetyLaw, penaltyCreateBody } from '@anzhi/core';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { useCreatePenalty } from '../triad-api.ts';
import { EnterprisePicker } from './enterprise-picker.tsx';

export interface PenaltyInitial {
  enterpriseId?: number;
  enterpriseName?: string;
  orderId?: number;
  checkId?: number;
  hazardId?: number;
}

interface Values {
  enterpriseId?: number;
  unitId?: number | null;
  legalBasis: string[];
  facts: string;
  amount: number | null;
  majorHazard: boolean;
  dualInquiry: boolean;
}

const articleOptions = currentSafetyLaw.articles.map((a) => ({
  value: a.code,
  label: `${a.article}${a.maxFine ? `（罚款上限 ${a.maxFine.toLocaleString('zh-CN')} 元）` : ''}`,
  title: a.summary,
  summary: a.summary,
}));

/** 行政处罚立案: legal basis from core's versioned 安全生产法 list (with the article's text), amount, 一案双查. */
export function PenaltyFormModal({ open, onClose, initial = {} }: { open: boolean; onClose: () => void; initial?: PenaltyInitial }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreatePenalty();
  const user = useCurrentUser();
  const needsUnit = !user.unitId && !initial.orderId && !initial.checkId;
  const basis = Form.useWatch('legalBasis', form) ?? [];

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      enterpriseId: initial.enterpriseId ?? v.enterpriseId,
      unitId: v.unitId ?? null,
      orderId: initial.orderId ?? null,
      checkId: initial.checkId ?? null,
      hazardId: initial.hazardId ?? null,
      legalBasis: v.legalBasis,
      facts: v.facts,
      amount: v.amount ?? 0,
      majorHazard: v.majorHazard ?? false,
      dualInquiry: v.dualInquiry ?? false,
    };
    const parsed = penaltyCreateBody.safeParse(body);
    if (!parsed.success) {
      message.error(parsed.error.issues[0]?.message ?? '请检查填写内容');
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (p) => {
        message.success('已立案');
        onClose();
        form.resetFields();
        navigate(`/enforcement/penalties/${p.id}`);
      },
      onError: (e) => message.error(errorMessage(e)),
    });
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      title="行政处罚立案"
      okText="立案"
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ legalBasis: [], majorHazard: false, dualInquiry: false, amount: null }}>
        {initial.enterpriseId ? (
          <Form.Item label="当事人（企业）">
            <Typography.Text strong>{initial.enterpriseName ?? initial.enterpriseId}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="enterpriseId" label="当事人（企业）" rules={[{ required: true, message: '请选择企业' }]}>
            <EnterprisePicker />
          </Form.Item>
        )}
        {needsUnit ? (
          <Form.Item name="unitId" label="立案执法单位" rules={[{ required: true, message: '请选择执法单位' }]}>
            <UnitSelect />
          </Form.Item>
        ) : null}
        <Form.Item
          name="legalBasis"
          label={`处罚依据（${currentSafetyLaw.title}）`}
          rules={[{ required: true, message: '请选择处罚依据' }]}
        >
          <Select mode="multiple" options={articleOptions} optionFilterProp="label" placeholder="选择条款" size="large" />
        </Form.Item>
        {basis.length ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {basis.map((c) => {
              const a = currentSafetyLaw.articles.find((x) => x.code === c);
              return a ? (
                <span key={c} style={{ display: 'block' }}>
                  {a.article}：{a.summary}
                </span>
              ) : null;
            })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="facts" label="违法事实" rules={[{ required: true, min: 5, message: '违法事实至少 5 个字' }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="amount" label="罚款金额（元）" rules={[{ required: true, message: '请填写罚款金额' }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} size="large" />
        </Form.Item>
        <Form.Item name="majorHazard" valuePropName="checked">
          <Checkbox>涉及重大事故隐患（计入第一百一十三条统计）</Checkbox>
        </Form.Item>
        <Form.Item name="dualInquiry" valuePropName="checked">
          <Checkbox>一案双查（同时倒查监管责任）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
