import { SearchOutlined } from '@ant-design/icons';
import { type CampaignObjectState, campaignObjectStateLabels, campaignObjectStates } from '@anzhi/core';
import { Button, Card, Empty, Flex, Form, Result, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { freezeFirstColumn } from '../../../components/phone-table.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useRegionList } from '../../../lib/regions-query.ts';
import { useUnitOptions } from '../../../lib/units-query.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { type CampaignObjectRow, type ObjectListQuery, useCampaign, useCampaignObjects } from './api.ts';
import { objectsHref } from './campaign-view.ts';
import { CheckDrawer } from './check-drawer.tsx';

interface ObjectSearch {
  round?: number;
  state?: CampaignObjectState;
  villageCode?: string;
  unitId?: number;
  neverReached?: boolean;
}

/** The URL's filters, checked: a figure's link or a hand-typed address read the same. */
export function objectSearchOf(params: URLSearchParams): ObjectSearch {
  const n = (k: string) => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const state = params.get('state') as CampaignObjectState | null;
  const village = params.get('villageCode');
  return {
    round: n('round'),
    state: state && campaignObjectStates.includes(state) ? state : undefined,
    villageCode: village && /^\d{12}$/.test(village) ? village : undefined,
    unitId: n('unitId'),
    neverReached: params.get('neverReached') === 'true' || undefined,
  };
}

/** 检查对象清单: the objects behind a progress figure, with each one's check in the round. */
export function CampaignObjectsPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => objectSearchOf(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.max(1, Number(params.get('pageSize')) || 20);
  const isMobile = useIsMobile();
  const campaign = useCampaign(id);
  const query: ObjectListQuery = {
    ...(search.neverReached ? { neverReached: 'true' } : { round: search.round, state: search.state ?? 'target' }),
    villageCode: search.villageCode,
    unitId: search.unitId,
  };
  const objects = useCampaignObjects(id, query, page, pageSize);
  const [checkId, setCheckId] = useState<number | null>(null);
  const regions = useRegionList();
  const units = useUnitOptions();
  const [form] = Form.useForm<ObjectSearch>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(search);
  }, [form, search]);

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="专项不存在" />;
  const c = campaign.data;
  const go = (f: ObjectSearch) => {
    // 从未检查 ignores round and state: it stays on until one of them is picked.
    const href = objectsHref(id, { ...f, neverReached: !!search.neverReached && !f.round && !f.state });
    setParams(new URLSearchParams(href.split('?')[1] ?? ''));
  };
  const setPage = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(size !== pageSize ? 1 : p));
    next.set('pageSize', String(size));
    setParams(next);
  };

  const columns: TableColumnsType<CampaignObjectRow> = [
    { title: '检查对象', dataIndex: 'name', width: 160 },
    { title: '村（社区）', dataIndex: 'regionName', width: 120 },
    {
      title: '所属企业',
      dataIndex: 'enterpriseName',
      render: (v: string | null, r) => (v && r.enterpriseId ? <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> : '—'),
    },
    {
      title: '检查时间',
      dataIndex: 'checkedAt',
      width: 150,
      render: (v: string | null) => (v ? formatDateTime(v).slice(0, 16) : <Tag>未检查</Tag>),
    },
    { title: '检查人', dataIndex: 'checkedByName', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: '不符合项',
      dataIndex: 'failed',
      width: 90,
      render: (v: number, r) => (r.checkId ? v ? <Tag color="red">{v} 项</Tag> : <Tag color="green">无</Tag> : '—'),
    },
    {
      title: '隐患',
      dataIndex: 'hazardIds',
      render: (ids: number[]) =>
        ids.length ? (
          <Flex gap={4} wrap>
            {ids.map((h) => (
              <Link key={h} to={`/hazards/${h}`} onClick={(e) => e.stopPropagation()}>
                #{h}
              </Link>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: '',
      key: 'open',
      width: 90,
      render: (_, r) =>
        r.checkId ? (
          <Button
            size="small"
            type="link"
            onClick={(e) => {
              e.stopPropagation();
              setCheckId(r.checkId);
            }}
          >
            检查记录
          </Button>
        ) : null,
    },
  ];

  const title = search.neverReached
    ? '从未检查的对象'
    : `${search.round ? `第${search.round}轮` : '当前轮次'} · ${campaignObjectStateLabels[search.state ?? 'target']}`;

  return (
    <PageContainer title={c ? `${c.title}：${title}` : title} testId="campaign-objects-page">
      <Card size="small" className="search-form">
        <Form form={form} layout="inline" className="search-form-body" onFinish={go}>
          <Form.Item name="round" label="轮次">
            <Select
              allowClear
              placeholder="当前轮次"
              style={{ width: 120 }}
              options={(c?.rounds ?? []).map((r) => ({ value: r.ordinal, label: `第${r.ordinal}轮` }))}
            />
          </Form.Item>
          <Form.Item name="state" label="情况">
            <Select
              allowClear
              placeholder="应检查"
              style={{ width: 130 }}
              options={campaignObjectStates.map((s) => ({ value: s, label: campaignObjectStateLabels[s] }))}
            />
          </Form.Item>
          <Form.Item name="villageCode" label="村（社区）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部"
              style={{ width: 160 }}
              options={(regions.data ?? []).filter((r) => r.level === 'village').map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
          <Form.Item name="unitId" label="责任单位">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 160 }}
              options={(c?.units.length ? c.units : (units.data ?? [])).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Flex justify="space-between" style={{ margin: '8px 0' }} wrap gap={8}>
        <Link to={`/campaigns/${id}`}>← 返回专项</Link>
        {objects.data ? (
          <Typography.Text type="secondary" data-testid="campaign-objects-total">
            共 {objects.data.total} {c?.counter ?? '个'}
          </Typography.Text>
        ) : null}
      </Flex>
      {objects.isError ? (
        <QueryError error={objects.error} onRetry={() => void objects.refetch()} />
      ) : (
        <Table<CampaignObjectRow>
          rowKey={(r) => `${r.objectId ?? 'e'}-${r.enterpriseId ?? ''}-${r.name}`}
          data-testid="campaign-objects-table"
          columns={freezeFirstColumn(columns, isMobile)}
          dataSource={objects.data?.items ?? []}
          loading={objects.isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(r) => (r.checkId ? { onClick: () => setCheckId(r.checkId), style: { cursor: 'pointer' } } : {})}
          locale={{ emptyText: <Empty description="没有符合条件的对象" /> }}
          pagination={{ current: page, pageSize, total: objects.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        />
      )}
      <CheckDrawer id={checkId} onClose={() => setCheckId(null)} />
    </PageContainer>
  );
}
