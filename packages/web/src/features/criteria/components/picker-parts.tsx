import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import type { CriteriaLibraryItem, CriteriaSuggestionView } from '@anzhi/core';
import { ourSummaryLabel } from '@anzhi/core';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { UnverifiedTag } from './criteria-tags.tsx';

/** One cited item: its citation, our summary (labelled), the 待核对 warning, and a large remove button. */
export function SelectedCriterion({
  code,
  item,
  disabled,
  onRemove,
}: {
  code: string;
  item: CriteriaLibraryItem | undefined;
  disabled?: boolean;
  onRemove: () => void;
}) {
  return (
    <Card size="small" className="criteria-picked" data-testid="criteria-picked">
      <Flex justify="space-between" align="start" gap={8}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Flex gap={6} wrap align="center">
            <strong>{item ? item.citation : code}</strong>
            {item ? <UnverifiedTag verification={item.verification} title={item.warning} /> : <Tag color="red">不在标准库中</Tag>}
          </Flex>
          {item ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {ourSummaryLabel}：{item.summary}
            </Typography.Text>
          ) : null}
        </Flex>
        <Button
          aria-label="移除"
          icon={<CloseOutlined />}
          onClick={onRemove}
          disabled={disabled}
          className="criteria-touch"
          data-testid="criteria-remove"
        />
      </Flex>
      {item?.warning ? <Alert type="warning" showIcon style={{ marginTop: 8 }} title={item.warning} /> : null}
    </Card>
  );
}

/** One suggestion: why it matched, whether it is verified, and a toggle to cite it. */
export function SuggestionRow({
  s,
  picked,
  disabled,
  onToggle,
}: {
  s: CriteriaSuggestionView;
  picked: boolean;
  disabled?: boolean;
  onToggle: () => void;
}) {
  return (
    <Flex className="criteria-suggestion" justify="space-between" align="start" gap={8} data-testid="criteria-suggestion">
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex gap={6} wrap align="center">
          <strong>{s.citation}</strong>
          <UnverifiedTag verification={s.item.verification} title={s.warning} />
        </Flex>
        <Typography.Text style={{ fontSize: 13 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            摘要（本系统编写）：
          </Typography.Text>
          {s.item.summary}
        </Typography.Text>
        {s.matched.length ? (
          <Flex gap={4} wrap>
            {s.matched.slice(0, 5).map((m) => (
              <Tag key={m} color="blue" style={{ marginInlineEnd: 0 }}>
                {m}
              </Tag>
            ))}
          </Flex>
        ) : null}
      </Flex>
      <Button
        type={picked ? 'primary' : 'default'}
        icon={picked ? <CheckOutlined /> : <PlusOutlined />}
        onClick={onToggle}
        disabled={disabled}
        className="criteria-touch"
      >
        {picked ? '已引用' : '引用'}
      </Button>
    </Flex>
  );
}
