import { SaveOutlined } from '@ant-design/icons';
import { type PlanDraftPatch, type PlanMeta, planDraftPatch } from '@anzhi/core';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';

interface MetaValues {
  title: string;
  docNumber: string;
  issuer: string;
  issueDate: Dayjs | null;
  periodStart: number | null;
  periodEnd: number | null;
  baselineDate: Dayjs | null;
}

const FIELDS = ['title', 'docNumber', 'issuer', 'issueDate', 'periodStart', 'periodEnd', 'baselineDate'];

interface PlanMetaFormProps {
  plan: PlanMeta;
  saving: boolean;
  onSave: (change: Omit<PlanDraftPatch, 'version'>) => Promise<boolean>;
}

/** The document's own facts: title, 文号, issuer, date, the years it covers. */
export function PlanMetaForm({ plan, saving, onSave }: PlanMetaFormProps) {
  const [form] = Form.useForm<MetaValues>();

  useEffect(() => {
    form.setFieldsValue({
      title: plan.title,
      docNumber: plan.docNumber ?? '',
      issuer: plan.issuer ?? '',
      issueDate: plan.issueDate ? dayjs(plan.issueDate) : null,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      baselineDate: plan.baselineDate ? dayjs(plan.baselineDate) : null,
    });
  }, [form, plan]);

  const submit = async (v: MetaValues) => {
    const change = {
      version: plan.version,
      title: v.title,
      docNumber: v.docNumber.trim() || null,
      issuer: v.issuer.trim() || null,
      issueDate: v.issueDate ? v.issueDate.format('YYYY-MM-DD') : null,
      periodStart: v.periodStart ?? null,
      periodEnd: v.periodEnd ?? null,
      baselineDate: v.baselineDate ? v.baselineDate.format('YYYY-MM-DD') : null,
    };
    const parsed = planDraftPatch.safeParse(change);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues
          .filter((i) => FIELDS.includes(String(i.path[0])))
          .map((i) => ({ name: String(i.path[0]) as keyof MetaValues, errors: [i.message] })),
      );
      return;
    }
    const { version: _v, ...rest } = parsed.data;
    await onSave(rest);
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="plan-meta-form">
      <Form.Item name="title" label="方案名称" rules={[{ required: true, message: '请填写方案名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="docNumber" label="文号">
            <Input maxLength={60} placeholder="如：曲政〔2024〕44号" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="issuer" label="发文机关">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="issueDate" label="成文日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="periodStart" label="起始年度">
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="periodEnd" label="截止年度">
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="baselineDate" label="基准日期" extra="导入往年方案时填写：此日期之前的时限视为历史，不计逾期">
            <DatePicker style={{ width: '100%' }} placeholder="开始跟踪的日期" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
        保存基本信息
      </Button>
    </Form>
  );
}
