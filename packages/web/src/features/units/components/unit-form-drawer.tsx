import { type Unit, unitCreateBody, unitUpdateBody } from '@anzhi/core';
import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { parseForm, showSubmitError } from '../../../lib/form-errors.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { type UnitInput, useCreateUnit, useUpdateUnit } from '../api.ts';
import { industryOptions, unitKindOptions } from './unit-options.ts';

export type UnitFormTarget = { mode: 'create' } | { mode: 'edit'; unit: Unit };

type FormValues = Omit<UnitInput, 'shortName' | 'phone'> & { shortName?: string; phone?: string };

const fields = ['name', 'shortName', 'aliases', 'kind', 'regionCode', 'industries', 'supervisedRegionCodes', 'phone'] as const;

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function UnitFormDrawer({ target, onClose }: { target: UnitFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const create = useCreateUnit();
  const update = useUpdateUnit();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.unit;
      form.setFieldsValue({ ...u, shortName: u.shortName ?? undefined, phone: u.phone ?? undefined });
    } else {
      form.setFieldsValue({ aliases: [], industries: [], supervisedRegionCodes: [], regionCode: user.regionCodes[0] });
    }
  }, [form, target, user.regionCodes]);

  const notify = (m: string) => void message.error(m);

  const onFinish = (values: FormValues) => {
    const input = { ...values, shortName: blankToNull(values.shortName), phone: blankToNull(values.phone) };
    if (target?.mode === 'edit') {
      const body = parseForm(unitUpdateBody, input, form, fields);
      if (!body) return;
      update.mutate(
        { id: target.unit.id, ...(body as Partial<UnitInput>) },
        {
          onSuccess: (u) => {
            message.success(`已保存“${u.name}”`);
            onClose();
          },
          onError: (e) => showSubmitError(e, form, fields, notify),
        },
      );
      return;
    }
    const body = parseForm(unitCreateBody, input, form, fields);
    if (!body) return;
    create.mutate(body as UnitInput, {
      onSuccess: (u) => {
        message.success(`已新增“${u.name}”`);
        onClose();
      },
      onError: (e) => showSubmitError(e, form, fields, notify),
    });
  };

  return (
    <Drawer
      title={target?.mode === 'edit' ? `编辑成员单位：${target.unit.name}` : '新增成员单位'}
      open={!!target}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}>
          <Input maxLength={64} placeholder="如：XX镇应急管理办公室" />
        </Form.Item>
        <Form.Item name="shortName" label="简称">
          <Input maxLength={32} placeholder="如：应急办" />
        </Form.Item>
        <Form.Item name="aliases" label="别名" extra="其他常用叫法，输入后按回车添加，便于导入台账时自动识别">
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} placeholder="如：安监站" />
        </Form.Item>
        <Form.Item name="kind" label="单位类别" rules={[{ required: true, message: '请选择单位类别' }]}>
          <Select options={unitKindOptions} placeholder="请选择单位类别" />
        </Form.Item>
        <Form.Item name="regionCode" label="所属区划" rules={[{ required: true, message: '请选择所属区划' }]}>
          <RegionTreeSelect hideAbolished />
        </Form.Item>
        <Form.Item name="industries" label="监管行业领域" extra="按“三管三必须”，隐患和任务将按行业领域派给对应单位">
          <Select
            mode="multiple"
            options={industryOptions}
            placeholder="请选择行业领域"
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
          />
        </Form.Item>
        <Form.Item name="supervisedRegionCodes" label="负责区域" extra="该单位负责监管的区划，可多选">
          <RegionTreeSelect multiple hideAbolished placeholder="请选择负责的区划" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input inputMode="tel" maxLength={20} placeholder="手机号或带区号的固定电话" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
