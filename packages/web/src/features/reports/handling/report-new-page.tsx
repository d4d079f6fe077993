import {
  formatTrackingCode,
  type ReportRegistered,
  reportChannelLabels,
  reportChannels,
  reportMatterLabels,
  reportMatters,
  reportSourceLabels,
} from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { call, errorMessage } from '../../../lib/api-client.ts';
import { useRegisterReport } from './api.ts';

const offlineSources = ['hotline', 'letter', 'visit', 'email'] as const;

/** 登记来电来信: the office registers a 12350 call, a letter, a visit or an email, then reads the code and secret out. */
export function ReportNewPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const register = useRegisterReport();
  const [done, setDone] = useState<ReportRegistered | null>(null);
  const [q, setQ] = useState('');
  const enterprises = useQuery({
    queryKey: ['enterprises', 'search', q],
    queryFn: ({ signal }) => call('GET /enterprises', { query: { q, page: 1, pageSize: 20 }, signal }),
    enabled: q.trim().length >= 2,
  });

  if (done)
    return (
      <PageContainer title="登记来电来信" testId="report-new-page">
        <Result
          status="success"
          title="已登记，请告知举报人查询码和查询密码"
          subTitle="查询密码只显示这一次，系统不保存明文；请逐字读给举报人或写入回信。"
          extra={[
            <Button key="open" type="primary" onClick={() => navigate(`/reports/${done.report.id}`)}>
              打开该举报
            </Button>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields();
                setDone(null);
              }}
            >
              继续登记
            </Button>,
          ]}
        >
          <Typography.Title level={3} copyable style={{ textAlign: 'center' }}>
            查询码 {formatTrackingCode(done.trackingCode)}
          </Typography.Title>
          <Typography.Title level={3} copyable style={{ textAlign: 'center' }}>
            查询密码 {done.secret}
          </Typography.Title>
        </Result>
      </PageContainer>
    );

  const submit = async () => {
    const v = await form.validateFields();
    register.mutate(
      {
        source: v.source,
        channel: v.channel,
        description: v.description,
        place: v.place,
        enterpriseId: v.enterpriseId,
        enterpriseName: v.enterpriseId ? undefined : v.enterpriseName,
        regionCode: v.enterpriseId ? undefined : (v.regionCode ?? undefined),
        matter: v.matter,
        reporterName: v.reporterName,
        reporterPhone: v.reporterPhone || undefined,
      },
      { onSuccess: setDone, onError: (e) => message.error(errorMessage(e)) },
    );
  };

  return (
    <PageContainer title="登记来电来信" testId="report-new-page">
      <Card style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" initialValues={{ source: 'hotline', channel: 'public' }}>
          <Form.Item name="source" label="来源" rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={offlineSources.map((s) => ({ value: s, label: reportSourceLabels[s] }))} />
          </Form.Item>
          <Form.Item name="channel" label="举报人身份">
            <Radio.Group options={reportChannels.map((c) => ({ value: c, label: reportChannelLabels[c] }))} />
          </Form.Item>
          <Form.Item name="enterpriseId" label="被举报企业（在名录中查找）">
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              allowClear
              placeholder="输入企业名称至少 2 个字"
              loading={enterprises.isFetching}
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.enterpriseId !== b.enterpriseId}>
            {({ getFieldValue }) =>
              getFieldValue('enterpriseId') ? null : (
                <>
                  <Form.Item name="enterpriseName" label="企业名称（名录中没有时照举报人所说填写）">
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name="regionCode"
                    label="所在村（社区）"
                    rules={[{ required: true, message: '未选企业时请选择所在村（社区）' }]}
                  >
                    <RegionTreeSelect />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
          <Form.Item name="place" label="地点">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="matter" label="问题类别">
            <Select allowClear options={reportMatters.map((m) => ({ value: m, label: reportMatterLabels[m] }))} />
          </Form.Item>
          <Form.Item name="description" label="反映的问题" rules={[{ required: true, min: 5, message: '请描述反映的问题（至少 5 个字）' }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="举报人姓名和电话加密保存，仅安委办凭权限查看且每次查看留痕；可不填（匿名）。"
          />
          <Form.Item name="reporterName" label="举报人姓名">
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item name="reporterPhone" label="举报人电话">
            <Input maxLength={20} autoComplete="off" inputMode="tel" />
          </Form.Item>
          <Button type="primary" block size="large" loading={register.isPending} onClick={() => void submit()}>
            登记并生成查询码
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
