import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { industryDivisions } from '@anzhi/core';
import { Button, Card, Cascader, Checkbox, Form, Input, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import type { EnterpriseFilterKey, EnterpriseFilters } from '../enterprise-filters.ts';
import { domainOptions, flagOptions, industryOptions, riskOptions, statusOptions } from '../enterprise-labels.ts';

interface SearchValues {
  q?: string;
  regionCode?: string | null;
  industry?: string[];
  domain?: string;
  flags?: string[];
  supervisingUnitId?: number | null;
  riskLevel?: string;
  status?: string;
  missingInsurance?: boolean;
  standardisationExpiring?: boolean;
  highRiskMissingResponsibles?: boolean;
  smallVenue?: boolean;
}

function toValues(f: EnterpriseFilters): SearchValues {
  const division = f.industryCode ? industryDivisions[f.industryCode] : undefined;
  return {
    q: f.q,
    regionCode: f.regionCode,
    industry: division && f.industryCode ? [division.section, f.industryCode] : f.industrySection ? [f.industrySection] : undefined,
    domain: f.domain,
    flags: f.flags ? f.flags.split(',') : undefined,
    supervisingUnitId: f.supervisingUnitId ? Number(f.supervisingUnitId) : undefined,
    riskLevel: f.riskLevel,
    status: f.status,
    missingInsurance: f.missingInsurance === 'true',
    standardisationExpiring: f.standardisationExpiring === 'true',
    highRiskMissingResponsibles: f.highRisk === 'true' && f.missingResponsibles === 'true',
    smallVenue: f.smallVenue === 'true',
  };
}

const flag = (on: boolean | undefined) => (on ? 'true' : undefined);

function toFilters(v: SearchValues, sort: string | undefined): EnterpriseFilters {
  const [section, division] = v.industry ?? [];
  return {
    q: v.q?.trim() || undefined,
    regionCode: v.regionCode ?? undefined,
    industrySection: section && !division ? section : undefined,
    industryCode: division,
    domain: v.domain,
    flags: v.flags?.length ? v.flags.join(',') : undefined,
    supervisingUnitId: v.supervisingUnitId ? String(v.supervisingUnitId) : undefined,
    riskLevel: v.riskLevel,
    status: v.status,
    missingInsurance: flag(v.missingInsurance),
    standardisationExpiring: flag(v.standardisationExpiring),
    highRisk: flag(v.highRiskMissingResponsibles),
    missingResponsibles: flag(v.highRiskMissingResponsibles),
    smallVenue: flag(v.smallVenue),
    sort,
  };
}

const advancedKeys: readonly EnterpriseFilterKey[] = ['industrySection', 'industryCode', 'flags', 'supervisingUnitId', 'status'];
/** On a phone only the keyword stays open; everything else folds away. */
const phoneAdvancedKeys: readonly EnterpriseFilterKey[] = [
  ...advancedKeys,
  'regionCode',
  'domain',
  'riskLevel',
  'missingInsurance',
  'standardisationExpiring',
  'highRisk',
  'missingResponsibles',
  'smallVenue',
];

interface EnterpriseSearchFormProps {
  filters: EnterpriseFilters;
  onSearch: (filters: EnterpriseFilters) => void;
}

/**
 * The ledger's columns as filters; the less used ones fold away unless one of them is set. Laid out like the shared
 * search form, with test ids on the keyword box and the submit button.
 */
export function EnterpriseSearchForm({ filters, onSearch }: EnterpriseSearchFormProps) {
  const [form] = Form.useForm<SearchValues>();
  const values = useMemo(() => toValues(filters), [filters]);
  const canPickUnit = useCan('unit.read');
  const canPickRegion = useCan('region.read');
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const folded = isMobile ? phoneAdvancedKeys : advancedKeys;
  const advancedSet = folded.some((k) => filters[k]);
  const showAdvanced = expanded || advancedSet;
  const showBasic = !isMobile || showAdvanced;

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values);
  }, [form, values]);

  return (
    <Card size="small" className="search-form">
      <Form form={form} layout="inline" onFinish={(v) => onSearch(toFilters(v, filters.sort))} className="search-form-body">
        <Form.Item name="q" label="关键词">
          <Input
            placeholder="名称、信用代码、地址、负责人或拼音首字母"
            allowClear
            style={{ width: isMobile ? '100%' : 300 }}
            data-testid="enterprise-search-input"
          />
        </Form.Item>
        {canPickRegion ? (
          <Form.Item name="regionCode" label="所属区划" hidden={!showBasic}>
            <RegionTreeSelect placeholder="全部区划" />
          </Form.Item>
        ) : null}
        <Form.Item name="domain" label="行业领域" hidden={!showBasic}>
          <Select options={domainOptions} placeholder="全部领域" allowClear showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="riskLevel" label="风险等级" hidden={!showBasic}>
          <Select options={riskOptions} placeholder="全部等级" allowClear />
        </Form.Item>
        <Form.Item name="industry" label="行业门类/大类" hidden={!showAdvanced}>
          <Cascader
            options={industryOptions}
            changeOnSelect
            showSearch
            placeholder="GB/T 4754 门类或大类"
            popupMatchSelectWidth={false}
            style={{ minWidth: 220 }}
          />
        </Form.Item>
        <Form.Item name="flags" label="重点标签" hidden={!showAdvanced}>
          <Select
            mode="multiple"
            options={flagOptions}
            placeholder="同时具有所选标签"
            allowClear
            maxTagCount="responsive"
            style={{ minWidth: 220 }}
          />
        </Form.Item>
        {canPickUnit ? (
          <Form.Item name="supervisingUnitId" label="监管单位" hidden={!showAdvanced}>
            <UnitSelect placeholder="全部单位" style={{ minWidth: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="status" label="经营状态" hidden={!showAdvanced}>
          <Select options={statusOptions} placeholder="全部状态" allowClear />
        </Form.Item>
        <Form.Item label="预警" className="enterprise-toggles" hidden={!showBasic}>
          <Form.Item name="missingInsurance" valuePropName="checked" noStyle>
            <Checkbox>缺安责险</Checkbox>
          </Form.Item>
          <Form.Item name="standardisationExpiring" valuePropName="checked" noStyle>
            <Checkbox>标准化将到期</Checkbox>
          </Form.Item>
          <Form.Item name="highRiskMissingResponsibles" valuePropName="checked" noStyle>
            <Checkbox>高危缺三个责任人</Checkbox>
          </Form.Item>
          <Form.Item name="smallVenue" valuePropName="checked" noStyle>
            <Checkbox>九小场所</Checkbox>
          </Form.Item>
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="enterprise-search-submit">
              查询
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onSearch({ sort: filters.sort });
              }}
            >
              重置
            </Button>
            <Button
              type="link"
              icon={showAdvanced ? <UpOutlined /> : <DownOutlined />}
              iconPlacement="end"
              onClick={() => setExpanded(!showAdvanced)}
              disabled={advancedSet}
            >
              {showAdvanced ? '收起' : '更多筛选'}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
