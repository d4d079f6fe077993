import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  checkCycleLabels,
  controlLevelLabels,
  measureKindLabels,
  type RiskLevel,
  riskLevelLabels,
  riskLevels,
  riskPointKindLabels,
} from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  List,
  Popconfirm,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { apiUrl, call } from '../../../lib/api-client.ts';
import { useCan, useCurrentUser } from '../../../lib/session.ts';
import { EnterpriseChoice, useChosenEnterprise } from '../enterprise-choice.tsx';
import { type RiskTree, useRiskImport, useRiskTree, useRiskWrite } from './api.ts';
import { MeasureTaskModal } from './measure-task-modal.tsx';
import { type Editing, RiskEditDrawer } from './risk-edit-drawer.tsx';
import { LevelTag } from './risk-tags.tsx';

type Point = RiskTree['points'][number];

/** 风险分级管控: an enterprise's points → units → events (LEC/LS, colour, 管控层级) → measures (→ check tasks). */
export function RiskPage() {
  const user = useCurrentUser();
  const [chosen, setChosen, own] = useChosenEnterprise();
  const enterpriseId = chosen ?? undefined;
  const tree = useRiskTree(enterpriseId);
  const canManage = useCan('dual.manage');
  const [editing, setEditing] = useState<Editing | null>(null);

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }}>
          风险分级管控
        </Typography.Title>
        <EnterpriseChoice value={chosen} onChange={setChosen} own={own} />
      </Flex>
      {enterpriseId == null ? (
        <Empty description="请选择企业" />
      ) : tree.isPending ? (
        <Spin />
      ) : tree.error ? (
        <Result
          status="error"
          title="加载失败"
          subTitle={tree.error.message}
          extra={<Button onClick={() => tree.refetch()}>重试</Button>}
        />
      ) : (
        <TreeView tree={tree.data} canManage={canManage} onEdit={setEditing} />
      )}
      {enterpriseId != null && <RiskEditDrawer enterpriseId={enterpriseId} editing={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function Toolbar({ tree, canManage, onEdit }: { tree: RiskTree; canManage: boolean; onEdit: (e: Editing) => void }) {
  const id = tree.enterprise.id;
  const importer = useRiskImport(id);
  const { message, modal } = App.useApp();
  return (
    <Space wrap>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onEdit({ kind: 'point' })}>
          新增风险点
        </Button>
      )}
      {canManage && (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            importer.mutate(file, {
              onSuccess: (r) =>
                message.success(`已导入：风险点 ${r.points}、单元 ${r.units}、事件 ${r.events}、措施 ${r.measures}、排查任务 ${r.tasks}`),
              onError: (e) => modal.error({ title: '导入未执行', content: e.message, width: 560 }),
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importer.isPending}>
            导入 Excel
          </Button>
        </Upload>
      )}
      <Button icon={<DownloadOutlined />} href={apiUrl(`/enterprises/${id}/risk-export`)}>
        导出清单
      </Button>
      <Button icon={<DownloadOutlined />} href={apiUrl(`/enterprises/${id}/risk-national`)}>
        按国家数据接入格式导出
      </Button>
    </Space>
  );
}

