import { FileWordOutlined } from '@ant-design/icons';
import { earlyRecheckNeedsReason, type RecheckItemResult, recheckItemResultLabels } from '@anzhi/core';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, List, Radio, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { PenaltyFormModal } from '../components/penalty-form-modal.tsx';
import { type OrderView, triadDocs, useOrder, useRecheck } from '../triad-api.ts';
import { RecheckStateTag } from '../triad-labels.tsx';

const todayIso = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 整改复查: per item 已整改/未整改 with a note; a reason when made before the deadline (the server checks it too). */
function RecheckForm({ order }: { order: OrderView }) {
  const { message } = App.useApp();
  const recheck = useRecheck(order.id);
  const [on, setOn] = useState(todayIso());
  const [results, setResults] = useState<Record<number, { result?: RecheckItemResult; note: string }>>({});
  const [earlyReason, setEarlyReason] = useState('');
  const early = earlyRecheckNeedsReason(on, order.deadline);
  const complete = order.items.every((i) => results[i.id]?.result);

  const submit = () =>
    recheck.mutate(
      {
        version: order.version,
        on,
        results: order.items.map((i) => ({
          itemId: i.id,
          result: results[i.id]?.result as RecheckItemResult,
          note: results[i.id]?.note || null,
        })),
        earlyReason: early ? earlyReason : null,
      },
      { onSuccess: () => message.success('复查已记录，整改复查意见书已编号'), onError: (e) => message.error(errorMessage(e)) },
    );

  return (
    <Card title="整改复查" size="small" data-testid="order-recheck-form">
      <Form layout="vertical">
        <Form.Item label="复查日期" required>
          <Input type="date" value={on} max={todayIso()} onChange={(e) => setOn(e.target.value)} size="large" />
        </Form.Item>
        {order.items.map((i, k) => (
          <Form.Item key={i.id} label={`${k + 1}. ${i.text}`} required>
            <Flex vertical gap={8}>
              <Radio.Group
                size="large"
                optionType="button"
                buttonStyle="solid"
                value={results[i.id]?.result}
                onChange={(e) => setResults({ ...results, [i.id]: { note: results[i.id]?.note ?? '', result: e.target.value } })}
                options={(['fixed', 'notFixed'] as const).map((r) => ({ value: r, label: recheckItemResultLabels[r] }))}
              />
              <Input
                placeholder="说明（可选）"
                value={results[i.id]?.note ?? ''}
                onChange={(e) => setResults({ ...results, [i.id]: { result: results[i.id]?.result, note: e.target.value } })}
              />
            </Flex>
          </Form.Item>
        ))}
        {early ? (
          <Form.Item label="提前复查理由" required help={`整改期限为 ${order.deadline}，期限届满前复查须说明理由`}>
            <Input.TextArea rows={2} value={earlyReason} onChange={(e) => setEarlyReason(e.target.value)} maxLength={500} />
          </Form.Item>
        ) : null}
        <Button
          type="primary"
          size="large"
          block
          loading={recheck.isPending}
          disabled={!complete || (early && !earlyReason.trim())}
          onClick={submit}
        >
          提交复查结果
        </Button>
      </Form>
    </Card>
  );
}

/** One 责令限期整改指令书: its items, 复查 and documents, and the penalty case a 复查 may call for. */
export function OrderDetailPage() {
  const id = Number(useParams().id);
  const order = useOrder(id);
  const canInspect = useCan('enforcement.inspect');
  const canPenalize = useCan('enforcement.penalize');
  const [filing, setFiling] = useState(false);

  if (order.isError) return <QueryError error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data) return <Skeleton active />;
  const o = order.data;
  return (
    <PageContainer
      title={o.orderNo ?? '责令限期整改指令书'}
      testId="enforcement-order-detail"
      extra={
        <>
          <Button icon={<FileWordOutlined />} href={triadDocs.order(o.id)}>
            整改指令书
          </Button>
          {o.status === 'rechecked' ? (
            <Button icon={<FileWordOutlined />} href={triadDocs.recheck(o.id)}>
              复查意见书
            </Button>
          ) : null}
          <Button icon={<FileWordOutlined />} href={triadDocs.checkRecord(o.checkId)}>
            现场检查记录
          </Button>
        </>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="企业">{o.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label="执法单位">{o.unitName}</Descriptions.Item>
          <Descriptions.Item label="检查">
            <Link to={`/enforcement/checks/${o.checkId}`}>{o.checkCode}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <RecheckStateTag state={o.state} status={o.status} />
          </Descriptions.Item>
          <Descriptions.Item label="下达日期">{o.issuedOn}</Descriptions.Item>
          <Descriptions.Item label="整改期限">{o.deadline}</Descriptions.Item>
          <Descriptions.Item label="复查期限">{o.recheckDueOn}</Descriptions.Item>
          <Descriptions.Item label="复查日期">{o.recheckedOn ?? '—'}</Descriptions.Item>
          {o.recheckNo ? <Descriptions.Item label="复查意见书">{o.recheckNo}</Descriptions.Item> : null}
          {o.earlyRecheckReason ? <Descriptions.Item label="提前复查理由">{o.earlyRecheckReason}</Descriptions.Item> : null}
        </Descriptions>
        <Card title="整改项目" size="small">
          <List
            dataSource={o.items}
            locale={{ emptyText: '无' }}
            renderItem={(i, k) => (
              <List.Item key={i.id}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text>
                      {k + 1}. {i.text} {i.major ? <Tag color="red">重大隐患</Tag> : null}
                    </Typography.Text>
                    {i.recheckResult ? (
                      <Tag color={i.recheckResult === 'fixed' ? 'green' : 'red'}>{recheckItemResultLabels[i.recheckResult]}</Tag>
                    ) : null}
                  </Flex>
                  {i.note ? <span className="muted">{i.note}</span> : null}
                  {i.recheckNote ? <span className="muted">复查说明：{i.recheckNote}</span> : null}
                  {i.hazardId ? <Link to={`/hazards/${i.hazardId}`}>查看隐患</Link> : null}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
        {o.suggestPenalty ? (
          <Alert
            type="warning"
            showIcon
            message="复查发现未整改项目，建议依法立案处罚（安全生产法 第一百零二条）"
            action={
              canPenalize ? (
                <Button danger onClick={() => setFiling(true)}>
                  立案处罚
                </Button>
              ) : null
            }
          />
        ) : null}
        {o.penaltyIds.length ? (
          <Card size="small" title="处罚案件">
            {o.penaltyIds.map((p) => (
              <Link key={p} to={`/enforcement/penalties/${p}`} style={{ marginRight: 12 }}>
                案件 {p}
              </Link>
            ))}
          </Card>
        ) : null}
        {o.status === 'open' && canInspect ? <RecheckForm order={o} /> : null}
      </Flex>
      <PenaltyFormModal
        open={filing}
        onClose={() => setFiling(false)}
        initial={{ enterpriseId: o.enterpriseId, enterpriseName: o.enterpriseName, orderId: o.id, checkId: o.checkId }}
      />
    </PageContainer>
  );
}
