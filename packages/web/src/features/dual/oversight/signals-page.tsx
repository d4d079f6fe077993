import {
  type DualSignalKind,
  type DualSignalStatus,
  dualSignalKindLabels,
  dualSignalKinds,
  dualSignalStatusLabels,
  fileThumbUrl,
  fileUrl,
} from '@anzhi/core';
import { App, Button, Card, Empty, Flex, Form, Image, Input, List, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { type DualSignal, type SignalFilters, useDismissSignal, useDualSignals } from './api.ts';

/** The evidence a signal names: photos side by side, hazards and records to open, the enterprises involved. */
function Evidence({ s }: { s: DualSignal }) {
  const ev = s.evidence;
  return (
    <Flex vertical gap={8}>
      <Typography.Text>{ev.summary}</Typography.Text>
      {ev.fileIds?.length ? (
        <Image.PreviewGroup>
          <Space wrap data-testid={`signal-${s.id}-photos`}>
            {ev.fileIds.map((id) => (
              <Image
                key={id}
                width={120}
                height={120}
                style={{ objectFit: 'cover' }}
                src={fileThumbUrl(id)}
                preview={{ src: fileUrl(id) }}
                alt={`照片 ${id}`}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : null}
      {ev.hazardIds?.length ? (
        <Space wrap>
          隐患：
          {ev.hazardIds.map((id) => (
            <Link key={id} to={`/hazards/${id}`}>
              {s.hazardCodes[String(id)] ?? `#${id}`}
            </Link>
          ))}
        </Space>
      ) : null}
      {ev.recordIds?.length ? (
        <Space wrap size={4}>
          排查记录：
          {ev.recordIds.slice(0, 20).map((id) => (
            <Link key={id} to={`/dual/records?recordId=${id}`}>
              #{id}
            </Link>
          ))}
          {ev.recordIds.length > 20 ? <Typography.Text type="secondary">等 {ev.recordIds.length} 条</Typography.Text> : null}
        </Space>
      ) : null}
      {Object.keys(s.enterpriseNames).length > 1 ? (
        <Typography.Text type="secondary">涉及企业：{Object.values(s.enterpriseNames).join('、')}</Typography.Text>
      ) : null}
    </Flex>
  );
}

function DismissButton({ s }: { s: DualSignal }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const dismiss = useDismissSignal();
  const { message } = App.useApp();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`signal-${s.id}-dismiss`}>
        排除
      </Button>
      <Modal
        title="排除这条提示"
        open={open}
        okText="确认排除"
        confirmLoading={dismiss.isPending}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const { reason } = await form.validateFields();
          dismiss.mutate(
            { id: s.id, reason },
            {
              onSuccess: () => {
                message.success('已排除');
                setOpen(false);
                form.resetFields();
              },
              onError: (e) => message.error(errorMessage(e)),
            },
          );
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="排除理由（留痕）"
            rules={[
              { required: true, message: '请填写排除理由' },
              { min: 5, message: '排除理由至少 5 个字' },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder="如：经现场核实，该企业确无隐患，记录属实"
              data-testid="signal-dismiss-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 形式主义提示: each names its evidence and opens the records; the office dismisses one with a reason. */
export function DualSignalsPage() {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const filters: SignalFilters = {
    kind: (params.get('kind') as DualSignalKind | null) ?? undefined,
    status: (params.get('status') as DualSignalStatus | null) ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
    enterpriseId: Number(params.get('enterpriseId')) || undefined,
  };
  const set = (key: string, value: string | undefined) => {
    const p = new URLSearchParams(params);
    value ? p.set(key, value) : p.delete(key);
    setParams(p, { replace: true });
    setPage(1);
  };
  const q = useDualSignals(filters, page, 20);
  const canDismiss = useCan('dual.dismiss');
  return (
    <PageContainer title="形式主义提示" testId="dual-signals-page">
      <Card size="small" className="search-form">
        <Form layout="inline" className="search-form-body">
          <Form.Item label="类别">
            <Select
              allowClear
              placeholder="全部类别"
              style={{ width: 220 }}
              value={filters.kind}
              onChange={(v) => set('kind', v)}
              options={dualSignalKinds.map((k) => ({ value: k, label: dualSignalKindLabels[k] }))}
              data-testid="signals-kind"
            />
          </Form.Item>
          <Form.Item label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 120 }}
              value={filters.status}
              onChange={(v) => set('status', v)}
              options={(['open', 'dismissed'] as const).map((k) => ({ value: k, label: dualSignalStatusLabels[k] }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {q.isError ? (
        <Card>
          <QueryError error={q.error} onRetry={() => void q.refetch()} />
        </Card>
      ) : q.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : q.data.items.length === 0 ? (
        <Card>
          <Empty description="暂无形式主义提示" />
        </Card>
      ) : (
        <List
          dataSource={q.data.items}
          pagination={{ current: page, pageSize: 20, total: q.data.total, onChange: setPage, showSizeChanger: false }}
          data-testid="signals-list"
          renderItem={(s) => (
            <Card size="small" style={{ marginBottom: 12 }} data-testid={`signal-${s.id}`}>
              <Flex justify="space-between" align="start" gap={12} wrap>
                <Space wrap>
                  <Tag color={s.status === 'open' ? 'red' : 'default'}>{dualSignalStatusLabels[s.status]}</Tag>
                  <Typography.Text strong>{dualSignalKindLabels[s.kind]}</Typography.Text>
                  <Typography.Text>{s.enterpriseName}</Typography.Text>
                  {s.regionName ? <Typography.Text type="secondary">{s.regionName}</Typography.Text> : null}
                  <Typography.Text type="secondary">发现于 {s.detectedOn}</Typography.Text>
                </Space>
                {canDismiss && s.status === 'open' ? <DismissButton s={s} /> : null}
              </Flex>
              <div style={{ marginTop: 8 }}>
                <Evidence s={s} />
              </div>
              {s.status === 'dismissed' ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {s.dismissedByName ?? ''} 于 {s.dismissedAt?.slice(0, 10)} 排除：{s.dismissReason}
                </Typography.Paragraph>
              ) : null}
            </Card>
          )}
        />
      )}
    </PageContainer>
  );
}
