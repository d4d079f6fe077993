import { UploadOutlined } from '@ant-design/icons';
import type { CriteriaSetListItem } from '@anzhi/core';
import { Alert, App, Button, Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useCriteriaSets, useRestoreCriteriaSet } from '../api.ts';
import { CriteriaSetCards } from '../components/criteria-set-cards.tsx';
import { criteriaSetColumns, type SetActions } from '../components/criteria-set-columns.tsx';
import { RetireModal } from '../components/retire-modal.tsx';
import '../criteria.css';

type Show = 'inUse' | 'retired' | 'all';

/** 判定标准库: the 重大事故隐患判定标准 sets, their versions and how sure we are of each item. */
export function CriteriaSetsPage() {
  const sets = useCriteriaSets();
  const isMobile = useIsMobile();
  const canManage = useCan('criteria.manage');
  const { message } = App.useApp();
  const restore = useRestoreCriteriaSet();
  const [retiring, setRetiring] = useState<CriteriaSetListItem | null>(null);
  const [show, setShow] = useState<Show>('inUse');
  const navigate = useNavigate();

  const actions: SetActions = {
    canManage,
    onRetire: setRetiring,
    onRestore: (s) =>
      restore.mutate(s.id, {
        onSuccess: () => void message.success(`已恢复《${s.title}》`),
        onError: (e) => void message.error(errorMessage(e)),
      }),
    restoring: restore.isPending ? (restore.variables ?? null) : null,
  };
  const columns = criteriaSetColumns(actions);
  const items = sets.data?.filter((s) => (show === 'all' ? true : show === 'retired' ? !!s.retired : !s.retired));
  const retiredCount = sets.data?.filter((s) => s.retired).length ?? 0;

  return (
    <PageContainer
      title="判定标准库"
      testId="criteria-sets-page"
      extra={
        canManage ? (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/admin/criteria/import')} data-testid="criteria-import">
            导入标准
          </Button>
        ) : null
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="重大事故隐患判定标准"
        description="条款摘要由本系统编写，不是官方原文。可信度 V：已核实原文；P：来自非官方副本或解读材料；U：未核实。P、U 条款标“待核对”，引用前须对照官方原文核实。"
      />
      <Segmented<Show>
        value={show}
        onChange={setShow}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'inUse', label: '在用' },
          { value: 'retired', label: `已停用（${retiredCount}）` },
          { value: 'all', label: '全部' },
        ]}
      />
      {sets.isError ? (
        <Card>
          <QueryError error={sets.error} onRetry={() => void sets.refetch()} />
        </Card>
      ) : isMobile ? (
        <CriteriaSetCards items={items} loading={sets.isFetching} actions={actions} />
      ) : (
        <Card className="table-card">
          <Table<CriteriaSetListItem>
            data-testid="criteria-sets"
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={sets.isFetching}
            size="middle"
            scroll={{ x: 980 }}
            pagination={false}
            rowClassName={(s) => (s.retired ? 'criteria-retired-row' : '')}
            locale={{ emptyText: show === 'retired' ? '没有停用的标准' : '标准库为空' }}
            summary={(rows) =>
              rows.length ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={4}>
                    共 {rows.length} 个标准
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {rows.reduce((n, s) => n + s.itemCount, 0)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} colSpan={canManage ? 2 : 1} />
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      )}
      <RetireModal target={retiring} onClose={() => setRetiring(null)} />
    </PageContainer>
  );
}
