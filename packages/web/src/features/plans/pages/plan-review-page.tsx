import type { PlanDraft, PlanTaskEdit } from '@anzhi/core';
import { Badge, Card, Col, Result, Row, Skeleton, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { usePlanDraft } from '../api.ts';
import { PlanDocView } from '../components/plan-doc-view.tsx';
import { PlanDraftTree } from '../components/plan-draft-tree.tsx';
import { PlanMappingTable } from '../components/plan-mapping-table.tsx';
import { PlanMetaForm } from '../components/plan-meta-form.tsx';
import { PlanReviewHeader } from '../components/plan-review-header.tsx';
import { docSegments, locateNodes, rowLabel } from '../components/plan-text-locate.ts';
import { useDraftSave } from '../components/use-draft-save.ts';
import { buildTree, flatten } from '../plan-tree.ts';
import '../plans.css';

export function PlanReviewPage() {
  const id = Number(useParams().id);
  const draft = usePlanDraft(id);
  if (!(id > 0)) return <Result status="404" title="方案不存在" subTitle="链接中的方案编号有误。" />;
  if (draft.isError) return <QueryError error={draft.error} onRetry={() => void draft.refetch()} />;
  if (draft.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <PlanReview draft={draft.data} />;
}

/** 导入方案, step 2: the document beside what was read from it; every field correctable, then publish. */
function PlanReview({ draft }: { draft: PlanDraft }) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [tab, setTab] = useState('tasks');
  const { save, saving } = useDraftSave(draft);

  const tree = useMemo(() => buildTree(draft.nodes), [draft.nodes]);
  const ordered = useMemo(() => flatten(tree), [tree]);
  const starts = useMemo(() => locateNodes(draft.rawText, ordered), [draft.rawText, ordered]);
  const segments = useMemo(() => docSegments(draft.rawText, starts), [draft.rawText, starts]);
  const located = useMemo(() => new Set(starts.keys()), [starts]);
  const taskIds = useMemo(() => new Set(draft.nodes.filter((n) => n.kind === 'task').map((n) => n.id)), [draft.nodes]);
  const rowLabels = useMemo(
    () => new Map(draft.nodes.flatMap((n) => (n.kind === 'task' && n.source ? [[n.id, rowLabel(n.source)] as const] : []))),
    [draft.nodes],
  );

  const tasks = draft.nodes.filter((n) => n.kind === 'task');
  const withDeadline = tasks.filter((n) => n.deadlines.length).length;
  const noLead = tasks.filter((n) => !n.leadUnitIds.length && !n.leadVillages).length;
  const undecided = draft.mappings.filter((m) => !m.decided).length;

  const selectFromDoc = useCallback((nodeId: number) => {
    setTab('tasks');
    setSelectedId(nodeId);
  }, []);

  const saveTask = (edit: PlanTaskEdit) => save({ tasks: [edit] }, '任务已保存');
  const removeTask = (taskId: number) => {
    void save({ removeTaskIds: [taskId] }, '任务已删除').then((ok) => ok && setSelectedId(null));
  };

  return (
    <div data-testid="plan-review-page">
      <PlanReviewHeader draft={draft} onShowUnits={() => setTab('units')} />
      <Typography.Paragraph type="secondary" data-testid="plan-review-summary">
        识别出 {draft.nodes.length - tasks.length} 个部分、{tasks.length} 项任务；{withDeadline} 项有完成时限
        {noLead ? `，${noLead} 项未定牵头单位` : ''}。点击右侧任务可在原文中定位，点击原文段落可找到对应任务。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {/* The document matters while checking tasks; mapping units and the facts want the width. */}
        {tab === 'tasks' ? (
          <Col xs={24} lg={10}>
            <Card size="small" title="方案原文" className="plan-doc-card">
              <PlanDocView
                raw={draft.rawText}
                segments={segments}
                selectedId={selectedId}
                taskIds={taskIds}
                rowLabels={rowLabels}
                onSelect={selectFromDoc}
              />
            </Card>
          </Col>
        ) : null}
        <Col xs={24} lg={tab === 'tasks' ? 14 : 24}>
          <Card size="small" className="plan-review-side">
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                {
                  key: 'tasks',
                  label: `任务结构（${tasks.length}）`,
                  children: (
                    <div className="plan-review-pane">
                      <PlanDraftTree
                        tree={tree}
                        mappings={draft.mappings}
                        selectedId={selectedId}
                        located={located}
                        saving={saving}
                        onSelect={setSelectedId}
                        onSaveTask={saveTask}
                        onRemoveTask={removeTask}
                      />
                    </div>
                  ),
                },
                {
                  key: 'units',
                  label: (
                    <Badge count={undecided} size="small" offset={[8, -2]}>
                      <span data-testid="plan-tab-units">单位对应（{draft.mappings.length}）</span>
                    </Badge>
                  ),
                  children: (
                    <PlanMappingTable
                      mappings={draft.mappings}
                      saving={saving}
                      onChange={(mappings) => void save({ mappings }, '单位对应已保存')}
                    />
                  ),
                },
                {
                  key: 'meta',
                  label: '基本信息',
                  children: <PlanMetaForm plan={draft.plan} saving={saving} onSave={(change) => save(change, '基本信息已保存')} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
