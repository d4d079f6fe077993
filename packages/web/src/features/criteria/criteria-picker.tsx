import { ReloadOutlined } from '@ant-design/icons';
import { type CriteriaLibraryItem, criteriaSetStateAt } from '@anzhi/core';
import { Alert, Button, Card, Empty, Flex, Select, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../lib/api-client.ts';
import { useCriteriaItems, useCriteriaSuggestions } from './api.ts';
import { SelectedCriterion, SuggestionRow } from './components/picker-parts.tsx';
import { chinaToday } from './criteria-labels.ts';
import { useDebouncedValue } from './use-debounced-value.ts';
import './criteria.css';

export interface CriteriaPickerProps {
  /** The hazard description as typed: suggestions follow it (debounced). */
  description?: string;
  /** The enterprise the hazard was found at: its domains and flags rank and limit the suggestions. */
  enterpriseId?: number | null;
  /** The discovery date (YYYY-MM-DD): only sets in force then are offered; default today. */
  foundOn?: string | null;
  /** Criterion codes cited, e.g. ['gongmao-2023/11.4']; works as an antd Form control. */
  value?: string[];
  onChange?: (codes: string[]) => void;
  disabled?: boolean;
  /** Most codes one hazard may cite (the hazard contract allows 10). */
  max?: number;
}

function searchText(i: CriteriaLibraryItem): string {
  return [i.code, i.citation, i.group, i.summary, ...i.keywords].join(' ').toLowerCase();
}

/**
 * Picks the 判定依据 of a hazard: live suggestions from the description, a search over every item in force, and the
 * cited items with their 待核对 warnings. A suggestion is never a grading: the inspector decides.
 */
export function CriteriaPicker({ description = '', enterpriseId, foundOn, value, onChange, disabled, max = 10 }: CriteriaPickerProps) {
  const codes = value ?? [];
  const text = useDebouncedValue(description.trim(), 500);
  const items = useCriteriaItems();
  const suggestions = useCriteriaSuggestions({ text, enterpriseId, foundOn });
  const at = foundOn || chinaToday();
  const byCode = useMemo(() => new Map((items.data ?? []).map((i) => [i.code, i])), [items.data]);
  const options = useMemo(
    () =>
      (items.data ?? [])
        .filter(
          (i) => criteriaSetStateAt({ effective: i.effective, status: i.status, repealedOn: i.repealedOn ?? undefined }, at) === 'inForce',
        )
        .map((i) => ({ value: i.code, label: i.citation, item: i, search: searchText(i) })),
    [items.data, at],
  );
  const full = codes.length >= max;
  const add = (code: string) => {
    if (!codes.includes(code) && !full) onChange?.([...codes, code]);
  };
  const remove = (code: string) => onChange?.(codes.filter((c) => c !== code));
  const tooShort = Array.from(text).length < 2;
  const found = suggestions.data?.items ?? [];

  return (
    <Flex vertical gap={12} className="criteria-picker" data-testid="criteria-picker">
      {codes.map((code) => (
        <SelectedCriterion key={code} code={code} item={byCode.get(code)} disabled={disabled} onRemove={() => remove(code)} />
      ))}
      <Select<string>
        showSearch
        size="large"
        value={null}
        disabled={disabled || full}
        loading={items.isPending}
        placeholder={full ? `最多引用 ${max} 条` : '搜索条款：条款号、关键词或内容'}
        options={options}
        filterOption={(input, option) => !!option && option.search.includes(input.trim().toLowerCase())}
        optionRender={(o) => (
          <div className="criteria-option">
            <div>{o.data.item.citation}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {o.data.item.verification === 'verified' ? '' : '【待核对】'}
              {o.data.item.summary}
            </Typography.Text>
          </div>
        )}
        onSelect={(code) => add(code)}
        notFoundContent={items.isError ? errorMessage(items.error) : '没有符合的条款'}
        data-testid="criteria-search"
      />
      <Card
        size="small"
        title="系统建议的判定依据"
        extra={suggestions.data?.sets ? <Typography.Text type="secondary">按企业适用的标准</Typography.Text> : null}
      >
        {tooShort ? (
          <Typography.Text type="secondary">填写隐患描述后，这里会列出可能适用的判定标准条款。</Typography.Text>
        ) : suggestions.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(suggestions.error)}
            action={
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void suggestions.refetch()}>
                重试
              </Button>
            }
          />
        ) : (
          <Spin spinning={suggestions.isFetching}>
            {found.length ? (
              <Flex vertical gap={8}>
                {found.map((s) => (
                  <SuggestionRow
                    key={s.item.code}
                    s={s}
                    picked={codes.includes(s.item.code)}
                    disabled={disabled || (full && !codes.includes(s.item.code))}
                    onToggle={() => (codes.includes(s.item.code) ? remove(s.item.code) : add(s.item.code))}
                  />
                ))}
              </Flex>
            ) : suggestions.isPending ? (
              <div style={{ minHeight: 48 }} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到匹配的条款，可在上方搜索" />
            )}
          </Spin>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          仅为建议：是否构成重大事故隐患，由检查人员对照判定标准认定。
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
