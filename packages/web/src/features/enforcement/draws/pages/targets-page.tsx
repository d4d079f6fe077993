import { SearchOutlined, SyncOutlined } from '@ant-design/icons';
import type { TargetDeriveResult, TargetItem } from '@anzhi/core';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../../../components/page-container.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../../components/region-tree-select.tsx';
import { UnitSelect } from '../../../../components/unit-select.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useCan, useCurrentUser } from '../../../../lib/session.ts';
import { useListParams } from '../../../../lib/use-list-params.ts';
import { EnterprisePicker } from '../../components/enterprise-picker.tsx';
import { useAddTarget, useDeriveTargets, useTargetExclusion, useTargets } from '../api.ts';
import { FlagTags, RiskTag } from '../draw-labels.tsx';

const filterKeys = ['unitId', 'q', 'regionCode', 'excluded'] as const;

function DeriveButton({ unitId }: { unitId: number | null }) {
  const derive = useDeriveTargets();
  const { message } = App.useApp();
  const [result, setResult] = useState<TargetDeriveResult | null>(null);
  return (
    <>
      <Button
        type="primary"
        icon={<SyncOutlined />}
        loading={derive.isPending}
        onClick={() => {
          if (!unitId) return void message.warning('请先在查询条件中选择执法单位');
          derive.mutateAsync(unitId).then(setResult, (e) => message.error(errorMessage(e)));
        }}
      >
        从企业台账生成
      </Button>
      <Modal
        open={!!result}
        title="生成结果"
        onCancel={() => setResult(null)}
        onOk={() => setResult(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {result ? (
          <>
            <p>
              新增 {result.added} 个检查对象，名录库共 {result.total} 个。
            </p>
            {result.stale.length ? (
              <Alert
                type="warning"
                message={`${result.stale.length} 个对象企业台账已不再归本单位监管，请复核后移出：`}
                description={result.stale.map((s) => `${s.enterpriseName}（${s.reason}）`).join('；')}
              />
            ) : (
              <Alert type="success" message="名录库与企业台账一致" />
            )}
          </>
        ) : null}
      </Modal>
    </>
  );
}

/** 手动添加: an enterprise the registry does not give the unit (e.g. 联合检查), added to its 名录库 by hand. */
function AddTargetButton({ unitId }: { unitId: number | null }) {
  const [open, setOpen] = useState(false);
  const [enterpriseId, setEnterpriseId] = useState<number | undefined>();
  const add = useAddTarget();
  const { message } = App.useApp();
  return (
    <>
      <Button onClick={() => (unitId ? setOpen(true) : void message.warning('请先在查询条件中选择执法单位'))} data-testid="target-add">
        手动添加
      </Button>
      <Modal
        open={open}
        title="添加检查对象"
        okText="添加"
        okButtonProps={{ disabled: !enterpriseId }}
        confirmLoading={add.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          unitId && enterpriseId
            ? add.mutateAsync({ unitId, enterpriseId }).then(
                () => {
                  message.success('已添加');
                  setOpen(false);
                  setEnterpriseId(undefined);
                },
                (e) => message.error(errorMessage(e)),
              )
            : undefined
        }
      >
        <EnterprisePicker value={enterpriseId} onChange={setEnterpriseId} />
      </Modal>
    </>
  );
}

function ExclusionButton({ target }: { target: TargetItem }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const exclusion = useTargetExclusion();
  const { message } = App.useApp();
  return (
    <>
      <Button size="small" danger={!target.excluded} onClick={() => setOpen(true)}>
        {target.excluded ? '重新列入' : '移出'}
      </Button>
      <Modal
        open={open}
        title={`${target.excluded ? '重新列入' : '移出名录库'}：${target.enterpriseName}`}
        confirmLoading={exclusion.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          exclusion
            .mutateAsync({ id: target.id, excluded: !target.excluded, reason })
            .then(() => {
              message.success('已保存');
              setOpen(false);
              setReason('');
            })
            .catch((e) => message.error(errorMessage(e)))
        }
      >
        <Input.TextArea
          rows={3}
          placeholder="原因（必填，如 已关闭、已迁出、停产整顿）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

/** 检查对象名录库: the enterprises a unit inspects, derived from the registry, with exclusions and their reasons. */
export function TargetsPage() {
  const list = useListParams(filterKeys);
  const user = useCurrentUser();
  const canManage = useCan('enforcement.manage');
  const q = useTargets(list.filters, list.page, list.pageSize);
  const [form] = Form.useForm();
  useEffect(
    () => form.setFieldsValue({ ...list.filters, unitId: list.filters.unitId ? Number(list.filters.unitId) : undefined }),
    [form, list.filters],
  );
  const unitId = list.filters.unitId ? Number(list.filters.unitId) : user.unitId;
  const columns: ColumnsType<TargetItem> = [
    { title: '企业', dataIndex: 'enterpriseName' },
    { title: '村（社区）', dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
    { title: '风险等级', dataIndex: 'riskLevel', render: (v: string | null) => <RiskTag level={v} /> },
    { title: '重点标识', dataIndex: 'flags', render: (v: string[]) => <FlagTags flags={v} /> },
    { title: '执法单位', dataIndex: 'unitName' },
    { title: '来源', dataIndex: 'source', render: (v: string) => (v === 'manual' ? '手工添加' : '企业台账') },
    {
      title: '状态',
      dataIndex: 'excluded',
      render: (v: boolean, r) => (v ? <Tag color="default">已移出：{r.excludedReason}</Tag> : <Tag color="green">在库</Tag>),
    },
    ...(canManage ? [{ title: '操作', key: 'ops', render: (_: unknown, r: TargetItem) => <ExclusionButton target={r} /> }] : []),
  ];
  return (
    <PageContainer
      title="检查对象名录库"
      testId="targets-page"
      extra={
        canManage ? (
          <>
            <AddTargetButton unitId={unitId} />
            <DeriveButton unitId={unitId} />
          </>
        ) : null
      }
    >
      <Card size="small" className="search-form">
        <Form
          form={form}
          layout="inline"
          className="search-form-body"
          onFinish={(v) =>
            list.setFilters({
              unitId: v.unitId ? String(v.unitId) : undefined,
              q: v.q?.trim(),
              regionCode: v.regionCode,
              excluded: v.excluded,
            })
          }
        >
          <Form.Item name="unitId" label="单位">
            <UnitSelect style={{ width: 200 }} placeholder="全部" />
          </Form.Item>
          <Form.Item name="q" label="企业名称">
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="regionCode" label="村（社区）" style={{ minWidth: 240 }}>
            <RegionTreeSelect placeholder="全部" />
          </Form.Item>
          <Form.Item name="excluded" label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              options={[
                { value: 'false', label: '在库' },
                { value: 'true', label: '已移出' },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card className="table-card">
        {q.isError ? (
          <QueryError error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <Table<TargetItem>
            rowKey="id"
            columns={columns}
            dataSource={q.data?.items ?? []}
            loading={q.isFetching}
            scroll={{ x: 900 }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: q.data?.total ?? 0,
              showTotal: (t) => `共 ${t} 个`,
              onChange: list.setPage,
            }}
            locale={{ emptyText: canManage ? '名录库为空：选择单位后点击“从企业台账生成”' : '名录库为空' }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
