import { controlLevelLabels, riskLevelColours, riskLevelLabels } from '@anzhi/core';
import { Card, Descriptions, Flex, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { usePublicRiskCard } from './api.ts';

/** 风险告知卡 on the phone (from the card's QR, no account). */
export function PublicRiskCardPage() {
  const { publicCode = '' } = useParams();
  const card = usePublicRiskCard(publicCode);
  if (card.isLoading) return <Spin style={{ display: 'block', margin: '40vh auto' }} />;
  if (card.isError || !card.data)
    return <QueryError error={card.error} onRetry={() => card.refetch()} title="风险告知卡不存在或无法打开" />;
  const c = card.data;
  const colour = c.level ? riskLevelColours[c.level].hex : '#8c8c8c';
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: 12 }}>
      <div style={{ background: colour, color: c.level === 'medium' ? '#000' : '#fff', padding: '12px 16px', borderRadius: 8 }}>
        <Typography.Title level={4} style={{ color: 'inherit', margin: 0 }}>
          安全风险告知卡
        </Typography.Title>
        <div>{c.enterpriseName}</div>
        <div style={{ fontSize: 18, fontWeight: 600 }}>
          {c.pointName}
          {c.location ? `（${c.location}）` : ''} · {c.level ? `${riskLevelColours[c.level].name}色 ${riskLevelLabels[c.level]}` : '未评估'}
        </div>
      </div>
      <Flex vertical gap={12} style={{ marginTop: 12 }}>
        {c.events.map((e, i) => (
          <Card
            // biome-ignore lint/suspicious/noArrayIndexKey: events in order
            key={i}
            size="small"
            title={e.name}
            extra={<Tag color={riskLevelColours[e.level].hex}>{riskLevelLabels[e.level]}</Tag>}
          >
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'c', label: '可能后果', children: e.consequence ?? '—' },
                {
                  key: 'm',
                  label: '管控措施',
                  children: e.measures.length ? (
                    <ol style={{ paddingLeft: 18, margin: 0 }}>
                      {e.measures.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ol>
                  ) : (
                    '—'
                  ),
                },
                { key: 'l', label: '管控层级', children: controlLevelLabels[e.controlLevel] },
                { key: 'e', label: '应急措施', children: e.emergencyMeasures.join('；') || '—' },
              ]}
            />
          </Card>
        ))}
        <Card size="small">
          <div>24小时应急电话：{c.emergencyPhone ? <a href={`tel:${c.emergencyPhone}`}>{c.emergencyPhone}</a> : '（待明确）'}</div>
          <div>主要负责人：{c.principal ?? '（待明确）'}</div>
          <div>
            安全生产举报投诉电话：<a href={`tel:${c.reportHotline}`}>{c.reportHotline}</a>
          </div>
        </Card>
      </Flex>
    </div>
  );
}
