import { enterpriseFlags, industrySections, supervisionDomains } from '@anzhi/core';
import { Alert, Form, Radio, Select, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useRegionList } from '../../../lib/regions-query.ts';
import type { ObjectType } from './api.ts';
import type { CampaignFormValues } from './campaign-form-values.ts';
import { scopeSummary } from './campaign-view.ts';

const domainOptions = supervisionDomains.map(([value, label]) => ({ value, label }));
const flagOptions = enterpriseFlags.map(([value, label]) => ({ value, label }));
const sectionOptions = industrySections.map(([value, label]) => ({ value, label: `${value} ${label}` }));

/** Villages and communities of the caller's township, by name. */
function useVillageOptions() {
  const regions = useRegionList();
  const options = useMemo(
    () =>
      (regions.data ?? [])
        .filter((r) => r.level === 'village' && !r.abolished)
        .map((r) => ({ value: r.code, label: r.name }))
        .sort((a, b) => a.value.localeCompare(b.value)),
    [regions.data],
  );
  const names = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);
  return { options, names, loading: regions.isPending };
}

interface ScopeBuilderProps {
  types: ObjectType[] | undefined;
  typesLoading: boolean;
  /** Fixed once a round opened (the server refuses a change). */
  locked: boolean;
}

/**
 * 检查范围: a registry filter (行业领域 any of, 企业标签 all of, 门类 any of, villages, 九小场所) or one 专项台账 type in
 * some villages; the line under it says in words what was picked. No endpoint counts the targets before saving, so
 * the ledger choice shows the type's object count and the detail page the exact figure.
 */
export function ScopeBuilder({ types, typesLoading, locked }: ScopeBuilderProps) {
  const form = Form.useFormInstance<CampaignFormValues>();
  const values = Form.useWatch([], form) as CampaignFormValues | undefined;
  const villages = useVillageOptions();
  const kind = values?.scopeKind ?? 'ledger';
  const type = types?.find((t) => t.id === values?.typeId);
  const summary = scopeSummary(
    kind === 'ledger'
      ? { kind, typeId: values?.typeId ?? 0, villageCodes: values?.villageCodes ?? [] }
      : {
          kind,
          domains: values?.domains ?? [],
          flags: values?.flags ?? [],
          industrySections: values?.industrySections ?? [],
          villageCodes: values?.villageCodes ?? [],
          smallVenues: !!values?.smallVenues,
        },
    { typeName: type?.name ?? '（未选择类型）', regionNames: villages.names },
  );

  return (
    <>
      {locked ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message="已有轮次开始，检查范围不能再修改" /> : null}
      <Form.Item name="scopeKind" label="检查对象来自">
        <Radio.Group
          disabled={locked}
          optionType="button"
          options={[
            { value: 'ledger', label: '专项台账' },
            { value: 'registry', label: '企业名录筛选' },
          ]}
        />
      </Form.Item>
      {kind === 'ledger' ? (
        <Form.Item name="typeId" label="台账类型" rules={[{ required: true, message: '请选择专项台账类型' }]}>
          <Select
            disabled={locked}
            loading={typesLoading}
            placeholder="如 经营性自建房、有限空间"
            data-testid="campaign-type"
            options={(types ?? [])
              .filter((t) => !t.archived || t.id === values?.typeId)
              .map((t) => ({ value: t.id, label: `${t.name}（本范围 ${t.objectCount} ${t.counter}）` }))}
            notFoundContent={typesLoading ? '加载中…' : '还没有专项台账类型'}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="domains" label="行业领域" extra="任一领域即可；不选为全部领域">
            <Select mode="multiple" allowClear disabled={locked} options={domainOptions} optionFilterProp="label" placeholder="全部领域" />
          </Form.Item>
          <Form.Item name="flags" label="企业标签" extra="须同时具有所选标签">
            <Select mode="multiple" allowClear disabled={locked} options={flagOptions} optionFilterProp="label" placeholder="不限" />
          </Form.Item>
          <Form.Item name="industrySections" label="国民经济门类">
            <Select mode="multiple" allowClear disabled={locked} options={sectionOptions} optionFilterProp="label" placeholder="不限" />
          </Form.Item>
          <Form.Item name="smallVenues" label="含九小场所" valuePropName="checked">
            <Switch disabled={locked} />
          </Form.Item>
        </>
      )}
      <Form.Item name="villageCodes" label="村（社区）" extra="不选为全镇">
        <Select
          mode="multiple"
          allowClear
          disabled={locked}
          loading={villages.loading}
          options={villages.options}
          optionFilterProp="label"
          placeholder="全镇"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" data-testid="campaign-scope-summary">
        范围：{summary}
      </Typography.Paragraph>
    </>
  );
}
