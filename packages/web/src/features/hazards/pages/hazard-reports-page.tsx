import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Result, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useCan, useCurrentUser } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { type HazardReportItem, periodLabel, useHazardReports, useSignHazardReport } from '../followup-api.ts';
import { useDeepLink } from '../use-deep-link.ts';
import '../hazards.css';

const stateTags: Record<HazardReportItem['state'], [string, string]> = {
  signed: ['green', '已签署'],
  pending: ['orange', '待签署'],
  late: ['red', '逾期未签'],
  notRequired: ['default', '无需签署'],
};

/** The state and why (零报告, due date, not yet on the platform): never a bare 逾期未签. */
function ReportStatus({ r }: { r: HazardReportItem }) {
  const [colour, label] = stateTags[r.state];
  return (
    <Flex vertical gap={2} align="start">
      <Tag color={colour}>{label}</Tag>
      {r.signedAt ? (
        <Typography.Text type="secondary">
          {r.signerName ?? '—'}，{formatDateTime(r.signedAt)}
        </Typography.Text>
      ) : r.reason ? (
        <Typography.Text type="secondary" className="report-reason">
          {r.reason}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

const figuresOf = (r: HazardReportItem) => [
  ['发现隐患', `${r.figures.found}（重大 ${r.figures.foundMajor}）`],
  ['已整改', `${r.figures.closed}（重大 ${r.figures.closedMajor}）`],
  ['期末未整改', `${r.figures.openAtEnd}（重大 ${r.figures.openMajorAtEnd}）`],
  ['期末逾期', String(r.figures.overdueAtEnd)],
];

/** On a phone: one card per period, the state and the 签署 button on top, the figures below. */
function ReportCards({ items, action }: { items: HazardReportItem[]; action: (r: HazardReportItem) => ReactNode }) {
  if (!items.length) return <Empty description="暂无需签署的报告" />;
  return (
    <Flex vertical gap={12} data-testid="hazard-report-cards">
      {items.map((r) => (
        <Card key={r.period} size="small" title={periodLabel(r.period)} extra={action(r)} data-testid="hazard-report-card">
          <Flex vertical gap={8}>
            <ReportStatus r={r} />
            <span className="muted">截止 {r.dueOn}</span>
            <Flex wrap gap={12}>
              {figuresOf(r).map(([k, v]) => (
                <span key={k}>
                  <span className="muted">{k}</span> {v}
                </span>
              ))}
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** 季报年报: an enterprise's periodic hazard reports, generated from its records and signed by its principal. */
export function HazardReportsPage() {
  const user = useCurrentUser();
  const isEnterprise = user.roles.includes('enterprise');
  const canSign = useCan('hazard.act');
  const reports = useHazardReports(isEnterprise);
  const isMobile = useIsMobile();
  const sign = useSignHazardReport();
  const { message } = App.useApp();
  // /hazards/reports?sign=2026Q1 (from 待办) asks for that period's signature at once.
  const [asked, setAsked] = useState<string | null>(null);
  const unsigned = useCallback((p: string) => reports.data?.items.find((r) => r.period === p && !r.signedAt)?.period, [reports.data]);
  useDeepLink('sign', unsigned, setAsked, reports.data !== undefined && canSign);

  if (!isEnterprise) return <Result status="info" title="季报年报由企业账号查看和签署" />;

  const doSign = (period: string) =>
    sign.mutateAsync(period).then(
      () => void message.success(`${periodLabel(period)}报告已签署`),
      (e: unknown) => void message.error(errorMessage(e)),
    );

  const signable = (r: HazardReportItem) => (r.state === 'pending' || r.state === 'late') && canSign;
  const action = (r: HazardReportItem) =>
    signable(r) ? (
      <Popconfirm title="确认由主要负责人签署？" okText="签署" cancelText="取消" onConfirm={() => doSign(r.period)}>
        <Button type="primary" size={isMobile ? 'middle' : 'small'} loading={sign.isPending && sign.variables === r.period}>
          签署
        </Button>
      </Popconfirm>
    ) : null;

  const columns: TableColumnsType<HazardReportItem> = [
    { title: '报告期', dataIndex: 'period', fixed: 'left', render: (p: string) => periodLabel(p) },
    { title: '截止日期', dataIndex: 'dueOn' },
    { title: '发现隐患', key: 'found', render: (_, r) => `${r.figures.found}（重大 ${r.figures.foundMajor}）` },
    { title: '已整改', key: 'closed', render: (_, r) => `${r.figures.closed}（重大 ${r.figures.closedMajor}）` },
    { title: '期末未整改', key: 'open', render: (_, r) => `${r.figures.openAtEnd}（重大 ${r.figures.openMajorAtEnd}）` },
    { title: '期末逾期', key: 'overdue', render: (_, r) => r.figures.overdueAtEnd },
    { title: '状态', key: 'status', render: (_, r) => <ReportStatus r={r} /> },
    { title: '操作', key: 'op', render: (_, r) => action(r) },
  ];

  let body: ReactNode;
  if (reports.isError) body = <QueryError error={reports.error} onRetry={() => void reports.refetch()} />;
  else if (reports.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else {
    body = (
      <>
        <Typography.Paragraph type="secondary">
          {reports.data.enterpriseName} · 主要负责人 {reports.data.principal ?? '—'}
        </Typography.Paragraph>
        {asked ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="hazard-report-sign-panel"
            message={`签署${periodLabel(asked)}隐患排查治理报告`}
            description={
              <Flex vertical gap={12}>
                <span>请核对下表中该报告期的数据，确认后由主要负责人签署。</span>
                <Flex gap={8} wrap>
                  <Button
                    type="primary"
                    size="large"
                    loading={sign.isPending}
                    onClick={() => void doSign(asked).finally(() => setAsked(null))}
                    data-testid="hazard-report-sign-confirm"
                  >
                    确认签署
                  </Button>
                  <Button size="large" onClick={() => setAsked(null)}>
                    稍后
                  </Button>
                </Flex>
              </Flex>
            }
          />
        ) : null}
        {isMobile ? (
          <ReportCards items={reports.data.items} action={action} />
        ) : (
          <Table<HazardReportItem>
            rowKey="period"
            size="middle"
            columns={columns}
            dataSource={reports.data.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description="暂无需签署的报告" /> }}
          />
        )}
      </>
    );
  }

  return (
    <PageContainer title="季报年报" testId="hazard-reports-page">
      {body}
    </PageContainer>
  );
}
