import { NotificationOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { errorMessage } from '../../../lib/api-client.ts';
import { useRemindPlan } from '../api.ts';
import { periodLabel } from '../plan-labels.ts';

/** 一键催报: the office reminds, at once, every unit that has not yet reported this month's dispatch. */
export function PlanRemindButton({ planId, period }: { planId: number; period: string }) {
  const { message } = App.useApp();
  const remind = useRemindPlan(planId);
  const run = () =>
    remind.mutateAsync().then(
      ({ count }) =>
        count ? message.success(`已提醒 ${count} 个尚未报送的单位`) : message.info('没有需要提醒的单位：均已报送，或今天已催报过'),
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <Popconfirm
      title="一键催报"
      description={`向本月（${periodLabel(period)}）尚未报送月调度的单位发送提醒，每个单位每天一次。`}
      okText="发送提醒"
      cancelText="取消"
      onConfirm={run}
    >
      <Button icon={<NotificationOutlined />} loading={remind.isPending} data-testid="plan-remind">
        一键催报
      </Button>
    </Popconfirm>
  );
}
