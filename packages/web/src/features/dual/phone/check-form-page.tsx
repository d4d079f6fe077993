import { checkCycleLabels } from '@anzhi/core';
import { Alert, Button, Result, Skeleton, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { useTodayChecks } from './api.ts';
import { dualRecords } from './dual-outbox.ts';
import { RecordForm } from './record-form.tsx';
import { useFixing } from './use-fixing.ts';

/** /dual/m/checks/:taskPeriodId — one due check's checklist, recorded on the phone (online or not). */
export function CheckFormPage() {
  const { taskPeriodId } = useParams();
  const navigate = useNavigate();
  const today = useTodayChecks();
  const { outbox } = usePhoneSync();
  const fixing = useFixing();
  const back = () => navigate('/dual/m/checks');

  if (today.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (today.isError) return <QueryError error={today.error} title="排查任务加载失败" onRetry={() => void today.refetch()} />;
  const check = today.data.data.items.find((c) => c.taskPeriodId === Number(taskPeriodId));
  if (!check) {
    return <Result status="404" title="今日没有这项排查任务" extra={<Button onClick={back}>返回今日排查</Button>} />;
  }
  const waiting = dualRecords(outbox).find(
    (r) => r.record.kind === 'task' && r.record.taskPeriodId === check.taskPeriodId && r.state === 'pending',
  );

  return (
    <div data-testid="phone-check-form">
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {check.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {check.enterpriseName} · {checkCycleLabels[check.cycle]} · {check.periodStart}
        {check.periodEnd !== check.periodStart ? ` 至 ${check.periodEnd}` : ''}
      </Typography.Paragraph>
      {waiting ? (
        <Alert type="warning" showIcon message="这项排查已记录，待同步" description="联网后自动上传，无需重复记录。" />
      ) : check.status === 'done' && !fixing ? (
        <Result status="success" title="本期已排查" extra={<Button onClick={back}>返回今日排查</Button>} />
      ) : (
        <RecordForm
          target={{
            kind: 'task',
            enterpriseId: check.enterpriseId,
            taskPeriodId: check.taskPeriodId,
            title: check.title,
            items: check.items,
          }}
          fixing={fixing}
          onSaved={back}
        />
      )}
    </div>
  );
}
