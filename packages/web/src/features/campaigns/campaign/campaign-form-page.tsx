import { type CampaignInput, campaignInput } from '@anzhi/core';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useUnitOptions } from '../../../lib/units-query.ts';
import { type CampaignDetail, useCampaign, useCreateCampaign, useObjectTypes, useUpdateCampaign } from './api.ts';
import {
  type CampaignFormValues,
  emptyCampaignForm,
  formValuesOf,
  issuesAsProblems,
  placeProblems,
  toCampaignInput,
} from './campaign-form-values.ts';
import { ChecklistBuilder } from './checklist-builder.tsx';
import { PlanLinkFields } from './plan-link-fields.tsx';
import { RoundsEditor } from './rounds-editor.tsx';
import { ScopeBuilder } from './scope-builder.tsx';

function UnitsField() {
  const units = useUnitOptions();
  return (
    <Form.Item name="unitIds" label="责任单位" extra="负责本专项检查的成员单位">
      <Select
        mode="multiple"
        allowClear
        loading={units.isPending}
        placeholder={units.isError ? '单位加载失败' : '选择成员单位'}
        optionFilterProp="label"
        options={(units.data ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))}
      />
    </Form.Item>
  );
}

/** The create page (`/campaigns/new`) and the edit page (`/campaigns/:id/edit`) share this form. */
function CampaignForm({ existing }: { existing?: CampaignDetail }) {
  const [form] = Form.useForm<CampaignFormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(existing?.id ?? 0);
  const types = useObjectTypes();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const initial = useMemo(() => (existing ? formValuesOf(existing) : emptyCampaignForm(dayjs())), [existing]);
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  const typeId = Form.useWatch('typeId', form) as number | null | undefined;
  const type = types.data?.find((t) => t.id === typeId);
  const locked = !!existing?.rounds.some((r) => r.status !== 'planned');
  const usedKeys = useMemo(() => existing?.checklist.map((i) => i.key) ?? [], [existing]);
  const saving = create.isPending || update.isPending;

  const showProblems = (problems: ReadonlyArray<{ path: string; message: string }>) => {
    const { placed, unplaced: rest } = placeProblems(problems);
    const fields = form.getFieldsError().map((f) => ({ name: f.name, errors: [] as string[] }));
    const byName = new Map<string, { name: Array<string | number>; errors: string[] }>();
    for (const p of placed) {
      const k = p.name.join('.');
      const entry = byName.get(k) ?? { name: p.name, errors: [] };
      entry.errors.push(p.message);
      byName.set(k, entry);
    }
    form.setFields([...fields, ...byName.values()] as Parameters<typeof form.setFields>[0]);
    setUnplaced(rest);
    return placed.length + rest.length;
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as CampaignFormValues;
    const parsed = campaignInput.safeParse(toCampaignInput(values));
    if (!parsed.success) {
      showProblems(issuesAsProblems(parsed.error.issues));
      message.error('请按提示修改后再保存');
      return;
    }
    showProblems([]);
    const input: CampaignInput = parsed.data;
    try {
      const saved = existing
        ? await update.mutateAsync({
            title: input.title,
            basis: input.basis,
            planTaskId: input.planTaskId,
            planTargetMetric: input.planTargetMetric,
            ...(locked ? {} : { scope: input.scope }),
            checklist: input.checklist,
            unitIds: input.unitIds,
            rounds: input.rounds,
            version: existing.version,
          })
        : await create.mutateAsync(input);
      message.success(existing ? '专项已保存' : '专项已创建');
      navigate(`/campaigns/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.fieldProblems.length) showProblems(error.fieldProblems);
      message.error(errorMessage(error));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="campaign-form" scrollToFirstError>
      <Flex vertical gap={12}>
        <Card size="small" title="基本信息">
          <Form.Item name="title" label="专项名称" required>
            <Input maxLength={80} placeholder="如 经营性自建房安全专项整治" data-testid="campaign-title" />
          </Form.Item>
          <Form.Item name="basis" label="依据">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="文件名称、文号或方案条目" />
          </Form.Item>
          <PlanLinkFields />
          <UnitsField />
        </Card>
        <Card size="small" title="检查范围">
          <ScopeBuilder types={types.data} typesLoading={types.isPending} locked={locked} />
        </Card>
        <Card size="small" title="检查内容">
          <ChecklistBuilder type={type} usedKeys={usedKeys} />
        </Card>
        <Card size="small" title="轮次安排">
          <RoundsEditor />
        </Card>
        {unplaced.length ? <Alert type="error" showIcon message="请修改以下问题" description={unplaced.join('；')} /> : null}
        <Flex gap={8} justify="end" className="form-actions">
          <Button onClick={() => navigate(existing ? `/campaigns/${existing.id}` : '/campaigns')}>取消</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="campaign-submit">
            {existing ? '保存' : '创建专项'}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

export function CampaignCreatePage() {
  return (
    <PageContainer title="新建专项整治" testId="campaign-create-page">
      <CampaignForm />
    </PageContainer>
  );
}

export function CampaignEditPage() {
  const id = Number(useParams().id);
  const campaign = useCampaign(Number.isInteger(id) && id > 0 ? id : undefined);
  let body: React.ReactNode;
  if (!Number.isInteger(id) || id <= 0) body = <Result status="404" title="专项不存在" />;
  else if (campaign.isError) body = <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  else if (!campaign.data) body = <Spin />;
  else if (campaign.data.status === 'closed') body = <Result status="info" title="专项已结束，不能再修改" />;
  else body = <CampaignForm existing={campaign.data} />;
  return (
    <PageContainer title={campaign.data ? `修改专项：${campaign.data.title}` : '修改专项'} testId="campaign-edit-page">
      {body}
    </PageContainer>
  );
}
