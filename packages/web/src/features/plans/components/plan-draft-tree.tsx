import { CalendarOutlined, EnvironmentOutlined, SyncOutlined, TableOutlined, WarningOutlined } from '@ant-design/icons';
import type { PlanDraftNode, PlanTaskEdit, PlanUnitMapping } from '@anzhi/core';
import { Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useUnitOptions } from '../../../lib/units-query.ts';
import { targetText } from '../plan-labels.ts';
import type { TreeNode } from '../plan-tree.ts';
import { PlanTaskEditor } from './plan-task-editor.tsx';
import { rowLabel } from './plan-text-locate.ts';

interface PlanDraftTreeProps {
  tree: Array<TreeNode<PlanDraftNode>>;
  mappings: PlanUnitMapping[];
  selectedId: number | null;
  located: ReadonlySet<number>;
  saving: boolean;
  onSelect: (id: number | null) => void;
  onSaveTask: (edit: PlanTaskEdit) => Promise<boolean>;
  onRemoveTask: (id: number) => void;
}

type UnitName = (id: number) => string;

/** Mapped units by their system names; names still waiting for a mapping stand out until someone decides. */
function UnitTags({ n, unitName, mappings }: { n: PlanDraftNode; unitName: UnitName; mappings: ReadonlyMap<string, PlanUnitMapping> }) {
  const pending = (names: string[]) =>
    names.filter((name) => {
      const m = mappings.get(name);
      return !m || (m.unitId === null && !m.villages && !m.ignored);
    });
  const noLead = !n.leadUnitIds.length && !n.leadVillages;
  const village = (
    <Tag color="blue" variant="solid" icon={<EnvironmentOutlined />}>
      各村（社区）
    </Tag>
  );
  return (
    <Flex gap={4} wrap className="plan-node-tags">
      {n.leadUnitIds.map((id) => (
        <Tag key={`l-${id}`} color="blue" variant="solid">
          {unitName(id)}
        </Tag>
      ))}
      {n.leadVillages ? village : null}
      {n.unitsEdited
        ? null
        : pending(n.leadUnitNames).map((name) => (
            <Tag key={`lp-${name}`} color="warning" className="plan-tag-pending" title="方案中的名称尚未对应到成员单位">
              {name}（待对应）
            </Tag>
          ))}
      {noLead ? (
        <Tag color="warning" icon={<WarningOutlined />}>
          未定牵头单位
        </Tag>
      ) : null}
      {n.coUnitIds.map((id) => (
        <Tag key={`c-${id}`}>{unitName(id)}</Tag>
      ))}
      {n.coVillages ? <Tag icon={<EnvironmentOutlined />}>各村（社区）</Tag> : null}
      {n.unitsEdited
        ? null
        : pending(n.coUnitNames).map((name) => (
            <Tag key={`cp-${name}`} className="plan-tag-pending" title="方案中的名称尚未对应到成员单位">
              {name}（待对应）
            </Tag>
          ))}
    </Flex>
  );
}

function TaskFacts({ n }: { n: PlanDraftNode }) {
  if (!n.deadlines.length && !n.recurrence.length && !n.targets.length && !n.milestones.length && !n.source) return null;
  return (
    <Flex gap={4} wrap className="plan-node-tags">
      {n.source ? (
        <Tooltip title="取自原文表格的这一行，原文中已标出">
          <Tag icon={<TableOutlined />} data-testid="plan-task-row">
            {rowLabel(n.source)}
          </Tag>
        </Tooltip>
      ) : null}
      {n.deadlines.map((d) => (
        <Tooltip key={`d-${d.date}-${d.raw}`} title={`原文：${d.raw}`}>
          <Tag icon={<CalendarOutlined />} color="volcano">
            {d.date}
          </Tag>
        </Tooltip>
      ))}
      {n.recurrence.map((r) => (
        <Tag key={`r-${r}`} icon={<SyncOutlined />} color="purple">
          {r}
        </Tag>
      ))}
      {n.targets.map((t) => (
        <Tag key={`t-${t.raw}`} color="cyan" title={t.raw}>
          {targetText(t)}
        </Tag>
      ))}
      {n.milestones.map((m) => (
        <Tag key={`m-${m.year}-${m.text.slice(0, 12)}`} title={m.text}>
          {m.year}年节点
        </Tag>
      ))}
    </Flex>
  );
}

/** Sections as headings, tasks as rows; the selected task opens into its editor. */
export function PlanDraftTree({ tree, mappings, selectedId, located, saving, onSelect, onSaveTask, onRemoveTask }: PlanDraftTreeProps) {
  const units = useUnitOptions();
  const box = useRef<HTMLDivElement>(null);
  const names = new Map((units.data ?? []).map((u) => [u.id, u.shortName ?? u.name]));
  const unitName: UnitName = (id) => names.get(id) ?? `单位#${id}`;
  const byName = useMemo(() => new Map(mappings.map((m) => [m.name, m])), [mappings]);

  useEffect(() => {
    if (selectedId === null) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-tree-node="${selectedId}"]`);
    // Scroll only the tree's own box: scrollIntoView would move the whole page too.
    const container = el?.closest<HTMLElement>('.plan-review-pane');
    if (!el || !container || container.scrollHeight <= container.clientHeight) return;
    const top = el.getBoundingClientRect().top - container.getBoundingClientRect().top;
    if (top < 0 || top > container.clientHeight - 60) container.scrollTo({ top: container.scrollTop + top - 8, behavior: 'smooth' });
  }, [selectedId]);

  if (!tree.length) return <Empty description="没有识别出任务。可以重新导入，或检查原文是否为方案正文。" />;

  const render = (items: Array<TreeNode<PlanDraftNode>>) =>
    items.map(({ node: n, children }) => {
      if (n.kind === 'group') {
        return (
          <div key={n.id} className="plan-tree-group" data-tree-node={n.id}>
            <button
              type="button"
              className={`plan-tree-heading depth-${Math.min(n.depth, 3)}${n.id === selectedId ? ' is-selected' : ''}`}
              onClick={() => onSelect(n.id)}
            >
              {n.ordinal} {n.title}
            </button>
            {render(children)}
          </div>
        );
      }
      const selected = n.id === selectedId;
      return (
        <div key={n.id} className={`plan-tree-task${selected ? ' is-selected' : ''}`} data-tree-node={n.id} data-testid="plan-tree-task">
          <button type="button" className="plan-tree-task-head" onClick={() => onSelect(selected ? null : n.id)}>
            <Flex gap={6} align="baseline">
              <span className="plan-ordinal">{n.ordinal}</span>
              <Typography.Text strong className="plan-task-title">
                {n.title}
              </Typography.Text>
              {located.has(n.id) ? null : (
                <Tooltip title="未能在原文中定位到这项任务">
                  <WarningOutlined className="muted" />
                </Tooltip>
              )}
            </Flex>
            <UnitTags n={n} unitName={unitName} mappings={byName} />
            <TaskFacts n={n} />
          </button>
          {selected ? (
            <PlanTaskEditor
              node={n}
              saving={saving}
              onSave={onSaveTask}
              onRemove={() => onRemoveTask(n.id)}
              onCancel={() => onSelect(null)}
            />
          ) : null}
          {children.length ? render(children) : null}
        </div>
      );
    });

  return (
    <div ref={box} className="plan-tree" data-testid="plan-tree">
      {render(tree)}
    </div>
  );
}
