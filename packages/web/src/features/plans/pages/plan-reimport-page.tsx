import { CheckOutlined, RedoOutlined } from '@ant-design/icons';
import type { PlanReimportResult } from '@anzhi/core';
import { Alert, App, Button, Card, Flex, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { type PlanSource, useReimportPlan } from '../api.ts';
import { PlanDiffView } from '../components/plan-diff-view.tsx';
import { importProblem, PlanSourcePicker } from '../components/plan-source-picker.tsx';
import { STALE_MESSAGE } from '../components/use-draft-save.ts';
import '../plans.css';

type Stage = { step: 'choose' } | { step: 'preview'; source: PlanSource; result: PlanReimportResult };

/** A revised document for an existing plan: compare first, apply only what the clerk has seen. */
export function PlanReimportPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reimport = useReimportPlan(id);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);

  if (!(id > 0)) return <Result status="404" title="方案不存在" />;

  const onSource = (source: PlanSource) => {
    setError(null);
    reimport.mutate(
      { source, apply: false },
      { onSuccess: (result) => setStage({ step: 'preview', source, result }), onError: (e) => setError(importProblem(e)) },
    );
  };

  const apply = () => {
    if (stage.step !== 'preview') return;
    setError(null);
    reimport.mutate(
      { source: stage.source, apply: true, version: stage.result.plan.version },
      {
        onSuccess: (result) => {
          message.success('修订稿已应用');
          navigate(result.plan.status === 'draft' ? `/plans/${id}/review` : `/plans/${id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            setError(`${STALE_MESSAGE}：方案在比对后被修改过，请重新选择文件比对。`);
            setStage({ step: 'choose' });
            return;
          }
          setError(importProblem(e));
        },
      },
    );
  };

  const diff = stage.step === 'preview' ? stage.result.diff : null;
  const published = stage.step === 'preview' && stage.result.plan.status === 'published';
  return (
    <PageContainer title="导入修订稿" testId="plan-reimport-page">
      <Card>
        <Steps
          current={stage.step === 'choose' ? 0 : 1}
          style={{ marginBottom: 24 }}
          items={[{ title: '选择修订后的方案' }, { title: '核对变化并应用' }]}
        />
        {stage.step === 'choose' ? (
          <PlanSourcePicker busy={reimport.isPending} busyText="正在识别并与现有方案比对…" error={error} onSource={onSource} />
        ) : (
          <Flex vertical gap={16}>
            <Typography.Text type="secondary">
              方案：{stage.result.plan.title}
              {stage.source.kind === 'file' ? ` · 修订稿：${stage.source.file.name}` : ''}
            </Typography.Text>
            {diff ? <PlanDiffView diff={diff} /> : null}
            {published ? (
              <Alert
                type="info"
                showIcon
                title="方案已发布"
                description="应用后，保留下来的任务及其填报记录不变，删除的任务不再调度。修订稿中出现的新单位名称，请随后在“修改任务”中核对对应单位。"
              />
            ) : null}
            {error ? <Alert type="error" showIcon title="应用失败" description={error} /> : null}
            <Flex gap={8} wrap>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={reimport.isPending}
                onClick={apply}
                disabled={!!diff && !diff.added.length && !diff.removed.length && !diff.changed.length}
                data-testid="plan-reimport-apply"
              >
                应用这些变化
              </Button>
              <Button icon={<RedoOutlined />} onClick={() => setStage({ step: 'choose' })} disabled={reimport.isPending}>
                重新选择文件
              </Button>
            </Flex>
          </Flex>
        )}
      </Card>
    </PageContainer>
  );
}
