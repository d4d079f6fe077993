import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { useReportReward, useRewardStep, yuan } from '../reward-api.ts';
import { RewardStatusTag } from './reward-status-tag.tsx';

type Dialog = 'propose' | 'approve' | 'decline' | 'pay' | null;

/**
 * The reward of a report on its detail page (rewards part, issue 15): the computed proposal with its rule and figures,
 * then 生成奖励建议 / 批准 / 不予奖励 / 登记发放 by permission and status, and the claim deadline. No identity here.
 */
export function ReportRewardPanel(props: { reportId: number }) {
  const { message } = App.useApp();
  const canReward = useCan('report.reward');
  const q = useReportReward(props.reportId);
  const step = useRewardStep(props.reportId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();

  if (q.isPending)
    return (
      <Card title="举报奖励">
        <Skeleton active />
      </Card>
    );
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} title="奖励信息加载失败" />;
  const { reward, proposal } = q.data;

  const open = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog === 'propose') await step.mutateAsync({ step: 'propose', body: { fineAmount: v.fineAmount ?? undefined } });
      if (dialog === 'approve' && reward)
        await step.mutateAsync({
          step: 'approve',
          body: { version: reward.version, amount: v.amount ?? undefined, note: v.note || undefined },
        });
      if (dialog === 'decline' && reward) await step.mutateAsync({ step: 'decline', body: { version: reward.version, reason: v.reason } });
      if (dialog === 'pay' && reward)
        await step.mutateAsync({
          step: 'pay',
          body: { version: reward.version, paidOn: v.paidOn.format('YYYY-MM-DD'), paymentRef: v.paymentRef },
        });
      message.success('已保存');
      setDialog(null);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const canPropose = canReward && !proposal.ineligible && (!reward || reward.status === 'proposed');
  const actions = canReward && (
    <Flex gap={8} wrap>
      {canPropose && (
        <Button size="large" onClick={() => open('propose')}>
          {reward ? '重新计算' : '生成奖励建议'}
        </Button>
      )}
      {reward?.status === 'proposed' && (
        <>
          <Button size="large" type="primary" onClick={() => open('approve')}>
            批准
          </Button>
          <Button size="large" danger onClick={() => open('decline')}>
            不予奖励
          </Button>
        </>
      )}
      {reward?.status === 'approved' && (
        <Button size="large" type="primary" onClick={() => open('pay')}>
          登记发放
        </Button>
      )}
    </Flex>
  );

  return (
    <Card title="举报奖励" extra={reward && <RewardStatusTag status={reward.status} />} data-testid="report-reward-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        {proposal.ineligible && <Alert type="warning" showIcon message={`不予奖励：${proposal.ineligible}`} />}
        {!proposal.ineligible && !reward && (
          <Alert
            type={proposal.eligible ? 'info' : 'warning'}
            showIcon
            message={proposal.eligible ? `系统计算：${proposal.rule}` : `暂不能计算奖励：${proposal.reason}`}
            description={
              proposal.fineSource === 'penalty' ? '罚款金额取自关联的行政处罚案件' : '未关联已作出决定的处罚案件，生成建议时可填写罚款金额'
            }
          />
        )}
        {reward && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="计算依据">{reward.rule}</Descriptions.Item>
            <Descriptions.Item label="计算金额">{yuan(reward.computedAmount)}</Descriptions.Item>
            {reward.amount != null && <Descriptions.Item label="批准金额">{yuan(reward.amount)}</Descriptions.Item>}
            {reward.decisionNote && <Descriptions.Item label="审批说明">{reward.decisionNote}</Descriptions.Item>}
            {reward.claimDueOn && (
              <Descriptions.Item label="领取期限">{`${reward.notifiedOn} 通知，${reward.claimDueOn} 前领取`}</Descriptions.Item>
            )}
            {reward.paidOn && <Descriptions.Item label="发放">{`${reward.paidOn}，凭证号 ${reward.paymentRef}`}</Descriptions.Item>}
          </Descriptions>
        )}
        {actions}
      </Space>
      <Modal
        open={dialog !== null}
        title={{ propose: '生成奖励建议', approve: '批准奖励', decline: '不予奖励', pay: '登记发放' }[dialog ?? 'propose']}
        okText="确定"
        cancelText="取消"
        confirmLoading={step.isPending}
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === 'propose' && proposal.fineSource !== 'penalty' && proposal.matter !== 'concealedAccident' && (
            <Form.Item name="fineAmount" label="罚款金额（元）" extra="未关联已作出决定的处罚案件时填写">
              <InputNumber min={0} style={{ width: '100%' }} size="large" />
            </Form.Item>
          )}
          {dialog === 'propose' && (
            <Typography.Paragraph type="secondary">系统按本乡镇的举报奖励标准计算，批准前可调整金额并说明理由。</Typography.Paragraph>
          )}
          {dialog === 'approve' && reward && (
            <>
              <Form.Item name="amount" label="批准金额（元）" initialValue={reward.computedAmount}>
                <InputNumber min={0} style={{ width: '100%' }} size="large" />
              </Form.Item>
              <Form.Item name="note" label="说明" extra="批准金额与计算金额不同时必须填写">
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          )}
          {dialog === 'decline' && (
            <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写不予奖励的理由' }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
          {dialog === 'pay' && (
            <>
              <Form.Item name="paidOn" label="发放日期" initialValue={dayjs()} rules={[{ required: true, message: '请选择发放日期' }]}>
                <DatePicker style={{ width: '100%' }} size="large" />
              </Form.Item>
              <Form.Item name="paymentRef" label="凭证号" rules={[{ required: true, message: '请填写发放凭证号' }]}>
                <Input size="large" maxLength={100} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
