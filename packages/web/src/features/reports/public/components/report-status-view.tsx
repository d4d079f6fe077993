import { SendOutlined } from '@ant-design/icons';
import { formatTrackingCode, type PublicReportStatus, publicReportReplyBody, reportMessageKindLabels } from '@anzhi/core';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import { parseForm, showSubmitError } from '../../../../lib/form-errors.ts';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { type ReportCredentials, useReplyToReport } from '../api.ts';

const statusColor: Record<PublicReportStatus['status'], string> = {
  received: 'default',
  verifying: 'processing',
  founded: 'success',
  unfounded: 'warning',
  rejected: 'error',
  merged: 'purple',
};

function ReplyBox({ credentials }: { credentials: ReportCredentials }) {
  const [form] = Form.useForm<{ body: string }>();
  const { message } = App.useApp();
  const reply = useReplyToReport(credentials);
  const onFinish = (values: { body: string }) => {
    const body = parseForm(publicReportReplyBody, values, form, ['body']);
    if (!body) return;
    reply.mutate(body.body, {
      onSuccess: () => {
        form.resetFields();
        message.success('答复已发送');
      },
      onError: (e) => showSubmitError(e, form, ['body'], (m) => void message.error(m)),
    });
  };
  return (
    <Form form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} data-testid="report-reply">
      <Form.Item name="body" label="答复工作人员的询问">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" block icon={<SendOutlined />} loading={reply.isPending} style={{ minHeight: 48 }}>
        发送答复
      </Button>
    </Form>
  );
}

/** What the reporter may see of their report: status in plain words, dates, the office's messages, the reward. */
export function ReportStatusView({ status, credentials }: { status: PublicReportStatus; credentials: ReportCredentials }) {
  const s = status;
  return (
    <Flex vertical gap={12} data-testid="report-status">
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">查询码 {formatTrackingCode(s.trackingCode)}</Typography.Text>
          <Tag color={statusColor[s.status]} style={{ fontSize: 16, padding: '6px 10px', alignSelf: 'flex-start', whiteSpace: 'normal' }}>
            <span data-testid="report-status-label">{s.statusLabel}</span>
          </Tag>
          {s.internal ? <Typography.Text type="secondary">内部吹哨人举报：由乡镇（街道）安委办核查，不转企业。</Typography.Text> : null}
        </Flex>
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          {s.enterpriseName ? <Descriptions.Item label="反映的企业">{s.enterpriseName}</Descriptions.Item> : null}
          <Descriptions.Item label="收到">{formatDateTime(s.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="受理">{formatDate(s.acceptedOn, '尚未受理')}</Descriptions.Item>
          {s.dueOn ? <Descriptions.Item label="核查期限">{formatDate(s.dueOn)}</Descriptions.Item> : null}
          {s.extendedDays > 0 ? (
            <Descriptions.Item label="延期">
              {s.extendedDays} 天{s.extensionReason ? `（${s.extensionReason}）` : ''}
            </Descriptions.Item>
          ) : null}
          {s.decidedOn ? <Descriptions.Item label="办结">{formatDate(s.decidedOn)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>

      {s.reward ? (
        <Alert
          type={s.reward.status === 'approved' || s.reward.status === 'paid' ? 'success' : 'info'}
          showIcon
          data-testid="report-reward"
          message={`举报奖励：${s.reward.statusLabel}${s.reward.amount !== null ? `，${s.reward.amount.toLocaleString('zh-CN')} 元` : ''}`}
          description={s.reward.claimDueOn ? `请于 ${formatDate(s.reward.claimDueOn)} 前联系安委办领取，逾期视为放弃。` : undefined}
        />
      ) : null}

      <Card size="small" title="办理情况与沟通">
        {s.messages.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
        ) : (
          <Flex vertical gap={10} data-testid="report-messages">
            {s.messages.map((m, i) => (
              <div
                // The thread only grows; position is a stable identity here.
                // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id in the public contract
                key={i}
                style={{
                  alignSelf: m.fromReporter ? 'flex-end' : 'flex-start',
                  maxWidth: '90%',
                  background: m.fromReporter ? '#e6f4ff' : '#f5f5f5',
                  borderRadius: 8,
                  padding: '8px 12px',
                }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.fromReporter ? '我的答复' : reportMessageKindLabels[m.kind]} · {formatDateTime(m.at)}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Paragraph>
              </div>
            ))}
          </Flex>
        )}
        {s.canReply ? (
          <div style={{ marginTop: 16 }}>
            <ReplyBox credentials={credentials} />
          </div>
        ) : null}
      </Card>
    </Flex>
  );
}
