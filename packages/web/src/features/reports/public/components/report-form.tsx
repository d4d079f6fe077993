import { LockOutlined, SendOutlined } from '@ant-design/icons';
import {
  type PublicReportReceipt,
  publicReportFields,
  type ReportChallenge,
  reportChallenge,
  reportMatterLabels,
  reportMatters,
} from '@anzhi/core';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../../lib/api-client.ts';
import { parseForm, showSubmitError } from '../../../../lib/form-errors.ts';
import { usePublicReportRegions, useSubmitPublicReport } from '../api.ts';
import {
  type ReportFormValues,
  type ReportTarget,
  reportFormData,
  reportFormFields,
  reportMatterHints,
  reportTextFields,
} from './report-form-values.ts';
import { ReportPhotoPicker } from './report-photo-picker.tsx';

const big = { minHeight: 48 } as const;

/** The challenge the server sends with 429 `report.challenge_required`, when the details have its shape. */
function challengeOf(error: unknown): ReportChallenge | null {
  if (!(error instanceof ApiError) || error.code !== 'report.challenge_required') return null;
  const parsed = reportChallenge.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}

interface ReportFormProps {
  target: ReportTarget;
  onSubmitted: (receipt: PublicReportReceipt) => void;
}

/** 问题类别, 问题描述, 地点, photos, optional 姓名/手机号 and 内部吹哨人 — sent in one multipart request. */
export function ReportForm({ target, onSubmitted }: ReportFormProps) {
  const [form] = Form.useForm<ReportFormValues>();
  const { message } = App.useApp();
  const submit = useSubmitPublicReport();
  const regions = usePublicReportRegions(target.kind === 'place');
  const [challenge, setChallenge] = useState<ReportChallenge | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const byPlace = target.kind === 'place';

  const onFinish = () => {
    setProblem(null);
    const values = form.getFieldsValue(true) as ReportFormValues;
    if (byPlace && !values.regionCode) {
      form.setFields([{ name: 'regionCode', errors: ['请选择问题所在的村（社区）'] }]);
      return;
    }
    if (challenge && !values.challengeAnswer?.trim()) {
      form.setFields([{ name: 'challengeAnswer', errors: ['请填写验证答案'] }]);
      return;
    }
    const fields = reportTextFields(values, target, challenge);
    if (!parseForm(publicReportFields, fields, form, reportFormFields)) {
      message.error('请按提示补全或修改');
      return;
    }
    submit.mutate(reportFormData(fields, values.photos ?? []), {
      onSuccess: (receipt) => onSubmitted(receipt),
      onError: (error) => {
        const asked = challengeOf(error);
        if (asked) {
          setChallenge(asked);
          form.setFieldValue('challengeAnswer', '');
          setProblem('提交较频繁，请回答下面的验证问题后再提交。');
          return;
        }
        setProblem(errorMessage(error));
        showSubmitError(error, form, reportFormFields, (m) => void message.error(m));
      },
    });
  };

  return (
    <Form<ReportFormValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ matter: '', internal: false, photos: [] }}
      onFinish={onFinish}
      requiredMark={false}
      data-testid="report-form"
    >
      <Flex vertical gap={12}>
        <Card size="small" title="反映的问题">
          {byPlace ? (
            <>
              <Form.Item name="regionCode" label="问题所在的村（社区）" rules={[{ required: true, message: '请选择问题所在的村（社区）' }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder="请选择"
                  loading={regions.isPending}
                  notFoundContent={regions.isError ? errorMessage(regions.error) : undefined}
                  options={(regions.data ?? []).map((r) => ({
                    value: r.code,
                    label: r.townshipName ? `${r.townshipName} ${r.name}` : r.name,
                  }))}
                  data-testid="report-region"
                />
              </Form.Item>
              <Form.Item name="enterpriseName" label="企业或场所名称（知道的话）">
                <Input maxLength={100} placeholder="例如：某某加工厂、某某饭店" />
              </Form.Item>
            </>
          ) : null}
          <Form.Item
            name="place"
            label={byPlace ? '具体地点' : '具体位置（选填）'}
            extra={byPlace ? '路名、门牌号或附近的标志性建筑' : '例如：二号车间、仓库后门'}
          >
            <Input maxLength={200} data-testid="report-place" />
          </Form.Item>
          <Form.Item
            name="description"
            label="问题描述"
            rules={[{ required: true, message: '请描述您要反映的问题' }]}
            extra="发生了什么、在哪里、什么时候、持续多久，写得越具体越便于核查。"
          >
            <Input.TextArea rows={5} maxLength={2000} showCount data-testid="report-description" />
          </Form.Item>
          <Form.Item name="matter" label="问题类别（选填，不确定可不选）">
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
              {reportMatters.map((m) => (
                <Radio key={m} value={m}>
                  {reportMatterLabels[m]}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {reportMatterHints[m]}
                  </Typography.Text>
                </Radio>
              ))}
              <Radio value="">不确定</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="photos" label="照片（选填，最多 6 张）" extra="照片在手机上压缩后随举报一起提交，位置等拍摄信息会被去除。">
            <ReportPhotoPicker />
          </Form.Item>
        </Card>

        {byPlace ? null : (
          <Card size="small">
            <Flex gap={12} align="center" justify="space-between">
              <label htmlFor="report-internal" style={{ fontWeight: 500 }}>
                我是该企业员工（内部吹哨人）
              </label>
              <Form.Item name="internal" valuePropName="checked" noStyle>
                <Switch id="report-internal" data-testid="report-internal" />
              </Form.Item>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              内部吹哨人的举报直接交乡镇（街道）安委办核查，不会转给企业，企业看不到举报内容和举报人。
            </Typography.Paragraph>
          </Card>
        )}

        <Card size="small" title="联系方式（选填）">
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined />}
            style={{ marginBottom: 12 }}
            message="匿名举报也会受理"
            description="姓名和手机号可以不填。填写后加密保存，只有安委办工作人员在回访或发放举报奖励时才能查看，查看会被记录，不会告知被举报的企业。需要领取奖励或希望接到回访的，请填写。"
          />
          <Form.Item name="reporterName" label="姓名">
            <Input maxLength={50} autoComplete="name" data-testid="report-name" />
          </Form.Item>
          <Form.Item name="reporterPhone" label="手机号">
            <Input inputMode="tel" maxLength={20} autoComplete="tel" data-testid="report-phone" />
          </Form.Item>
        </Card>

        {challenge ? (
          <Card size="small" title="验证" data-testid="report-challenge">
            <Form.Item name="challengeAnswer" label={challenge.question} rules={[{ required: true, message: '请填写验证答案' }]}>
              <Input inputMode="numeric" maxLength={20} data-testid="report-challenge-answer" />
            </Form.Item>
          </Card>
        ) : null}

        {problem ? <Alert type="error" showIcon message={problem} data-testid="report-submit-error" /> : null}

        <Button
          type="primary"
          htmlType="submit"
          block
          icon={<SendOutlined />}
          loading={submit.isPending}
          style={big}
          data-testid="report-submit"
        >
          提交举报
        </Button>
      </Flex>
    </Form>
  );
}
