import { smallVenueTypeLabels, smallVenueTypes, type VenueCreateBody, venueCreateBody } from '@anzhi/core';
import { Alert, App, Button, Drawer, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { parseForm, showSubmitError } from '../../../lib/form-errors.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useLandlordOptions, useRegisterVenue } from './api.ts';

const fields = ['name', 'smallVenueType', 'address', 'regionCode', 'principal', 'principalPhone', 'landlordId'] as const;
interface Existing {
  id: number;
  name: string;
  address: string | null;
}

function LandlordSelect({ value, onChange, id }: { value?: number | null; onChange?: (v: number | null) => void; id?: string }) {
  const [q, setQ] = useState('');
  const options = useLandlordOptions(q);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      filterOption={false}
      onSearch={setQ}
      loading={options.isFetching}
      placeholder="输入名称搜索出租方或经营者企业（可不填）"
      notFoundContent={q ? (options.isFetching ? '搜索中…' : '没有找到') : '请输入名称'}
      options={(options.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}${e.regionName ? `（${e.regionName}）` : ''}` }))}
    />
  );
}

/** 小场所快速登记: the grid worker's light form (phone-first), a registry row in the end. */
export function VenueRegisterDrawer({ open, onClose, defaultRegion }: { open: boolean; onClose: () => void; defaultRegion?: string }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const register = useRegisterVenue();
  const [existing, setExisting] = useState<Existing | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setExisting(null);
    const body = parseForm<VenueCreateBody>(venueCreateBody, values, form, fields);
    if (!body) return;
    try {
      const created = await register.mutateAsync(body);
      message.success(`已登记：${created.name}`);
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'dual.venue_duplicate_name') {
        setExisting((e.details as { existing?: Existing } | undefined)?.existing ?? null);
        form.setFields([{ name: 'name', errors: ['本村已登记同名场所'] }]);
        return;
      }
      showSubmitError(e, form, fields, (m) => void message.error(m));
    }
  };

  return (
    <Drawer
      title="小场所快速登记"
      open={open}
      onClose={onClose}
      width={isMobile ? '100%' : 480}
      destroyOnHidden
      footer={
        <Button type="primary" block size="large" loading={register.isPending} onClick={() => form.submit()} data-testid="venue-submit">
          登记
        </Button>
      }
    >
      {existing ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`本村已登记“${existing.name}”（编号 ${existing.id}）`}
          description={existing.address ? `地址：${existing.address}。如是同一场所，请勿重复登记。` : '如是同一场所，请勿重复登记。'}
        />
      ) : null}
      <Form form={form} layout="vertical" size="large" onFinish={submit} initialValues={{ regionCode: defaultRegion }}>
        <Form.Item name="name" label="场所名称" required>
          <Input maxLength={100} placeholder="如：东村好邻居便利店" />
        </Form.Item>
        <Form.Item name="smallVenueType" label="场所类型" required>
          <Select placeholder="请选择" options={smallVenueTypes.map(([value]) => ({ value, label: smallVenueTypeLabels[value] }))} />
        </Form.Item>
        <Form.Item name="regionCode" label="所在村（网格）" required>
          <RegionTreeSelect placeholder="请选择村或网格" hideAbolished />
        </Form.Item>
        <Form.Item name="address" label="地址" required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="principal" label="联系人" required>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="principalPhone" label="联系电话" required>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="landlordId" label="关联企业（出租方 / 经营者）" extra="出租房屋、三合一场所请关联房东或经营者在名录库中的记录">
          <LandlordSelect />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
