import { MoreOutlined } from '@ant-design/icons';
import { type HazardAction, hazardActionLabels } from '@anzhi/core';
import { Button, Dropdown, Flex } from 'antd';

/** Steps that move the hazard forward; the others correct, refuse or escalate. */
const forward: HazardAction[] = [
  'confirm',
  'submitPlan',
  'approvePlan',
  'rectify',
  'accept',
  'evaluate',
  'applyResume',
  'review',
  'approveExtension',
];
const refusing: HazardAction[] = ['returnPlan', 'reject', 'denyExtension', 'decline', 'dismiss'];

function ordered(actions: readonly HazardAction[]): HazardAction[] {
  const rank = (a: HazardAction) => (forward.includes(a) ? 0 : refusing.includes(a) ? 2 : 1);
  return [...actions].sort((a, b) => rank(a) - rank(b));
}

interface HazardActionBarProps {
  actions: readonly HazardAction[];
  onAct: (action: HazardAction) => void;
  /** A phone: a bar stuck to the bottom, two big buttons and the rest under 更多. */
  mobile: boolean;
}

/** Exactly the steps the server says this user may take now; nothing else is offered. */
export function HazardActionBar({ actions, onAct, mobile }: HazardActionBarProps) {
  if (!actions.length) return null;
  const list = ordered(actions);
  const button = (a: HazardAction, large: boolean) => (
    <Button
      key={a}
      size={large ? 'large' : 'middle'}
      type={forward.includes(a) ? 'primary' : 'default'}
      danger={refusing.includes(a)}
      onClick={() => onAct(a)}
      data-testid={`hazard-action-${a}`}
      className={large ? 'hazard-action-button' : undefined}
    >
      {hazardActionLabels[a]}
    </Button>
  );
  if (!mobile) {
    return (
      <Flex gap={8} wrap data-testid="hazard-actions">
        {list.map((a) => button(a, false))}
      </Flex>
    );
  }
  const shown = list.length <= 3 ? list : list.slice(0, 2);
  const more = list.length <= 3 ? [] : list.slice(2);
  return (
    <Flex gap={8} className="hazard-action-bar" data-testid="hazard-actions">
      {shown.map((a) => button(a, true))}
      {more.length ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: more.map((a) => ({ key: a, label: hazardActionLabels[a], danger: refusing.includes(a) })),
            onClick: ({ key }) => onAct(key as HazardAction),
          }}
        >
          <Button size="large" icon={<MoreOutlined />} aria-label="更多操作" data-testid="hazard-action-more">
            更多
          </Button>
        </Dropdown>
      ) : null}
    </Flex>
  );
}
