import type { CheckDetail } from '@anzhi/core';
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { useInspectors } from '../draws/api.ts';
import { useCheckMutations } from './api.ts';

/**
 * 指派执法人员 before a check starts: a check from the yearly plan may have no team yet (no two inspectors could go), or
 * the unit changes it. Two or more of the unit's inspectors with a valid 执法证; the server checks the day's validity.
 */
export function CheckTeamPanel({ check }: { check: CheckDetail }) {
  const { message } = App.useApp();
  const canManage = useCan('enforcement.manage');
  const [ids, setIds] = useState<number[]>(check.inspectors.map((i) => i.id));
  const inspectors = useInspectors({ unitId: String(check.unitId) }, 1, 200);
  const m = useCheckMutations(check.id);
  if (!canManage || check.status !== 'planned') return null;
  return (
    <Card size="small" title="执法人员" style={{ marginTop: 12 }} data-testid="check-team">
      {check.inspectors.length < 2 ? (
        <Typography.Paragraph type="warning">尚未指派两名以上执法人员，指派后方可开始检查。</Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap>
        <Select
          mode="multiple"
          style={{ minWidth: 260, flex: 1 }}
          placeholder="选择两名以上持有效执法证的执法人员"
          loading={inspectors.isPending}
          value={ids}
          onChange={setIds}
          options={(inspectors.data?.items ?? []).map((i) => ({
            value: i.id,
            label: `${i.name}（${i.certificateNo}${i.certificateValid ? '' : '，已过期'}）`,
            disabled: !i.certificateValid,
          }))}
        />
        <Button
          type="primary"
          disabled={ids.length < 2}
          loading={m.assignTeam.isPending}
          onClick={() =>
            m.assignTeam.mutate(
              { version: check.version, inspectorIds: ids },
              { onSuccess: () => message.success('已指派'), onError: (e) => message.error(errorMessage(e)) },
            )
          }
        >
          保存
        </Button>
      </Flex>
    </Card>
  );
}
