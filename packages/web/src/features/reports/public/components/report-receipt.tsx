import { CopyOutlined, FileSearchOutlined } from '@ant-design/icons';
import { formatTrackingCode, type PublicReportReceipt } from '@anzhi/core';
import { Alert, App, Button, Card, Flex, Result, Typography } from 'antd';
import { formatDateTime } from '../../../../lib/format.ts';
import { copyText } from '../copy-text.ts';

const bigText = { fontSize: 24, fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: 1, wordBreak: 'break-all' } as const;

/** After submit: the tracking code and the secret, big, to copy or screenshot (the secret is shown only here). */
export function ReportReceipt({ receipt, onTrack }: { receipt: PublicReportReceipt; onTrack: () => void }) {
  const { message } = App.useApp();
  const code = formatTrackingCode(receipt.trackingCode);
  const copy = async (text: string, what: string) => {
    if (await copyText(text)) message.success(`${what}已复制`);
    else message.warning('无法自动复制，请长按选中后复制，或截图保存');
  };
  const row = (label: string, value: string, testId: string) => (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Typography.Text strong style={bigText} data-testid={testId}>
          {value}
        </Typography.Text>
        <Button icon={<CopyOutlined />} size="large" onClick={() => void copy(value, label)}>
          复制
        </Button>
      </Flex>
    </Flex>
  );
  return (
    <Flex vertical gap={12} data-testid="report-receipt">
      <Result
        status="success"
        title="举报已提交"
        subTitle={`收到时间：${formatDateTime(receipt.receivedAt)}`}
        style={{ padding: '16px 0 0' }}
      />
      <Card size="small">
        <Flex vertical gap={16}>
          {row('查询码', code, 'receipt-code')}
          {row('查询密码', receipt.secret, 'receipt-secret')}
          <Button
            block
            size="large"
            icon={<CopyOutlined />}
            onClick={() => void copy(`查询码：${code}\n查询密码：${receipt.secret}`, '查询码和密码')}
          >
            复制查询码和密码
          </Button>
        </Flex>
      </Card>
      <Alert
        type="warning"
        showIcon
        message="请截图或抄下查询码和查询密码"
        description="凭查询码和密码可以查看办理进度、核查结果，回答工作人员的询问，领取举报奖励。密码只在此显示一次，遗失后无法找回；请勿告诉他人。"
      />
      <Button
        type="primary"
        size="large"
        block
        icon={<FileSearchOutlined />}
        onClick={onTrack}
        style={{ minHeight: 48 }}
        data-testid="receipt-track"
      >
        查看办理进度
      </Button>
    </Flex>
  );
}
