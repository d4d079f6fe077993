import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { downloadDocument } from '../plan-download.ts';
import { quarterLabel, quarterOf, recentQuarters } from '../plan-labels.ts';

interface PlanExportButtonsProps {
  planId: number;
  title: string;
  period: string;
}

/** The two documents the office hands on: the 挂图作战 wall table and the quarter's 通报, both editable files. */
export function PlanExportButtons({ planId, title, period }: PlanExportButtonsProps) {
  const { message } = App.useApp();
  const [quarter, setQuarter] = useState(() => quarterOf(period));
  const [busy, setBusy] = useState<'wall' | 'bulletin' | null>(null);

  const run = async (kind: 'wall' | 'bulletin') => {
    setBusy(kind);
    try {
      const name =
        kind === 'wall'
          ? await downloadDocument(`/plans/${planId}/wall-table.xlsx`, undefined, `${title}-挂图作战表.xlsx`)
          : await downloadDocument(`/plans/${planId}/bulletin.docx`, { quarter }, `${title}-${quarterLabel(quarter)}通报.docx`);
      message.success(`已生成：${name}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={busy === 'wall'} onClick={() => void run('wall')} data-testid="plan-export-wall">
        挂图作战表
      </Button>
      <Space.Compact>
        <Select
          value={quarter}
          onChange={setQuarter}
          style={{ width: 150 }}
          options={recentQuarters(period).map((q) => ({ value: q, label: quarterLabel(q) }))}
          aria-label="通报季度"
        />
        <Button
          icon={<FileWordOutlined />}
          loading={busy === 'bulletin'}
          onClick={() => void run('bulletin')}
          data-testid="plan-export-bulletin"
        >
          季通报
        </Button>
      </Space.Compact>
    </>
  );
}
