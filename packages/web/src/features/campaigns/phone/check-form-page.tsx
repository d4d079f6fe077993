import { Alert, Button, Result, Skeleton, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { useCampaignTasks } from './api.ts';
import { campaignRecords, isFor } from './check-draft.ts';
import { CheckForm } from './check-form.tsx';

/** `o12` → the ledger object 12; `e7` → the enterprise 7. */
function parseTargetKey(key: string | undefined): { objectId: number | null; enterpriseId: number | null } | null {
  const m = /^([oe])(\d{1,10})$/.exec(key ?? '');
  if (!m) return null;
  return m[1] === 'o' ? { objectId: Number(m[2]), enterpriseId: null } : { objectId: null, enterpriseId: Number(m[2]) };
}

/** /campaigns/m/check/:roundId/:targetKey — one object's checklist in a round, recorded on the phone (online or not). */
export function CampaignCheckFormPage() {
  const { roundId, targetKey } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const tasks = useCampaignTasks();
  const { outbox } = usePhoneSync();
  const back = () => navigate('/campaigns/m');

  if (tasks.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (tasks.isError) return <QueryError error={tasks.error} title="专项检查任务加载失败" onRetry={() => void tasks.refetch()} />;
  const round = tasks.data.data.rounds.find((r) => r.roundId === Number(roundId));
  const key = parseTargetKey(targetKey);
  const target = key && round?.targets.find((t) => t.objectId === key.objectId && t.enterpriseId === key.enterpriseId);
  if (!round || !key || !target) {
    return (
      <Result
        status="404"
        title="没有这项检查任务"
        subTitle="轮次已结束，或该对象不在您的检查范围内"
        extra={<Button onClick={back}>返回专项检查</Button>}
      />
    );
  }
  const mine = campaignRecords(outbox);
  const fixId = params.get('fix');
  const fixing = fixId ? mine.find((r) => r.clientId === fixId && r.state === 'conflict') : undefined;
  const waiting = mine.find((r) => isFor(r, round.roundId, target) && r.state === 'pending');

  return (
    <div data-testid="campaign-check-form">
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {target.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {round.campaignTitle} · 第{round.ordinal}轮 · {target.regionName}
        {target.address ? ` · ${target.address}` : ''}
      </Typography.Paragraph>
      {waiting ? (
        <Alert
          type="warning"
          showIcon
          message="本轮已检查，待同步"
          description="联网后自动上传，无需重复记录。"
          data-testid="campaign-waiting"
        />
      ) : target.checkId !== null && !fixing ? (
        <Result status="success" title="本轮已检查" extra={<Button onClick={back}>返回专项检查</Button>} />
      ) : (
        <CheckForm round={round} target={target} fixing={fixing} onSaved={back} />
      )}
    </div>
  );
}
