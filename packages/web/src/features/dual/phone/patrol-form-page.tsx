import { riskLevelColours } from '@anzhi/core';
import { Alert, Button, Result, Skeleton, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { useVenuePatrols } from './api.ts';
import { dualRecords } from './dual-outbox.ts';
import { thisMonth } from './patrols-page.tsx';
import { RecordForm } from './record-form.tsx';
import { useFixing } from './use-fixing.ts';

/** /dual/m/patrols/:enterpriseId — a small venue's type checklist, recorded as a patrol (online or not). */
export function PatrolFormPage() {
  const { enterpriseId } = useParams();
  const navigate = useNavigate();
  const list = useVenuePatrols(thisMonth());
  const { outbox } = usePhoneSync();
  const fixing = useFixing();
  const back = () => navigate('/dual/m/patrols');

  if (list.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (list.isError) return <QueryError error={list.error} title="巡查清单加载失败" onRetry={() => void list.refetch()} />;
  const venue = list.data.data.items.find((v) => v.enterpriseId === Number(enterpriseId));
  if (!venue) return <Result status="404" title="本月巡查清单中没有这个场所" extra={<Button onClick={back}>返回巡查清单</Button>} />;
  const waiting = dualRecords(outbox).find(
    (r) => r.record.kind === 'patrol' && r.record.enterpriseId === venue.enterpriseId && r.state === 'pending',
  );
  const colour = riskLevelColours[venue.riskColour];

  return (
    <div data-testid="phone-patrol-form">
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {venue.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        <Tag color={colour.hex}>{colour.name}</Tag>
        {venue.smallVenueTypeLabel}
        {venue.address ? ` · ${venue.address}` : ''}
      </Typography.Paragraph>
      {waiting ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="已有一次巡查待同步，联网后自动上传" /> : null}
      {venue.checklist.length === 0 ? (
        <Result status="info" title="该场所类型还没有检查清单" />
      ) : (
        <RecordForm
          target={{ kind: 'patrol', enterpriseId: venue.enterpriseId, title: venue.name, items: venue.checklist }}
          fixing={fixing}
          onSaved={back}
        />
      )}
    </div>
  );
}
