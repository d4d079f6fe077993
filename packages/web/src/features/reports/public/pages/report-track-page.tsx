import { LogoutOutlined, SearchOutlined } from '@ant-design/icons';
import { formatTrackingCode, trackingCodeParam } from '@anzhi/core';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../lib/api-client.ts';
import { parseForm } from '../../../../lib/form-errors.ts';
import { publicReportKey, type ReportCredentials, usePublicReportStatus } from '../api.ts';
import { PublicReportLayout } from '../components/public-report-layout.tsx';
import { ReportStatusView } from '../components/report-status-view.tsx';
import { forgetCredentials, keepCredentials, keptCredentials } from '../report-credentials-store.ts';

interface LookupValues {
  trackingCode?: string;
  secret?: string;
}

/**
 * `/report/track`: the tracking code and the secret (typed, or kept by this tab from the receipt — never in the URL)
 * → the report's status, dates, messages and reward.
 */
export function ReportTrackPage() {
  const qc = useQueryClient();
  const [form] = Form.useForm<LookupValues>();
  const [credentials, setCredentials] = useState<ReportCredentials | null>(() => keptCredentials());
  const [attempt, setAttempt] = useState(0);
  const status = usePublicReportStatus(credentials, attempt);

  useEffect(() => {
    if (credentials && status.isSuccess) keepCredentials(credentials);
  }, [credentials, status.isSuccess]);

  const lookup = (values: LookupValues) => {
    const code = parseForm(trackingCodeParam, { trackingCode: values.trackingCode ?? '' }, form, ['trackingCode']);
    const secret = values.secret?.trim() ?? '';
    if (!secret) form.setFields([{ name: 'secret', errors: ['请输入查询密码'] }]);
    if (!code || !secret) return;
    setAttempt((n) => n + 1);
    setCredentials({ trackingCode: code.trackingCode, secret });
  };
  const leave = () => {
    forgetCredentials();
    qc.removeQueries({ queryKey: publicReportKey });
    setCredentials(null);
    form.resetFields();
  };

  const page = (children: React.ReactNode) => <PublicReportLayout testId="report-track-page">{children}</PublicReportLayout>;

  if (credentials && status.data) {
    return page(
      <Flex vertical gap={12}>
        <ReportStatusView status={status.data} credentials={credentials} />
        <Button size="large" block icon={<LogoutOutlined />} onClick={leave}>
          退出查询（在他人的手机上查询后请点此）
        </Button>
      </Flex>,
    );
  }
  if (credentials && status.isPending) return page(<Skeleton active paragraph={{ rows: 6 }} />);

  return page(
    <Card size="small" title="查询举报办理进度">
      {credentials && status.isError ? (
        <Alert type="error" showIcon message={errorMessage(status.error)} style={{ marginBottom: 12 }} data-testid="track-error" />
      ) : null}
      <Form<LookupValues>
        form={form}
        layout="vertical"
        size="large"
        onFinish={lookup}
        requiredMark={false}
        initialValues={credentials ? { trackingCode: formatTrackingCode(credentials.trackingCode) } : undefined}
        data-testid="track-form"
      >
        <Form.Item name="trackingCode" label="查询码" extra="提交举报时显示的 JB 开头的编码">
          <Input autoCapitalize="characters" autoComplete="off" spellCheck={false} placeholder="JB-XXXX-XXXX-XX" data-testid="track-code" />
        </Form.Item>
        <Form.Item name="secret" label="查询密码">
          <Input.Password autoComplete="off" data-testid="track-secret" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block icon={<SearchOutlined />} style={{ minHeight: 48 }} data-testid="track-submit">
          查询
        </Button>
      </Form>
    </Card>,
  );
}
