import type { DrawDetail } from '@anzhi/core';
import { Table } from 'antd';
import { Link } from 'react-router';

type Row = NonNullable<DrawDetail['result']>['checks'][number];

/** The drawn checks: target, village, inspectors (and the check, once created). */
export function DrawResultTable({ result, linkChecks }: { result: NonNullable<DrawDetail['result']>; linkChecks?: boolean }) {
  return (
    <>
      <Table<Row>
        data-testid="draw-result"
        rowKey="targetId"
        size="small"
        pagination={false}
        scroll={{ x: 520 }}
        dataSource={result.checks}
        columns={[
          { title: '序号', key: 'n', width: 60, render: (_, __, k) => k + 1 },
          { title: '检查对象', dataIndex: 'name' },
          { title: '村（社区）', dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
          { title: '执法人员', dataIndex: 'inspectors', render: (v: Row['inspectors']) => v.map((i) => i.name).join('、') },
          ...(linkChecks
            ? [
                {
                  title: '检查任务',
                  dataIndex: 'checkCode',
                  render: (v: string | null, r: Row) => (r.checkId ? <Link to={`/enforcement/checks/${r.checkId}`}>{v}</Link> : '—'),
                },
              ]
            : []),
        ]}
      />
      {result.skipped.length ? (
        <div className="muted" style={{ marginTop: 8 }}>
          回避后顺延：{result.skipped.map((s) => `${s.name}（${s.reason}）`).join('；')}
        </div>
      ) : null}
    </>
  );
}
