import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The reporter's pages: one narrow column readable at 360 px, no admin layout, links between 举报 and 查询. */
export function PublicReportLayout({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: '12px 12px 32px' }} data-testid={testId}>
      <Flex align="center" justify="space-between" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <SafetyCertificateOutlined style={{ color: '#1677ff', marginRight: 8 }} />
          安全生产举报
        </Typography.Title>
        <Flex gap={16}>
          <Link to="/report">我要举报</Link>
          <Link to="/report/track">查询进度</Link>
        </Flex>
      </Flex>
      {children}
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 12, textAlign: 'center' }}>
        举报受理、核查和奖励依照《安全生产法》和《安全生产领域举报奖励办法》办理，对举报人信息严格保密。 紧急情况请拨打 119、120 或 12350。
      </Typography.Paragraph>
    </div>
  );
}
