import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import type { HazardFilterKey, HazardFilters } from '../hazard-filters.ts';
import { channelOptions, domainOptions, gradeOptions, progressOptions } from '../hazard-labels.ts';

interface SearchValues {
  q?: string;
  progress?: string;
  grade?: string;
  channel?: string;
  regionCode?: string | null;
  domain?: string;
  supervisingUnitId?: number | null;
  found?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
  supervised?: boolean;
}

/** The filters this form edits; the others (from a statistic's click-through) are kept and shown as tags. */
export const formFilterKeys: readonly HazardFilterKey[] = [
  'q',
  'status',
  'open',
  'grade',
  'channel',
  'regionCode',
  'domain',
  'supervisingUnitId',
  'foundFrom',
  'foundTo',
  'overdue',
  'supervised',
];

function toValues(f: HazardFilters): SearchValues {
  const progress = f.open ? `open:${f.open}` : f.status;
  return {
    q: f.q,
    progress,
    grade: f.grade,
    channel: f.channel,
    regionCode: f.regionCode,
    domain: f.domain,
    supervisingUnitId: f.supervisingUnitId ? Number(f.supervisingUnitId) : undefined,
    found: f.foundFrom || f.foundTo ? [f.foundFrom ? dayjs(f.foundFrom) : null, f.foundTo ? dayjs(f.foundTo) : null] : null,
    overdue: f.overdue === 'true',
    supervised: f.supervised === 'true',
  };
}

const flag = (on: boolean | undefined) => (on ? 'true' : undefined);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function toFilters(v: SearchValues): HazardFilters {
  const open = v.progress?.startsWith('open:') ? v.progress.slice(5) : undefined;
  return {
    q: v.q?.trim() || undefined,
    open,
    status: open ? undefined : v.progress,
    grade: v.grade,
    channel: v.channel,
    regionCode: v.regionCode ?? undefined,
    domain: v.domain,
    supervisingUnitId: v.supervisingUnitId ? String(v.supervisingUnitId) : undefined,
    foundFrom: day(v.found?.[0]),
    foundTo: day(v.found?.[1]),
    overdue: flag(v.overdue),
    supervised: flag(v.supervised),
  };
}

/** On a phone only the keyword and 办理状态 stay open; the rest folds away unless one of them is set. */
const phoneFolded: readonly HazardFilterKey[] = [
  'grade',
  'channel',
  'regionCode',
  'domain',
  'supervisingUnitId',
  'foundFrom',
  'foundTo',
  'overdue',
  'supervised',
];
const deskFolded: readonly HazardFilterKey[] = ['domain', 'supervisingUnitId', 'foundFrom', 'foundTo'];

interface HazardSearchFormProps {
  filters: HazardFilters;
  onSearch: (filters: HazardFilters) => void;
  onReset: () => void;
}

export function HazardSearchForm({ filters, onSearch, onReset }: HazardSearchFormProps) {
  const [form] = Form.useForm<SearchValues>();
  const values = useMemo(() => toValues(filters), [filters]);
  const canPickRegion = useCan('region.read');
  const canPickUnit = useCan('unit.read');
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const folded = isMobile ? phoneFolded : deskFolded;
  const foldedSet = folded.some((k) => filters[k]);
  const showFolded = expanded || foldedSet;
  const show = (key: HazardFilterKey) => showFolded || !folded.includes(key);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values);
  }, [form, values]);

  return (
    <Card size="small" className="search-form">
      <Form form={form} layout="inline" onFinish={(v) => onSearch(toFilters(v))} className="search-form-body">
        <Form.Item name="q" label="关键词">
          <Input
            placeholder="编号、隐患名称或描述"
            allowClear
            style={{ width: isMobile ? '100%' : 240 }}
            data-testid="hazard-search-input"
          />
        </Form.Item>
        <Form.Item name="progress" label="办理状态">
          <Select options={progressOptions} placeholder="全部" allowClear popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item name="grade" label="隐患等级" hidden={!show('grade')}>
          <Select options={gradeOptions} placeholder="全部等级" allowClear />
        </Form.Item>
        <Form.Item name="channel" label="隐患来源" hidden={!show('channel')}>
          <Select options={channelOptions} placeholder="全部来源" allowClear />
        </Form.Item>
        {canPickRegion ? (
          <Form.Item name="regionCode" label="村（社区）" hidden={!show('regionCode')}>
            <RegionTreeSelect placeholder="全部区划" />
          </Form.Item>
        ) : null}
        <Form.Item name="domain" label="行业领域" hidden={!show('domain')}>
          <Select options={domainOptions} placeholder="全部领域" allowClear showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {canPickUnit ? (
          <Form.Item name="supervisingUnitId" label="监管单位" hidden={!show('supervisingUnitId')}>
            <UnitSelect placeholder="全部单位" style={{ minWidth: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="found" label="发现日期" hidden={!show('foundFrom')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: isMobile ? '100%' : 240 }} />
        </Form.Item>
        <Form.Item label="重点" className="hazard-toggles" hidden={!show('overdue')}>
          <Form.Item name="overdue" valuePropName="checked" noStyle>
            <Checkbox data-testid="hazard-filter-overdue">已逾期</Checkbox>
          </Form.Item>
          <Form.Item name="supervised" valuePropName="checked" noStyle>
            <Checkbox>挂牌督办</Checkbox>
          </Form.Item>
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="hazard-search-submit">
              查询
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onReset();
              }}
            >
              重置
            </Button>
            <Button
              type="link"
              icon={showFolded ? <UpOutlined /> : <DownOutlined />}
              iconPlacement="end"
              onClick={() => setExpanded(!showFolded)}
              disabled={foldedSet}
            >
              {showFolded ? '收起' : '更多筛选'}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