function TreeView({ tree, canManage, onEdit }: { tree: RiskTree; canManage: boolean; onEdit: (e: Editing) => void }) {
  const { enterprise, levelCounts } = tree;
  return (
    <>
      <Card size="small">
        <Flex wrap gap={16} align="center" justify="space-between">
          <Space wrap>
            <Typography.Text strong>{enterprise.name}</Typography.Text>
            <span>企业风险等级</span>
            <LevelTag level={enterprise.assessedRiskLevel} />
            {enterprise.assessedRiskAt && (
              <Typography.Text type="secondary">
                {enterprise.assessedRiskBy ?? '—'} 于 {enterprise.assessedRiskAt.slice(0, 10)} 评估
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            {riskLevels.map((l: RiskLevel) => (
              <span key={l}>
                <LevelTag level={l} /> {levelCounts[l]}
              </span>
            ))}
          </Space>
        </Flex>
        <div style={{ marginTop: 12 }}>
          <Toolbar tree={tree} canManage={canManage} onEdit={onEdit} />
        </div>
      </Card>
      {tree.points.length === 0 ? (
        <Empty description="尚未辨识风险点：可逐个新增，或从 Excel 导入" />
      ) : (
        <Collapse
          items={tree.points.map((p) => ({
            key: p.id,
            label: (
              <Space wrap>
                <LevelTag level={p.level} />
                <strong>{p.name}</strong>
                <Tag>{riskPointKindLabels[p.kind]}</Tag>
                {p.location && <Typography.Text type="secondary">{p.location}</Typography.Text>}
                <Typography.Text type={p.reviewedOn ? 'secondary' : 'warning'}>
                  {p.reviewedOn ? `复评 ${p.reviewedOn}` : '未复评'}
                </Typography.Text>
              </Space>
            ),
            children: <PointBody point={p} canManage={canManage} onEdit={onEdit} enterpriseId={tree.enterprise.id} />,
          }))}
        />
      )}
    </>
  );
}

function Actions({ canManage, onEdit, onDelete, what }: { canManage: boolean; onEdit: () => void; onDelete: () => void; what: string }) {
  if (!canManage) return null;
  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={`修改${what}`} />
      <Popconfirm title={`删除该${what}及其下级内容？`} onConfirm={onDelete}>
        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${what}`} />
      </Popconfirm>
    </Space>
  );
}

function PointBody({
  point,
  canManage,
  onEdit,
  enterpriseId,
}: {
  point: Point;
  canManage: boolean;
  onEdit: (e: Editing) => void;
  enterpriseId: number;
}) {
  const [taskFor, setTaskFor] = useState<{ id: number; content: string } | null>(null);
  const write = useRiskWrite();
  const { message } = App.useApp();
  const run = (w: Parameters<typeof write.mutate>[0], done = '已删除') =>
    write.mutate(w, { onSuccess: () => message.success(done), onError: (e) => message.error(e.message) });
  return (
    <Flex vertical gap={12}>
      <MeasureTaskModal enterpriseId={enterpriseId} measure={taskFor} onClose={() => setTaskFor(null)} />
      <Space wrap>
        <Button size="small" icon={<DownloadOutlined />} href={apiUrl(`/risk-points/${point.id}/card.docx`, { size: 'A4' })}>
          风险告知卡 A4
        </Button>
        <Button size="small" icon={<DownloadOutlined />} href={apiUrl(`/risk-points/${point.id}/card.docx`, { size: 'A5' })}>
          A5
        </Button>
      </Space>
      {canManage && (
        <Space wrap>
          <Button size="small" onClick={() => onEdit({ kind: 'point', point })}>
            修改风险点
          </Button>
          <Button size="small" onClick={() => run({ op: 'reviewPoint', id: point.id }, '已记录复评')} loading={write.isPending}>
            复评
          </Button>
          <Button size="small" icon={<PlusOutlined />} onClick={() => onEdit({ kind: 'unit', pointId: point.id })}>
            新增单元
          </Button>
          <Popconfirm title="删除该风险点及其全部单元、事件和措施？" onConfirm={() => run({ op: 'deletePoint', id: point.id })}>
            <Button size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      )}
      {point.units.length === 0 && <Alert type="info" message="尚无风险分析单元" />}
      {point.units.map((u) => (
        <Card
          key={u.id}
          size="small"
          title={`单元：${u.name}`}
          extra={
            <Space>
              {canManage && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => onEdit({ kind: 'event', unitId: u.id })}>
                  风险事件
                </Button>
              )}
              <Actions
                what="单元"
                canManage={canManage}
                onEdit={() => onEdit({ kind: 'unit', pointId: point.id, unit: u })}
                onDelete={() => run({ op: 'deleteUnit', id: u.id })}
              />
            </Space>
          }
        >
          <List
            dataSource={u.events}
            locale={{ emptyText: '尚无风险事件' }}
            renderItem={(ev) => (
              <List.Item>
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Flex wrap gap={8} align="center" justify="space-between">
                    <Space wrap>
                      <LevelTag level={ev.level} />
                      <strong>{ev.name}</strong>
                      {ev.consequence && <Tag>{ev.consequence}</Tag>}
                      <Typography.Text type="secondary">
                        {ev.method === 'lec' ? `L${ev.l}×E${ev.e}×C${ev.c} = D ${ev.score}` : `L${ev.l}×S${ev.s} = R ${ev.score}`} ·{' '}
                        {controlLevelLabels[ev.controlLevel]} · {ev.assessedBy ?? '—'} {ev.assessedAt.slice(0, 10)}
                      </Typography.Text>
                    </Space>
                    <Space>
                      {canManage && (
                        <Button size="small" icon={<PlusOutlined />} onClick={() => onEdit({ kind: 'measure', eventId: ev.id })}>
                          措施
                        </Button>
                      )}
                      <Actions
                        what="风险事件"
                        canManage={canManage}
                        onEdit={() => onEdit({ kind: 'event', unitId: u.id, event: ev })}
                        onDelete={() => run({ op: 'deleteEvent', id: ev.id })}
                      />
                    </Space>
                  </Flex>
                  {ev.measures.map((m) => (
                    <Flex key={m.id} gap={8} align="baseline" wrap style={{ paddingInlineStart: 16 }}>
                      <Tag color="blue">{measureKindLabels[m.kind]}</Tag>
                      <span style={{ flex: 1, minWidth: 200 }}>{m.content}</span>
                      {m.tasks.map((t) => (
                        <Tag key={t.id} color={t.active ? 'green' : undefined}>
                          {checkCycleLabels[t.cycle]}排查 · {t.postName ?? t.ownerName ?? '—'}
                        </Tag>
                      ))}
                      {canManage && (
                        <Button size="small" type="link" onClick={() => setTaskFor({ id: m.id, content: m.content })}>
                          生成排查任务
                        </Button>
                      )}
                      <Actions
                        what="管控措施"
                        canManage={canManage}
                        onEdit={() => onEdit({ kind: 'measure', eventId: ev.id, measure: m })}
                        onDelete={() => run({ op: 'deleteMeasure', id: m.id })}
                      />
                    </Flex>
                  ))}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ))}
      <Typography.Text type="secondary">{`最高风险：${point.level ? riskLevelLabels[point.level] : '未评估'}`}</Typography.Text>
    </Flex>
  );
}
