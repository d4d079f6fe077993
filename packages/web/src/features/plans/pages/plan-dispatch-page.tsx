import type { PlanDispatch } from '@anzhi/core';
import { Alert, Card, Empty, Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { hasPermission, useCurrentUser } from '../../../lib/session.ts';
import { type DispatchTarget, useDispatch } from '../api.ts';
import { DispatchForm } from '../components/dispatch-form.tsx';
import { DispatchTargetPicker } from '../components/dispatch-target-picker.tsx';
import { currentPeriod, periodLabel } from '../plan-labels.ts';
import '../plans.css';

function WindowNotice({ d }: { d: PlanDispatch }) {
  const who = d.assignee.name;
  if (d.window === 'overdue') {
    return (
      <Alert
        type="error"
        showIcon
        title={`${periodLabel(d.period)}调度已于 ${d.dueDate} 截止`}
        description={`${who}仍可补报，补报记为逾期报送，计入五色图评分。`}
      />
    );
  }
  if (d.window === 'open') {
    return (
      <Alert
        type="warning"
        showIcon
        title={`请于 ${d.dueDate} 前报送${periodLabel(d.period)}进展`}
        description={`${who} · 已报送 ${d.reported}/${d.items.length} 项`}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      title={`${periodLabel(d.period)}调度 ${d.dueDate} 截止，${d.remindFrom} 起提醒`}
      description={`${who} · 可提前填报`}
    />
  );
}

/** 月调度: a unit's open tasks for a month on one screen, prefilled from last month, saved together. */
export function PlanDispatchPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? currentPeriod();
  const unitId = Number(params.get('unitId')) || undefined;
  const villageCode = params.get('villageCode') ?? undefined;
  // The office has no unit of its own: it reports on behalf of a unit or a village it picks.
  const canPick = hasPermission(user, 'plan.manage');
  const needsPick = canPick && user.unitId === null && !unitId && !villageCode;
  const target: DispatchTarget = { period, unitId, villageCode };
  const dispatch = useDispatch(target, !needsPick);

  const setTarget = (next: { period?: string; unitId?: number; villageCode?: string }) => {
    const p = new URLSearchParams();
    if (next.period) p.set('period', next.period);
    if (next.unitId) p.set('unitId', String(next.unitId));
    if (next.villageCode) p.set('villageCode', next.villageCode);
    setParams(p, { replace: true });
  };

  return (
    <PageContainer title={`月调度 · ${periodLabel(period)}`} testId="plan-dispatch-page">
      <DispatchTargetPicker period={period} canPickAssignee={canPick} unitId={unitId} villageCode={villageCode} onChange={setTarget} />
      {needsPick ? (
        <Card>
          <Empty description="请选择要代为填报的成员单位或村（社区）" />
        </Card>
      ) : dispatch.isError ? (
        <Card>
          <QueryError error={dispatch.error} onRetry={() => void dispatch.refetch()} />
        </Card>
      ) : dispatch.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <div style={{ marginBottom: 12 }}>
            <WindowNotice d={dispatch.data} />
          </div>
          <DispatchForm
            key={`${period}-${unitId ?? ''}-${villageCode ?? ''}-${dispatch.dataUpdatedAt}`}
            dispatch={dispatch.data}
            target={target}
            onReload={() => void dispatch.refetch()}
          />
        </>
      )}
    </PageContainer>
  );
}
