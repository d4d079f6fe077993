import { type CampaignItemResult, campaignItemResultLabels, fileThumbUrl, fileUrl } from '@anzhi/core';
import { Card, Descriptions, Drawer, Flex, Image, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useCampaignCheck } from './api.ts';

const resultColours: Record<CampaignItemResult, string> = { pass: 'green', fail: 'red', na: 'default' };

/** One check of an object in a round (GET /campaign-checks/{id}): each item's result, notes, photos and hazard. */
export function CheckDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const check = useCampaignCheck(id);
  const isMobile = useIsMobile();
  const c = check.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={isMobile ? '100%' : 600} title="检查记录" data-testid="campaign-check-drawer">
      {check.isError ? (
        <QueryError error={check.error} onRetry={() => void check.refetch()} />
      ) : !c ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="检查对象">{c.targetName}</Descriptions.Item>
            <Descriptions.Item label="村（社区）">{c.regionName}</Descriptions.Item>
            <Descriptions.Item label="专项">
              {c.campaignTitle} · 第{c.roundOrdinal}轮
            </Descriptions.Item>
            <Descriptions.Item label="检查人">{c.checkedByName}</Descriptions.Item>
            <Descriptions.Item label="检查时间">{formatDateTime(c.checkedAt)}</Descriptions.Item>
            <Descriptions.Item label="同步时间">{formatDateTime(c.syncedAt)}</Descriptions.Item>
            {c.note ? <Descriptions.Item label="备注">{c.note}</Descriptions.Item> : null}
          </Descriptions>
          {c.items.map((item, index) => (
            <Card
              key={item.key}
              size="small"
              title={<span style={{ whiteSpace: 'normal' }}>{`${index + 1}. ${item.text}`}</span>}
              extra={<Tag color={resultColours[item.result]}>{campaignItemResultLabels[item.result]}</Tag>}
            >
              {item.note ? <Typography.Paragraph style={{ marginBottom: 4 }}>{item.note}</Typography.Paragraph> : null}
              {item.photos.length ? (
                <Image.PreviewGroup>
                  <Flex gap={6} wrap>
                    {item.photos.map((p) => (
                      <Image
                        key={p.fileId}
                        src={fileThumbUrl(p.fileId)}
                        preview={{ src: fileUrl(p.fileId) }}
                        width={72}
                        height={72}
                        style={{ objectFit: 'cover', borderRadius: 4 }}
                        alt="检查照片"
                      />
                    ))}
                  </Flex>
                </Image.PreviewGroup>
              ) : null}
              {item.hazardId ? <Link to={`/hazards/${item.hazardId}`}>查看隐患</Link> : null}
            </Card>
          ))}
        </Space>
      )}
    </Drawer>
  );
}
