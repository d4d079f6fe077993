import type { CriteriaSetListItem } from '@anzhi/core';
import { Card, Empty, Flex, Spin } from 'antd';
import { formatDate } from '../../../lib/format.ts';
import { SetActionButtons, type SetActions, SetTitle } from './criteria-set-columns.tsx';
import { ConfidenceCounts, RetiredTag, SetStatusTag } from './criteria-tags.tsx';

/** On a phone: one card per set instead of a table that scrolls sideways. */
export function CriteriaSetCards({
  items,
  loading,
  actions,
}: {
  items: CriteriaSetListItem[] | undefined;
  loading: boolean;
  actions: SetActions;
}) {
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="criteria-sets">
        {items?.length ? (
          items.map((s) => (
            <Card key={s.id} size="small">
              <Flex justify="space-between" align="start" gap={8}>
                <SetTitle s={s} />
                <SetActionButtons s={s} actions={actions} />
              </Flex>
              <div className="muted" style={{ marginTop: 4 }}>
                {s.docNumber} · {formatDate(s.effective)} 施行 · {s.itemCount} 条
              </div>
              <Flex gap={4} wrap style={{ marginTop: 6 }}>
                <SetStatusTag status={s.status} />
                {s.retired ? <RetiredTag reason={s.retired.reason} /> : null}
                <ConfidenceCounts counts={s.confidenceCounts} />
              </Flex>
            </Card>
          ))
        ) : loading ? (
          <div style={{ minHeight: 120 }} />
        ) : (
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="标准库为空" />
          </Card>
        )}
      </Flex>
    </Spin>
  );
}
