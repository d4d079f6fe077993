import { Form, Select } from 'antd';
import { useCan } from '../../../lib/session.ts';
import { usePlanTasks, usePublishedPlans } from './api.ts';
import type { CampaignFormValues } from './campaign-form-values.ts';

/**
 * 关联方案任务: a task of a published plan and which of its quantitative targets the campaign's 销号 count answers
 * ("完成1栋经营性自建房整治销号"); the task's monthly dispatch is then prefilled with the campaign's figures.
 */
export function PlanLinkFields() {
  const form = Form.useFormInstance<CampaignFormValues>();
  const canReadPlans = useCan('plan.read');
  const planId = Form.useWatch('planId', form) as number | null | undefined;
  const taskId = Form.useWatch('planTaskId', form) as number | null | undefined;
  const plans = usePublishedPlans(canReadPlans);
  const tasks = usePlanTasks(planId);
  const task = tasks.data?.find((t) => t.id === taskId);
  const targets = task?.targets ?? [];

  if (!canReadPlans) return null;
  return (
    <>
      <Form.Item name="planId" label="行动方案" extra="可选：关联后，专项的检查与销号数据自动填入该任务的月调度">
        <Select
          allowClear
          loading={plans.isPending}
          placeholder={plans.isError ? '方案加载失败' : '不关联'}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
          optionFilterProp="label"
          showSearch
          onChange={() => form.setFieldsValue({ planTaskId: null, planTargetMetric: null })}
        />
      </Form.Item>
      {planId ? (
        <Form.Item name="planTaskId" label="方案任务">
          <Select
            allowClear
            showSearch
            loading={tasks.isPending}
            placeholder={tasks.isError ? '任务加载失败' : '选择任务'}
            optionFilterProp="label"
            options={(tasks.data ?? []).map((t) => ({ value: t.id, label: `${t.ordinal ? `${t.ordinal} ` : ''}${t.title}` }))}
            onChange={() => form.setFieldValue('planTargetMetric', null)}
          />
        </Form.Item>
      ) : null}
      {taskId ? (
        <Form.Item
          name="planTargetMetric"
          label="对应量化目标"
          extra={targets.length ? '整治销号数计入该目标' : '该任务没有量化目标，销号数按“整治销号”报送'}
        >
          <Select
            allowClear
            disabled={!targets.length}
            placeholder="不对应"
            options={targets.map((t) => ({ value: t.metric, label: `${t.metric}：${t.raw}` }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
