import { formatTrackingCode, type RewardStatus, reportMatterLabels, rewardStatuses, rewardStatusLabels } from '@anzhi/core';
import { Card, Col, Empty, Flex, InputNumber, Row, Select, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RewardStatusTag } from '../components/reward-status-tag.tsx';
import { type RewardLedgerFilters, useRewardLedger, yuan } from '../reward-api.ts';

const pageSize = 20;
const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
type Item = NonNullable<ReturnType<typeof useRewardLedger>['data']>['items'][number];

/** 奖励台账: filters in the URL (?status=paid&year=2026&regionCode=…) so statistics open the rewards they count. */
export function RewardLedgerPage() {
  const [params, setParams] = useSearchParams();
  const page = num(params.get('page')) ?? 1;
  const statuses = (params.get('status') ?? '').split(',').filter((s) => (rewardStatuses as readonly string[]).includes(s));
  const day = (key: string) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(key) ?? '') ? (params.get(key) ?? undefined) : undefined);
  // The statistics open this page with the rewards they count: granted ones by decision day, paid ones by payment day.
  const filters: RewardLedgerFilters = {
    status: statuses.length ? statuses.join(',') : undefined,
    year: num(params.get('year')),
    regionCode: params.get('regionCode') ?? undefined,
    unitId: num(params.get('unitId')),
    decidedFrom: day('decidedFrom'),
    decidedTo: day('decidedTo'),
    paidFrom: day('paidFrom'),
    paidTo: day('paidTo'),
  };
  const periods = [
    filters.decidedFrom || filters.decidedTo ? `批准于 ${filters.decidedFrom ?? '…'} 至 ${filters.decidedTo ?? '…'}` : null,
    filters.paidFrom || filters.paidTo ? `发放于 ${filters.paidFrom ?? '…'} 至 ${filters.paidTo ?? '…'}` : null,
  ].filter(Boolean);
  const ledger = useRewardLedger(filters, page, pageSize);
  const set = (key: string, value: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  const columns: TableColumnsType<Item> = [
    { title: '查询码', key: 'code', render: (_, r) => <Link to={`/reports/${r.reportId}`}>{formatTrackingCode(r.trackingCode)}</Link> },
    { title: '被举报单位', dataIndex: 'enterpriseName', render: (v: string | null) => v ?? '—' },
    { title: '地区', dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
    { title: '事项', dataIndex: 'matter', render: (v: Item['matter']) => (v ? reportMatterLabels[v] : '—') },
    { title: '计算依据', dataIndex: 'rule', ellipsis: true },
    { title: '计算金额', dataIndex: 'computedAmount', align: 'right', render: (v: number) => yuan(v) },
    { title: '批准金额', dataIndex: 'amount', align: 'right', render: (v: number | null) => yuan(v) },
    { title: '状态', dataIndex: 'status', render: (v: RewardStatus) => <RewardStatusTag status={v} /> },
    { title: '领取期限', dataIndex: 'claimDueOn', render: (v: string | null) => v ?? '—' },
    { title: '发放', key: 'paid', render: (_, r) => (r.paidOn ? `${r.paidOn}（${r.paymentRef}）` : '—') },
  ];

  return (
    <PageContainer title="举报奖励台账" testId="reward-ledger-page">
      <Card>
        <Flex gap={12} wrap>
          <Select
            mode="multiple"
            allowClear
            placeholder="状态"
            style={{ minWidth: 200 }}
            value={statuses}
            options={rewardStatuses.map((s) => ({ value: s, label: rewardStatusLabels[s] }))}
            onChange={(v: string[]) => set('status', v.join(','))}
          />
          <InputNumber placeholder="提出年度" min={2000} max={2999} value={filters.year} onChange={(v) => set('year', v ?? undefined)} />
          {periods.map((p) => (
            <Tag
              key={p}
              closable
              onClose={() => setParams(new URLSearchParams([...params].filter(([k]) => !/^(decided|paid)(From|To)$/.test(k))))}
            >
              {p}
            </Tag>
          ))}
        </Flex>
      </Card>
      {ledger.data && (
        <Row gutter={12} style={{ margin: '12px 0' }}>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="奖励笔数" value={ledger.data.total} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="待审批（拟奖励）" value={yuan(ledger.data.totals.proposed)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="已批准（含已发放）" value={yuan(ledger.data.totals.granted)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="已发放" value={yuan(ledger.data.totals.paid)} />
            </Card>
          </Col>
        </Row>
      )}
      {ledger.isError ? (
        <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : (
        <Table<Item>
          rowKey="id"
          loading={ledger.isFetching}
          columns={columns}
          dataSource={ledger.data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description="暂无奖励记录" /> }}
          pagination={{ current: page, pageSize, total: ledger.data?.total ?? 0, showSizeChanger: false, onChange: (p) => set('page', p) }}
        />
      )}
    </PageContainer>
  );
}
