import { BellOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useHazardRemind } from '../api.ts';

/** 催办: for the office or the supervising unit, on an open hazard overdue or due soon, once a day (the server decides). */
export function HazardRemindButton({ hazardId, canRemind }: { hazardId: number; canRemind: boolean }) {
  const remind = useHazardRemind(hazardId);
  const { message } = App.useApp();
  if (!canRemind) return null;
  return (
    <Popconfirm
      title="催办"
      description="向当前待办方发送催办提醒（每个隐患每天一次）"
      okText="催办"
      cancelText="取消"
      onConfirm={() =>
        remind.mutateAsync().then(
          ({ count }) => void message.success(`已催办，${count} 人收到提醒`),
          (e: Error) => void message.error(e.message),
        )
      }
    >
      <Button icon={<BellOutlined />} loading={remind.isPending} data-testid="hazard-remind">
        催办
      </Button>
    </Popconfirm>
  );
}
