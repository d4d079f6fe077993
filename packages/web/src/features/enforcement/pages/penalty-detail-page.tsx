import { FileWordOutlined } from '@ant-design/icons';
import { type PenaltyStatus, penaltyNext, penaltyStatusLabels, safetyLawArticle } from '@anzhi/core';
import { App, Button, Descriptions, Flex, Input, InputNumber, Modal, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { triadDocs, useMovePenalty, usePenalty } from '../triad-api.ts';
import { PenaltyStatusTag, yuan } from '../triad-labels.tsx';

const stepLabels: Partial<Record<PenaltyStatus, string>> = {
  noticed: '送达告知书',
  decided: '作出处罚决定',
  executed: '执行完毕',
  closed: '结案',
  withdrawn: '撤销立案',
};

/** One penalty case: its basis, amount and marks; the next steps as buttons; the 行政处罚决定书 once decided. */
export function PenaltyDetailPage() {
  const id = Number(useParams().id);
  const penalty = usePenalty(id);
  const move = useMovePenalty(id);
  const canPenalize = useCan('enforcement.penalize');
  const { message } = App.useApp();
  const [step, setStep] = useState<PenaltyStatus | null>(null);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState<number | null>(null);

  if (penalty.isError) return <QueryError error={penalty.error} onRetry={() => void penalty.refetch()} />;
  if (!penalty.data) return <Skeleton active />;
  const p = penalty.data;
  const confirm = () => {
    if (!step) return;
    move.mutate(
      {
        version: p.version,
        to: step,
        reason: step === 'withdrawn' ? reason : null,
        ...(step === 'decided' && amount !== null ? { amount } : {}),
      },
      {
        onSuccess: (r) => {
          message.success(`${penaltyStatusLabels[r.status]}${r.decisionNo && step === 'decided' ? `，文号 ${r.decisionNo}` : ''}`);
          setStep(null);
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  };

  return (
    <PageContainer
      title={p.decisionNo ?? `处罚案件 ${p.id}`}
      testId="enforcement-penalty-detail"
      extra={
        <>
          {canPenalize
            ? penaltyNext[p.status].map((to) => (
                <Button
                  key={to}
                  danger={to === 'withdrawn'}
                  type={to === 'withdrawn' ? 'default' : 'primary'}
                  onClick={() => {
                    setStep(to);
                    setReason('');
                    setAmount(p.amount);
                  }}
                >
                  {stepLabels[to]}
                </Button>
              ))
            : null}
          {p.decisionNo ? (
            <Button icon={<FileWordOutlined />} href={triadDocs.decision(p.id)}>
              行政处罚决定书
            </Button>
          ) : null}
        </>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="当事人">{p.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label="执法单位">{p.unitName}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <PenaltyStatusTag status={p.status} />
        </Descriptions.Item>
        <Descriptions.Item label="罚款金额">{yuan(p.amount)}</Descriptions.Item>
        <Descriptions.Item label="处罚依据" span={2}>
          <Flex vertical gap={2}>
            {p.legalBasis.map((c) => {
              const a = safetyLawArticle(c);
              return (
                <span key={c}>
                  《安全生产法》{a?.article ?? c}
                  {a ? <span className="muted">：{a.summary}</span> : null}
                </span>
              );
            })}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label="违法事实" span={2}>
          {p.facts}
        </Descriptions.Item>
        <Descriptions.Item label="标记">
          {p.majorHazard ? <Tag color="red">重大事故隐患</Tag> : null}
          {p.dualInquiry ? <Tag color="purple">一案双查</Tag> : null}
          {!p.majorHazard && !p.dualInquiry ? '—' : null}
        </Descriptions.Item>
        <Descriptions.Item label="关联">
          {p.orderId ? <Link to={`/enforcement/orders/${p.orderId}`}>整改指令书</Link> : null}{' '}
          {p.checkId ? <Link to={`/enforcement/checks/${p.checkId}`}>检查记录</Link> : null}{' '}
          {p.hazardId ? <Link to={`/hazards/${p.hazardId}`}>隐患</Link> : null}
          {!p.orderId && !p.checkId && !p.hazardId ? '—' : null}
        </Descriptions.Item>
        <Descriptions.Item label="立案日期">{p.filedOn}</Descriptions.Item>
        <Descriptions.Item label="决定日期">{p.decidedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="结案日期">{p.closedOn ?? '—'}</Descriptions.Item>
        {p.withdrawnReason ? <Descriptions.Item label="撤销理由">{p.withdrawnReason}</Descriptions.Item> : null}
      </Descriptions>
      <Modal
        open={step !== null}
        title={step ? stepLabels[step] : ''}
        onCancel={() => setStep(null)}
        onOk={confirm}
        confirmLoading={move.isPending}
        okButtonProps={{ disabled: step === 'withdrawn' && !reason.trim() }}
      >
        {step === 'withdrawn' ? (
          <Input.TextArea rows={3} placeholder="撤销理由（必填）" value={reason} onChange={(e) => setReason(e.target.value)} />
        ) : null}
        {step === 'decided' ? (
          <Flex vertical gap={8}>
            <span>决定罚款金额（元），确认后自动编制行政处罚决定书文号：</span>
            <InputNumber min={0} precision={2} value={amount} onChange={(v) => setAmount(v)} style={{ width: '100%' }} />
          </Flex>
        ) : null}
        {step && step !== 'withdrawn' && step !== 'decided' ? <span>确认将案件标记为“{penaltyStatusLabels[step]}”？</span> : null}
      </Modal>
    </PageContainer>
  );
}
