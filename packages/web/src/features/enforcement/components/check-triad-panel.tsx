import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { triadDocs, useCreateOrder, useOrders } from '../triad-api.ts';
import { RecheckStateTag } from '../triad-labels.tsx';
import { PenaltyFormModal } from './penalty-form-modal.tsx';

const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The 执法三部曲 on a signed check (the lead mounts it on the check page): the 现场检查记录 download, the order issued
 * from the check (or a form to issue it with a deadline) and a penalty case opened from the check.
 */
export function CheckTriadPanel({
  checkId,
  enterpriseId,
  enterpriseName,
  signed,
}: {
  checkId: number;
  enterpriseId: number;
  enterpriseName: string;
  signed: boolean;
}) {
  const { message } = App.useApp();
  const canInspect = useCan('enforcement.inspect');
  const canPenalize = useCan('enforcement.penalize');
  const orders = useOrders({ checkId }, 1, 1);
  const create = useCreateOrder();
  const [deadline, setDeadline] = useState(inDays(15));
  const [filing, setFiling] = useState(false);
  if (!signed) return null;
  const order = orders.data?.items[0];

  return (
    <Card size="small" title="执法三部曲" data-testid="check-triad-panel">
      <Flex vertical gap={12}>
        <Button icon={<FileWordOutlined />} href={triadDocs.checkRecord(checkId)} size="large" block>
          下载现场检查记录
        </Button>
        {order ? (
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Link to={`/enforcement/orders/${order.id}`}>{order.orderNo ?? '责令限期整改指令书'}</Link>
            <RecheckStateTag state={order.state} status={order.status} />
            <Typography.Text type="secondary">整改期限 {order.deadline}</Typography.Text>
          </Flex>
        ) : canInspect && !orders.isPending ? (
          <Flex gap={8} align="center" wrap>
            <span>整改期限</span>
            <Input
              type="date"
              value={deadline}
              min={inDays(0)}
              onChange={(e) => setDeadline(e.target.value)}
              style={{ width: 170 }}
              size="large"
            />
            <Button
              type="primary"
              size="large"
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  { checkId, deadline },
                  {
                    onSuccess: (o) => message.success(`已下达 ${o.orderNo ?? '整改指令书'}`),
                    onError: (e) => message.error(errorMessage(e)),
                  },
                )
              }
            >
              下达整改指令书
            </Button>
          </Flex>
        ) : null}
        {canPenalize ? (
          <Button danger size="large" block onClick={() => setFiling(true)}>
            立案处罚
          </Button>
        ) : null}
      </Flex>
      <PenaltyFormModal
        open={filing}
        onClose={() => setFiling(false)}
        initial={{ enterpriseId, enterpriseName, checkId, orderId: order?.id }}
      />
    </Card>
  );
}
