import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { type CampaignChecklistItem, criteriaSetStateAt } from '@anzhi/core';
import { Button, Card, Checkbox, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { type CriteriaLibraryItem, type ObjectType, useCriteriaLibrary } from './api.ts';
import type { CampaignFormValues } from './campaign-form-values.ts';
import { nextChecklistKey } from './campaign-view.ts';

type Line = Partial<CampaignChecklistItem>;

const searchText = (i: CriteriaLibraryItem) => [i.code, i.citation, i.group, i.summary, ...i.keywords].join(' ').toLowerCase();

/** Picks an item of the 判定标准 library (searched by clause, keyword or text) to add as a checklist line. */
function CriteriaAdder({ onPick, taken }: { onPick: (item: CriteriaLibraryItem) => void; taken: ReadonlySet<string> }) {
  const [opened, setOpened] = useState(false);
  const items = useCriteriaLibrary(opened);
  const options = useMemo(() => {
    const today = dayjs().format('YYYY-MM-DD');
    const inForce = (i: CriteriaLibraryItem) =>
      criteriaSetStateAt({ effective: i.effective, status: i.status, repealedOn: i.repealedOn ?? undefined }, today) === 'inForce';
    return (items.data ?? [])
      .filter((i) => inForce(i) && !taken.has(i.code))
      .map((i) => ({ value: i.code, label: i.citation, item: i, search: searchText(i) }));
  }, [items.data, taken]);
  return (
    <Select<string>
      showSearch
      value={null}
      style={{ minWidth: 280, flex: 1 }}
      placeholder="从判定标准库选取：条款号、关键词或内容"
      loading={opened && items.isPending}
      onOpenChange={(open) => open && setOpened(true)}
      notFoundContent={items.isError ? '判定标准库加载失败' : items.isPending ? '加载中…' : '没有匹配的条款'}
      options={options}
      filterOption={(input, option) => !!option && option.search.includes(input.trim().toLowerCase())}
      optionRender={(o) => (
        <div>
          <div>{o.data.item.citation}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
            {o.data.item.summary}
          </Typography.Text>
        </div>
      )}
      onChange={(code) => {
        const item = items.data?.find((i) => i.code === code);
        if (item) onPick(item);
      }}
      data-testid="checklist-criteria"
    />
  );
}

interface ChecklistBuilderProps {
  type: ObjectType | undefined;
  /** Keys the stored campaign used: never given to a new line (results of earlier rounds refer to them). */
  usedKeys: readonly string[];
}

/**
 * 检查内容: lines from the ledger type's default checklist, from the criteria library (cited on the hazard a failure
 * makes; 重大 by default, as the library lists 重大事故隐患), or the clerk's own; reorder, mark major, remove.
 */
export function ChecklistBuilder({ type, usedKeys }: ChecklistBuilderProps) {
  const form = Form.useFormInstance<CampaignFormValues>();
  const lines = (Form.useWatch('checklist', form) ?? []) as Line[];
  const taken = new Set(lines.flatMap((l) => (l.criteriaCode ? [l.criteriaCode] : [])));
  const append = (added: Line[]) => {
    const current = (form.getFieldValue('checklist') ?? []) as Line[];
    const next = [...current];
    for (const line of added) {
      const key = nextChecklistKey([...usedKeys, ...next.map((l) => l.key ?? '')]);
      next.push({ source: 'own', criteriaCode: null, major: false, ...line, key });
    }
    form.setFieldValue('checklist', next);
    void form.validateFields(['checklist']).catch(() => undefined);
  };
  const fromType = () => {
    const have = new Set(lines.map((l) => l.text?.trim()));
    append((type?.checklist ?? []).filter((t) => !have.has(t)).map((text) => ({ text })));
  };

  return (
    <Form.List name="checklist">
      {(fields, { remove, move }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => {
            const line = lines[index] ?? {};
            return (
              <Card size="small" key={field.key} data-testid={`checklist-line-${index}`}>
                <Flex gap={8} align="start" wrap>
                  <Typography.Text strong style={{ paddingTop: 5 }}>
                    {index + 1}.
                  </Typography.Text>
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'source']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'criteriaCode']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} style={{ flex: 1, minWidth: 220, marginBottom: 0 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="检查内容" maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'major']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>重大隐患</Checkbox>
                  </Form.Item>
                  <Flex gap={4}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                      aria-label="上移"
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                      aria-label="下移"
                    />
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
                  </Flex>
                </Flex>
                {line.criteriaCode ? (
                  <Tag color="blue" style={{ marginTop: 4 }}>
                    判定标准 {line.criteriaCode}
                  </Tag>
                ) : null}
              </Card>
            );
          })}
          {fields.length === 0 ? <Typography.Text type="secondary">还没有检查内容</Typography.Text> : null}
          <Form.ErrorList errors={errors} />
          <Flex gap={8} wrap>
            <Button icon={<PlusOutlined />} onClick={() => append([{ text: '' }])} data-testid="checklist-add">
              添加检查项
            </Button>
            <Button icon={<ImportOutlined />} disabled={!type?.checklist.length} onClick={fromType} data-testid="checklist-from-type">
              {type ? `导入“${type.name}”默认检查内容` : '导入台账类型默认检查内容'}
            </Button>
            <CriteriaAdder
              taken={taken}
              onPick={(item) => append([{ text: item.summary.slice(0, 300), source: 'criteria', criteriaCode: item.code, major: true }])}
            />
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}
