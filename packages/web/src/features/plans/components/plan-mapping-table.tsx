import { CheckOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { PlanMappingEdit, PlanUnitMapping } from '@anzhi/core';
import { Alert, Button, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useUnitOptions } from '../../../lib/units-query.ts';
import { scorePercent } from '../plan-labels.ts';

interface PlanMappingTableProps {
  mappings: PlanUnitMapping[];
  saving: boolean;
  onChange: (edits: PlanMappingEdit[]) => void;
}

const VILLAGES = 'villages';
const IGNORED = 'ignored';

function selectValue(m: PlanUnitMapping): string | undefined {
  if (m.ignored) return IGNORED;
  if (m.villages) return VILLAGES;
  return m.unitId != null ? `u:${m.unitId}` : undefined;
}

function editOf(name: string, value: string | undefined): PlanMappingEdit {
  if (value === IGNORED) return { name, unitId: null, villages: false, ignored: true };
  if (value === VILLAGES) return { name, unitId: null, villages: true, ignored: false };
  return { name, unitId: value ? Number(value.slice(2)) : null, villages: false, ignored: false };
}

/** A score as a coloured percentage: green when sure, orange when a guess. */
function ScoreTag({ score }: { score: number }) {
  const p = scorePercent(score);
  return <Tag color={p >= 85 ? 'green' : p >= 60 ? 'gold' : 'default'}>{p}%</Tag>;
}

/**
 * Each unit name as the document prints it (应急办理, 村镇规划建设局 …) against the member unit it means. The
 * suggestions come with their scores; the select offers every unit, 各村（社区）, or 不跟踪 for bodies outside the township.
 */
export function PlanMappingTable({ mappings, saving, onChange }: PlanMappingTableProps) {
  const units = useUnitOptions();
  const allUnits = useMemo(
    () =>
      (units.data ?? [])
        .filter((u) => !u.disabled)
        .map((u) => ({ value: `u:${u.id}`, label: u.name, search: [u.name, u.shortName ?? '', ...u.aliases].join(' ') })),
    [units.data],
  );
  const undecided = mappings.filter((m) => !m.decided);
  const acceptable = undecided.filter((m) => m.unitId != null || m.villages || m.ignored || m.suggestions.length);

  // Names with no likely unit are usually bodies above the township (交警中队, 自然资源所): not tracked here.
  const unmatched = undecided.filter((m) => m.unitId == null && !m.villages && !m.ignored && !m.suggestions.length);
  const ignoreRest = () => onChange(unmatched.map((m) => editOf(m.name, IGNORED)));

  const acceptAll = () =>
    onChange(
      acceptable.map((m) => {
        const current = selectValue(m);
        return editOf(m.name, current ?? `u:${m.suggestions[0]?.unitId}`);
      }),
    );

  return (
    <Flex vertical gap={12}>
      {undecided.length ? (
        <Alert
          type="warning"
          showIcon
          title={`还有 ${undecided.length} 个单位名称待确认`}
          description="请核对每个名称对应的成员单位；方案中的上级部门或不需跟踪的单位可选“不跟踪”。"
          action={
            <Flex vertical gap={6}>
              {acceptable.length ? (
                <Button size="small" icon={<ThunderboltOutlined />} onClick={acceptAll} loading={saving} data-testid="mapping-accept-all">
                  全部采用建议（{acceptable.length}）
                </Button>
              ) : null}
              {unmatched.length ? (
                <Popconfirm
                  title={`将 ${unmatched.length} 个无相近单位的名称设为“不跟踪”？`}
                  description={unmatched.map((m) => m.name).join('、')}
                  okText="设为不跟踪"
                  cancelText="取消"
                  onConfirm={ignoreRest}
                >
                  <Button size="small" icon={<StopOutlined />} disabled={saving} data-testid="mapping-ignore-rest">
                    其余设为不跟踪（{unmatched.length}）
                  </Button>
                </Popconfirm>
              ) : null}
            </Flex>
          }
        />
      ) : (
        <Alert type="success" showIcon title="所有单位名称都已确认" />
      )}
      <Table<PlanUnitMapping>
        data-testid="plan-mapping-table"
        size="small"
        rowKey="name"
        dataSource={mappings}
        pagination={false}
        scroll={{ x: 720 }}
        rowClassName={(m) => (m.decided ? '' : 'plan-mapping-undecided')}
        columns={[
          {
            title: '方案中的名称',
            dataIndex: 'name',
            width: 180,
            render: (name: string, m) => (
              <Flex vertical>
                <Typography.Text strong>{name}</Typography.Text>
                <span className="muted">涉及 {m.taskCount} 项任务</span>
              </Flex>
            ),
          },
          {
            title: '建议匹配（相似度）',
            key: 'suggestions',
            width: 260,
            render: (_: unknown, m) =>
              m.suggestions.length ? (
                <Flex gap={4} wrap>
                  {m.suggestions.slice(0, 3).map((s) => (
                    <Button
                      key={s.unitId}
                      size="small"
                      type={m.unitId === s.unitId && !m.villages && !m.ignored ? 'primary' : 'default'}
                      ghost={m.unitId === s.unitId && !m.villages && !m.ignored}
                      onClick={() => onChange([editOf(m.name, `u:${s.unitId}`)])}
                      disabled={saving}
                    >
                      {s.name} <ScoreTag score={s.score} />
                    </Button>
                  ))}
                </Flex>
              ) : (
                <span className="muted">无相近单位</span>
              ),
          },
          {
            title: '对应的成员单位',
            key: 'unit',
            render: (_: unknown, m) => (
              <Flex gap={6} align="center">
                <Select
                  value={selectValue(m)}
                  placeholder="请选择"
                  style={{ flex: 1, minWidth: 200 }}
                  loading={units.isLoading}
                  disabled={saving}
                  // onSelect, not onChange: choosing the pre-filled unit again must confirm it (onChange stays silent
                  // when the value does not change, so the row stayed 待确认 — issue 10).
                  onSelect={(v: string) => onChange([editOf(m.name, v)])}
                  showSearch={{
                    filterOption: (input, option) =>
                      !!(option && 'search' in option && String(option.search).toLowerCase().includes(input.toLowerCase())),
                  }}
                  options={[
                    {
                      label: '特殊',
                      options: [
                        { value: VILLAGES, label: '各村（社区）', search: '各村 社区 村' },
                        { value: IGNORED, label: '不跟踪（上级部门等）', search: '不跟踪 上级 忽略' },
                      ],
                    },
                    { label: '成员单位', options: allUnits },
                  ]}
                  data-testid="mapping-select"
                  aria-label={`${m.name} 对应的成员单位`}
                />
                {m.decided ? (
                  <CheckOutlined style={{ color: '#389e0d' }} aria-label="已确认" />
                ) : selectValue(m) ? (
                  <Button size="small" onClick={() => onChange([editOf(m.name, selectValue(m))])} disabled={saving}>
                    确认
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
