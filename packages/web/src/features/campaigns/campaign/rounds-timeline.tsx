import { type CampaignRound, roundOpenError } from '@anzhi/core';
import { Alert, App, Button, Card, Flex, Input, Modal, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { type CampaignDetail, useRoundAction } from './api.ts';
import { RoundStatusTag } from './campaign-parts.tsx';

type Pending = { ordinal: number; action: 'open' | 'close'; early: boolean };

/** Is a round before this one still open? Then starting it is 提前开始 and needs a reason. */
const opensEarly = (rounds: readonly CampaignRound[], ordinal: number) => rounds.some((r) => r.ordinal < ordinal && r.status === 'open');

/**
 * 轮次: each round's dates and state with 开始 / 结束. Starting a round while the one before is still open asks for the
 * reason in a modal; whatever the server refuses (core roundOpenError, in Chinese) is shown in that modal.
 */
export function RoundsTimeline({ campaign, canManage }: { campaign: CampaignDetail; canManage: boolean }) {
  const { message } = App.useApp();
  const action = useRoundAction(campaign.id);
  const [pending, setPending] = useState<Pending | null>(null);
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const active = campaign.status !== 'closed';

  const start = (p: Pending) => {
    setPending(p);
    setText('');
    setRefusal(null);
    action.reset();
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      await action.mutateAsync({ ordinal: pending.ordinal, action: pending.action, text: text.trim() || undefined });
      message.success(`第 ${pending.ordinal} 轮已${pending.action === 'open' ? '开始' : '结束'}`);
      setPending(null);
    } catch (error) {
      setRefusal(errorMessage(error));
    }
  };

  const items = campaign.rounds.map((r) => {
    // The first round not yet begun is the one the office may start next; any other gets core's reason as a hint.
    const hint = r.status === 'planned' ? roundOpenError(campaign.rounds.map(stateOf), r.ordinal, 'x'.repeat(4)) : null;
    return {
      key: r.id,
      color: r.status === 'open' ? 'blue' : r.status === 'closed' ? 'green' : 'gray',
      children: (
        <Flex vertical gap={2} data-testid={`round-${r.ordinal}`}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{r.title || `第${r.ordinal}轮`}</Typography.Text>
            <RoundStatusTag status={r.status} />
            <span className="muted">
              {r.startsOn} 至 {r.dueOn}
            </span>
            {canManage && active && r.status === 'planned' && !hint ? (
              <Button
                size="small"
                type="primary"
                data-testid={`round-open-${r.ordinal}`}
                onClick={() => start({ ordinal: r.ordinal, action: 'open', early: opensEarly(campaign.rounds, r.ordinal) })}
              >
                开始
              </Button>
            ) : null}
            {canManage && active && r.status === 'open' ? (
              <Button
                size="small"
                data-testid={`round-close-${r.ordinal}`}
                onClick={() => start({ ordinal: r.ordinal, action: 'close', early: false })}
              >
                结束
              </Button>
            ) : null}
          </Flex>
          {r.openedAt ? <span className="muted">开始于 {formatDateTime(r.openedAt)}</span> : null}
          {r.closedAt ? <span className="muted">结束于 {formatDateTime(r.closedAt)}</span> : null}
          {r.earlyReason ? <span className="muted">提前开始原因：{r.earlyReason}</span> : null}
        </Flex>
      ),
    };
  });

  const opening = pending?.action === 'open';
  return (
    <Card size="small" title="轮次">
      <Timeline items={items} />
      <Modal
        open={pending !== null}
        title={pending ? `${opening ? '开始' : '结束'}第 ${pending.ordinal} 轮` : ''}
        okText={opening ? '开始' : '结束'}
        confirmLoading={action.isPending}
        onOk={() => void confirm()}
        onCancel={() => setPending(null)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'round-confirm' } as React.ComponentProps<typeof Button>}
      >
        <Flex vertical gap={8}>
          {pending?.early ? (
            <Alert
              type="warning"
              showIcon
              message={`第 ${pending.ordinal - 1} 轮尚未结束。提前开始请说明原因，上一轮未检查的对象仍计入上一轮。`}
            />
          ) : null}
          {opening && !pending?.early ? <Typography.Text>开始后，检查人员即可在手机上对本轮对象开展检查。</Typography.Text> : null}
          {!opening ? <Typography.Text>结束后本轮不再接收检查记录，覆盖率按结束时计算。</Typography.Text> : null}
          {pending?.early || !opening ? (
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={300}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={opening ? '提前开始的原因（不少于 4 个字）' : '备注（可选）'}
              data-testid="round-reason"
            />
          ) : null}
          {refusal ? <Alert type="error" showIcon message={refusal} data-testid="round-refusal" /> : null}
        </Flex>
      </Modal>
    </Card>
  );
}

function stateOf(r: CampaignRound) {
  return { ordinal: r.ordinal, status: r.status, startsOn: r.startsOn, dueOn: r.dueOn, closedOn: r.closedAt?.slice(0, 10) ?? null };
}
