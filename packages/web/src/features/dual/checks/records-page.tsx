import {
  type CheckCalendar,
  type CheckRecordSummary,
  checkCycleLabels,
  checkRecordKindLabels,
  checkResultLabels,
  fileThumbUrl,
  fileUrl,
} from '@anzhi/core';
import {
  Badge,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { HazardPhotos } from '../../hazards/components/hazard-photos.tsx';
import { type RecordFilters, useCheckCalendar, useCheckRecord, useCheckRecords } from './api.ts';
import { useCheckEnterprise } from './use-enterprise.tsx';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** 排查记录: the records the phones synced, with their photos and the hazards their 异常 became; the month's calendar. */
export function CheckRecordsPage() {
  const { enterpriseId, picker } = useCheckEnterprise();
  const [filters, setFilters] = useState<RecordFilters>({});
  const [page, setPage] = useState(1);
  // A signal's evidence opens one record: /dual/records?recordId=…
  const [params] = useSearchParams();
  const [open, setOpen] = useState<number | null>(Number(params.get('recordId')) || null);
  const records = useCheckRecords({ ...filters, enterpriseId }, page, 20);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        排查记录
      </Typography.Title>
      <Space wrap>
        {picker}
        <Select
          allowClear
          placeholder="结果"
          style={{ width: 120 }}
          value={filters.abnormal === undefined ? undefined : String(filters.abnormal)}
          onChange={(v) => {
            setPage(1);
            setFilters((f) => ({ ...f, abnormal: v === undefined ? undefined : v === 'true' }));
          }}
          options={[
            { value: 'true', label: '有异常' },
            { value: 'false', label: '全部正常' },
          ]}
        />
        <DatePicker.RangePicker
          onChange={(r) => {
            setPage(1);
            setFilters((f) => ({ ...f, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') }));
          }}
        />
      </Space>
      {enterpriseId !== undefined ? <CalendarCard enterpriseId={enterpriseId} /> : null}
      {records.isError ? (
        <Result
          status="error"
          title="排查记录加载失败"
          subTitle={(records.error as Error).message}
          extra={<Button onClick={() => records.refetch()}>重试</Button>}
        />
      ) : (
        <Table<CheckRecordSummary>
          rowKey="id"
          loading={records.isLoading}
          dataSource={records.data?.items ?? []}
          locale={{ emptyText: '没有排查记录' }}
          pagination={{ current: page, pageSize: 20, total: records.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '检查时间', dataIndex: 'checkedAt', width: 150, render: time },
            { title: '企业', dataIndex: 'enterpriseName' },
            {
              title: '任务',
              render: (_, r) =>
                r.kind === 'patrol' ? (
                  checkRecordKindLabels.patrol
                ) : (
                  <span>
                    {r.taskTitle}（{r.periodStart === r.periodEnd ? r.periodStart : `${r.periodStart}～${r.periodEnd}`}）
                    {r.late ? <Tag color="orange">逾期补查</Tag> : null}
                  </span>
                ),
            },
            { title: '检查人', dataIndex: 'checkedByName', width: 100 },
            {
              title: '结果',
              width: 120,
              render: (_, r) =>
                r.abnormalCount ? <Tag color="red">{r.abnormalCount} 项异常</Tag> : <Tag color="green">{r.itemCount} 项正常</Tag>,
            },
          ]}
        />
      )}
      <RecordDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

const statusBadge: Record<string, { status: 'success' | 'warning' | 'error' | 'processing'; text: string }> = {
  onTime: { status: 'success', text: '按期' },
  late: { status: 'warning', text: '逾期补查' },
  missed: { status: 'error', text: '未排查' },
  open: { status: 'processing', text: '待排查' },
};
const stateOf = (p: CheckCalendar['tasks'][number]['periods'][number]) => (p.status === 'done' ? (p.late ? 'late' : 'onTime') : p.status);

function CalendarCard({ enterpriseId }: { enterpriseId: number }) {
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const cal = useCheckCalendar(enterpriseId, month);
  return (
    <Card
      size="small"
      title="排查日历"
      extra={
        <DatePicker picker="month" value={dayjs(`${month}-01`)} allowClear={false} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
      }
    >
      {cal.isLoading ? (
        <Spin />
      ) : cal.isError ? (
        <Typography.Text type="danger">日历加载失败：{(cal.error as Error).message}</Typography.Text>
      ) : !cal.data?.tasks.length ? (
        <Empty description="本月没有到期的排查任务" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            {Object.values(statusBadge).map((b) => (
              <Badge key={b.text} status={b.status} text={b.text} />
            ))}
          </Space>
          {cal.data.tasks.map((t) => (
            <div key={t.taskId}>
              <Typography.Text strong>
                {t.title}（{checkCycleLabels[t.cycle]}）
              </Typography.Text>{' '}
              <Space size={4} wrap>
                {t.periods.map((p) => {
                  const b = statusBadge[stateOf(p)] ?? statusBadge.open;
                  return (
                    <Tooltip
                      key={p.taskPeriodId}
                      title={`${p.periodStart}～${p.periodEnd}${p.slot > 1 ? ` 第${p.slot}班` : ''}：${b?.text}${p.doneOn ? `（${p.doneOn}）` : ''}`}
                    >
                      <Badge status={b?.status} text={p.periodStart.slice(5)} />
                    </Tooltip>
                  );
                })}
              </Space>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

export function RecordDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const r = useCheckRecord(id);
  return (
    <Drawer open={id !== null} onClose={onClose} width={560} title="排查记录">
      {r.isLoading ? (
        <Spin />
      ) : r.isError ? (
        <Result status="error" title="加载失败" subTitle={(r.error as Error).message} />
      ) : r.data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="企业">{r.data.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label="任务">{r.data.taskTitle ?? checkRecordKindLabels[r.data.kind]}</Descriptions.Item>
            {r.data.periodStart ? (
              <Descriptions.Item label="排查期">
                {r.data.periodStart}～{r.data.periodEnd} {r.data.late ? <Tag color="orange">逾期补查</Tag> : null}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label="检查人">{r.data.checkedByName}</Descriptions.Item>
            <Descriptions.Item label="检查时间">{time(r.data.checkedAt)}</Descriptions.Item>
            <Descriptions.Item label="同步时间">{time(r.data.receivedAt)}</Descriptions.Item>
            {r.data.note ? <Descriptions.Item label="备注">{r.data.note}</Descriptions.Item> : null}
          </Descriptions>
          {r.data.items.map((i) => (
            <Card
              key={i.seq}
              size="small"
              title={`${i.seq}. ${i.text}`}
              extra={<Tag color={i.result === 'abnormal' ? 'red' : 'green'}>{checkResultLabels[i.result]}</Tag>}
            >
              {i.note ? <Typography.Paragraph>{i.note}</Typography.Paragraph> : null}
              <HazardPhotos photos={i.photos.map((p) => ({ id: p.fileId, url: fileUrl(p.fileId), thumbUrl: fileThumbUrl(p.fileId) }))} />
              {i.hazardId ? <Link to={`/hazards/${i.hazardId}`}>查看隐患 {i.hazardCode}</Link> : null}
            </Card>
          ))}
        </Space>
      ) : null}
    </Drawer>
  );
}
