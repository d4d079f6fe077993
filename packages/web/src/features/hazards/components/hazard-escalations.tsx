import { FileWordOutlined } from '@ant-design/icons';
import { type EscalationStep, escalationStepLabels, type HazardDetail } from '@anzhi/core';
import { Button, Card, List } from 'antd';
import { formatDate } from '../../../lib/format.ts';

const documentNames: Record<EscalationStep, string> = {
  letter: '督办函',
  bulletin: '通报',
  summons: '约谈通知书',
  exposure: '曝光通知',
};

/** 函告 → 通报 → 约谈 → 曝光 for an overdue major hazard, each with its editable .docx. */
export function HazardEscalations({ h }: { h: HazardDetail }) {
  if (!h.escalations.length) return null;
  return (
    <Card title="逾期问责" size="small" data-testid="hazard-escalations">
      <List
        size="small"
        dataSource={h.escalations}
        renderItem={(x) => (
          <List.Item
            actions={[
              <Button
                key="doc"
                type="link"
                icon={<FileWordOutlined />}
                href={x.documentUrl}
                download
                data-testid={`escalation-doc-${x.step}`}
              >
                {documentNames[x.step]}
              </Button>,
            ]}
          >
            <List.Item.Meta title={escalationStepLabels[x.step]} description={`应于 ${x.dueOn} 启动 · 记录于 ${formatDate(x.createdAt)}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}
