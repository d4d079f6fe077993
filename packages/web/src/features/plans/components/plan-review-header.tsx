import { DeleteOutlined, DiffOutlined, LineChartOutlined, SendOutlined } from '@ant-design/icons';
import { hasLead, type PlanDraft, planStatusLabels } from '@anzhi/core';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LinkButton } from '../../../components/link-button.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { plansKey, useDeleteDraft, usePatchDraft, usePublishPlan } from '../api.ts';
import { STALE_MESSAGE } from './use-draft-save.ts';

/** The first few lines of a long list, the rest behind a toggle: the page under it is the work. */
function ShortList({ items, testId }: { items: string[]; testId: string }) {
  const [open, setOpen] = useState(false);
  const shown = open ? items : items.slice(0, 3);
  return (
    <ul className="plan-problems" data-testid={testId}>
      {shown.map((p) => (
        <li key={p}>{p}</li>
      ))}
      {items.length > 3 ? (
        <li className="plan-problems-toggle">
          <Typography.Link onClick={() => setOpen(!open)}>{open ? '收起' : `展开其余 ${items.length - 3} 条`}</Typography.Link>
        </li>
      ) : null}
    </ul>
  );
}

/** The draft's name and state, what still blocks publishing, and the three ways out: publish, re-import, discard. */
export function PlanReviewHeader({ draft, onShowUnits }: { draft: PlanDraft; onShowUnits: () => void }) {
  const { plan, problems, warnings } = draft;
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const publish = usePublishPlan(plan.id);
  const remove = useDeleteDraft(plan.id);
  const patch = usePatchDraft(plan.id);
  const published = plan.status === 'published';
  // Tasks nobody leads block publishing (core hasLead, the server's rule); the office can take them in one click.
  const unled = draft.nodes.filter((n) => n.kind === 'task' && !hasLead(n)).length;
  const namesSettled = draft.mappings.every((m) => m.decided || m.taskCount === 0);
  const toOffice = () =>
    patch.mutateAsync({ version: plan.version, assignUnledToOffice: true }).then(() => {
      message.success(`${unled} 项任务已交由${draft.officeUnit?.name ?? '安委办'}牵头`);
    }, onError);

  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      message.warning(`${STALE_MESSAGE}：已重新载入最新内容`);
      void queryClient.invalidateQueries({ queryKey: [...plansKey, 'draft', plan.id] });
      return;
    }
    message.error(errorMessage(e));
  };

  const doPublish = () =>
    modal.confirm({
      title: '发布方案？',
      content: `发布后，${draft.nodes.filter((n) => n.kind === 'task').length} 项任务将下发到各责任单位，纳入月调度和五色图考评。`,
      okText: '发布',
      cancelText: '再看看',
      onOk: () =>
        publish.mutateAsync(plan.version).then(() => {
          message.success('方案已发布');
          navigate(`/plans/${plan.id}`);
        }, onError),
    });

  return (
    <Flex vertical gap={12} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Flex gap={8} align="center" wrap>
            <Tag color={published ? 'green' : 'gold'}>{planStatusLabels[plan.status]}</Tag>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-review-title">
              {plan.title}
            </Typography.Title>
          </Flex>
          <span className="muted">
            {[plan.docNumber, plan.issuer, plan.sourceFileName ? `来源：${plan.sourceFileName}` : null].filter(Boolean).join(' · ')}
          </span>
        </Flex>
        <Flex gap={8} wrap>
          <LinkButton to={`/plans/${plan.id}/reimport`} icon={<DiffOutlined />}>
            导入修订稿
          </LinkButton>
          {published ? (
            <LinkButton type="primary" to={`/plans/${plan.id}`} icon={<LineChartOutlined />}>
              查看进度
            </LinkButton>
          ) : (
            <>
              <Popconfirm
                title="删除这份草稿？"
                description="识别结果和您的修改都会删除，方案文件需重新导入。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() =>
                  remove.mutateAsync(plan.version).then(() => {
                    message.success('草稿已删除');
                    navigate('/plans');
                  }, onError)
                }
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  删除草稿
                </Button>
              </Popconfirm>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={problems.length > 0}
                loading={publish.isPending}
                onClick={doPublish}
                data-testid="plan-publish"
              >
                发布
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      {published ? <Alert type="info" showIcon title="方案已发布：这里的修改保存后立即生效，各单位的月调度随之调整。" /> : null}
      {problems.length ? (
        <Alert
          type="warning"
          showIcon
          title={`发布前还需处理 ${problems.length} 个问题`}
          description={<ShortList items={problems} testId="plan-problems" />}
          action={
            !namesSettled ? (
              <Button size="small" onClick={onShowUnits}>
                去核对单位
              </Button>
            ) : unled > 0 && draft.officeUnit ? (
              <Popconfirm
                title={`将 ${unled} 项未指定牵头单位的任务交由安委办牵头？`}
                description={`牵头单位设为${draft.officeUnit.name}（安委办所在单位），由其报送月调度。`}
                okText="交由安委办牵头"
                cancelText="取消"
                onConfirm={toOffice}
              >
                <Button size="small" loading={patch.isPending} data-testid="plan-unled-to-office">
                  未指定的交由安委办牵头
                </Button>
              </Popconfirm>
            ) : null
          }
        />
      ) : published || unled > 0 ? null : (
        <Alert type="success" showIcon title="核对完毕即可发布" />
      )}
      {warnings.length ? (
        <Alert
          type="info"
          showIcon
          title={published ? `${warnings.length} 条提示` : `另有 ${warnings.length} 条提示（不影响发布）`}
          description={<ShortList items={warnings} testId="plan-warnings" />}
        />
      ) : null}
    </Flex>
  );
}
