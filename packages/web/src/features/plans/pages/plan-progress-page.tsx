import { CalendarOutlined, DiffOutlined, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import type { PlanProgressNode } from '@anzhi/core';
import { Card, Checkbox, DatePicker, Flex, Result, Select, Skeleton, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { LinkButton } from '../../../components/link-button.tsx';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useRegionList } from '../../../lib/regions-query.ts';
import { useCan, useCurrentUser } from '../../../lib/session.ts';
import { usePlanProgress, useUnitShortNames } from '../api.ts';
import { PlanCountCards } from '../components/plan-count-cards.tsx';
import { PlanExportButtons } from '../components/plan-export-buttons.tsx';
import { PlanStatusTag, periodText } from '../components/plan-list-parts.tsx';
import { PlanProgressTree } from '../components/plan-progress-tree.tsx';
import { PlanRemindButton } from '../components/plan-remind-button.tsx';
import { assigneeState, isVillagesAssignee, type Village } from '../components/plan-status.tsx';
import { PlanTaskDrawer } from '../components/plan-task-drawer.tsx';
import { PlanTimelineView } from '../components/plan-timeline.tsx';
import { assigneeKey, currentPeriod, isPastDue, periodLabel } from '../plan-labels.ts';
import { buildTree, filterTree } from '../plan-tree.ts';
import '../plans.css';

function useProgressParams() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return {
    period: params.get('period') ?? undefined,
    status: params.get('status') ?? undefined,
    who: params.get('who') ?? undefined,
    silent: params.get('silent') === '1',
    tab: params.get('tab') ?? 'tree',
    set,
  };
}

/** 方案进度: the plan as a tree of coloured tasks and as a line of deadlines; the office sees all, a unit its own. */
export function PlanProgressPage() {
  const id = Number(useParams().id);
  const p = useProgressParams();
  const progress = usePlanProgress(id, p.period);
  const canManage = useCan('plan.manage');
  const canReport = useCan('plan.report');
  const [openId, setOpenId] = useState<number | null>(null);
  const names = useUnitShortNames();
  const user = useCurrentUser();
  const regions = useRegionList();
  const villages = useMemo<Village[]>(
    () => (regions.data ?? []).filter((r) => r.level === 'village' && !r.abolished).map((r) => ({ code: r.code, name: r.name })),
    [regions.data],
  );

  const data = progress.data;
  const period = data?.period ?? p.period ?? currentPeriod();
  const pastDue = data ? isPastDue(period, data.plan.settings) : false;
  const nodes = data?.nodes;

  const assignees = useMemo(() => {
    const all = new Map<string, string>();
    for (const n of nodes ?? [])
      for (const a of [...n.leads, ...n.cos]) {
        if (a.unitId != null) all.set(assigneeKey(a), names.get(a.unitId) ?? a.name);
        else if (isVillagesAssignee(a)) for (const v of villages) all.set(assigneeKey({ unitId: null, villageCode: v.code }), v.name);
        else all.set(assigneeKey(a), a.name);
      }
    return [...all].map(([value, label]) => ({ value, label }));
  }, [nodes, names, villages]);

  const tree = useMemo(() => {
    const keep = (t: PlanProgressNode) => {
      if (p.status && t.status !== p.status) return false;
      const people = [...t.leads, ...t.cos];
      // A village is on every task given to 各村（社区）.
      const isWho = (a: (typeof people)[number]) => assigneeKey(a) === p.who || (p.who?.startsWith('v') === true && isVillagesAssignee(a));
      if (p.who && !people.some(isWho)) return false;
      if (p.silent && (t.status === 'done' || !people.some((a) => assigneeState(t, a, period, pastDue, villages) === 'silent')))
        return false;
      return true;
    };
    const full = buildTree(nodes ?? []);
    return p.status || p.who || p.silent ? filterTree(full, keep) : full;
  }, [nodes, p.status, p.who, p.silent, period, pastDue, villages]);

  if (!(id > 0)) return <Result status="404" title="方案不存在" subTitle="链接中的方案编号有误。" />;
  if (progress.isError) return <QueryError error={progress.error} onRetry={() => void progress.refetch()} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const { plan } = data;
  const openNode = openId === null ? null : (data.nodes.find((n) => n.id === openId) ?? null);

  return (
    <PageContainer
      testId="plan-progress-page"
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="plan-progress-title">{plan.title}</span>
          <PlanStatusTag status={plan.status} />
        </Flex>
      }
      extra={
        <>
          <LinkButton to={`/plans/${id}/rankings?period=${period}`} icon={<TrophyOutlined />}>
            五色图
          </LinkButton>
          {canReport ? (
            <LinkButton to={`/plans/dispatch?period=${period}`} icon={<CalendarOutlined />}>
              月调度
            </LinkButton>
          ) : null}
          <PlanExportButtons planId={id} title={plan.title} period={period} />
          {canManage ? (
            <>
              {plan.status === 'published' ? <PlanRemindButton planId={id} period={currentPeriod()} /> : null}
              <LinkButton to={`/plans/${id}/review`} icon={<EditOutlined />}>
                修改任务
              </LinkButton>
              <LinkButton to={`/plans/${id}/reimport`} icon={<DiffOutlined />}>
                导入修订稿
              </LinkButton>
            </>
          ) : null}
        </>
      }
    >
      <Typography.Paragraph type="secondary">
        {[plan.docNumber, plan.issuer, periodText(plan)].filter(Boolean).join(' · ')} · 每月 {plan.settings.reportDay} 日前报送进展
      </Typography.Paragraph>
      <Flex vertical gap={16}>
        <PlanCountCards counts={plan.counts} active={p.status} onPick={(s) => p.set('status', s)} />
        <Card size="small">
          <Tabs
            activeKey={p.tab}
            onChange={(k) => p.set('tab', k === 'tree' ? undefined : k)}
            tabBarExtraContent={
              <DatePicker
                picker="month"
                value={dayjs(`${period}-01`)}
                allowClear={false}
                inputReadOnly
                format={(d) => `调度月份：${periodLabel(d.format('YYYY-MM'))}`}
                onChange={(d) => p.set('period', d ? d.format('YYYY-MM') : undefined)}
                disabledDate={(d) => d.isAfter(dayjs(), 'month')}
                style={{ width: 190 }}
              />
            }
            items={[
              {
                key: 'tree',
                label: '进度树',
                children: (
                  <Flex vertical gap={12}>
                    <Flex gap={12} wrap align="center">
                      <Select
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder="按责任单位筛选"
                        value={p.who}
                        onChange={(v?: string) => p.set('who', v)}
                        options={assignees}
                        style={{ width: 220 }}
                      />
                      <Checkbox checked={p.silent} onChange={(e) => p.set('silent', e.target.checked ? '1' : undefined)}>
                        只看有单位未报送的任务
                      </Checkbox>
                      <span className="muted">
                        {pastDue ? `${periodLabel(period)}报送已截止，红色为未报单位` : `${periodLabel(period)}报送进行中`}
                      </span>
                    </Flex>
                    <PlanProgressTree
                      tree={tree}
                      period={period}
                      pastDue={pastDue}
                      onOpen={(n) => setOpenId(n.id)}
                      names={names}
                      ownUnitId={user.unitId}
                      villages={villages}
                    />
                  </Flex>
                ),
              },
              { key: 'timeline', label: '时间节点', children: <PlanTimelineView planId={id} onOpenTask={setOpenId} /> },
            ]}
          />
        </Card>
      </Flex>
      <PlanTaskDrawer node={openNode} period={period} pastDue={pastDue} villages={villages} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
