import { Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { OfflineNotice } from '../../../lib/offline/offline-notice.tsx';
import { useLabelLanding } from './api.ts';
import { checkPath } from './check-draft.ts';

/**
 * /o/:code — what a QR label opens (signed in; a signed-out user signs in and comes back here): the object, and a
 * 检查 button for each open round covering it.
 */
export function LabelLandingPage() {
  const { code = '' } = useParams();
  const landing = useLabelLanding(code.toUpperCase());
  if (landing.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (landing.isError) {
    if (landing.error instanceof ApiError && (landing.error.status === 404 || landing.error.status === 400))
      return <Result status="404" title="标签对应的对象不存在或不在您的范围内" subTitle={`标签码 ${code}`} />;
    return <QueryError error={landing.error} title="标签对象加载失败" onRetry={() => void landing.refetch()} />;
  }
  const { data, offlineSince } = landing.data;
  const o = data.object;
  return (
    <div data-testid="label-landing">
      <OfflineNotice since={offlineSince} />
      <Card size="small">
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap>
            <Tag color="blue">{o.typeName}</Tag>
            {o.removed ? <Tag>已注销</Tag> : null}
          </Space>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="label-object-name">
            {o.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {o.regionName}
            {o.address ? ` · ${o.address}` : ''}
            {o.enterpriseName ? ` · ${o.enterpriseName}` : ''}
          </Typography.Text>
          {o.fields.length ? (
            <Descriptions size="small" column={1} items={o.fields.map((f) => ({ key: f.key, label: f.label, children: f.value }))} />
          ) : null}
        </Space>
      </Card>
      <Typography.Title level={5}>专项检查</Typography.Title>
      {data.rounds.length === 0 ? <Empty description="当前没有覆盖该对象的专项检查" data-testid="label-no-rounds" /> : null}
      <div className="phone-card-list">
        {data.rounds.map((r) => {
          const t = r.targets[0];
          if (!t) return null;
          return (
            <Card key={r.roundId} size="small" data-testid="label-round">
              <Space direction="vertical" style={{ width: '100%' }}>
                <span style={{ fontSize: 16 }}>{r.campaignTitle}</span>
                <Typography.Text type="secondary">
                  第{r.ordinal}轮 · 截止 {r.dueOn}
                </Typography.Text>
                {t.checkId !== null ? (
                  <Tag color="green">本轮已检查</Tag>
                ) : (
                  <Link to={checkPath(r.roundId, t)}>
                    <Button type="primary" block className="phone-submit" data-testid="label-check">
                      检查
                    </Button>
                  </Link>
                )}
              </Space>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
