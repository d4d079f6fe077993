import { type Region, regionCreateBody, regionLevelLabels, regionLevelOf, regionPrefix, regionUpdateBody } from '@anzhi/core';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { parseForm, showSubmitError } from '../../../lib/form-errors.ts';
import { useCreateRegion, useUpdateRegion } from '../api.ts';

export type RegionFormTarget = { mode: 'create'; parent: Region | null } | { mode: 'rename'; region: Region };

interface FormValues {
  code?: string;
  name: string;
  parentCode?: string | null;
}

const fields = ['code', 'name', 'parentCode'] as const;

/** Codes nest: a village's code starts with its township's 9 digits, and so on up. */
function codeProblem(code: string, parentCode: string | null | undefined): string | null {
  if (!parentCode || !/^\d{12}(\d{3})?$/.test(code)) return null;
  const prefix = regionPrefix(parentCode);
  if (!code.startsWith(prefix) || code === parentCode) return `下级区划代码应以上级代码 ${prefix} 开头`;
  return null;
}

function codeHint(parent: Region | null): string {
  if (!parent) return '12 位统计用区划代码；网格为所属村（社区）代码后加 3 位编号，共 15 位';
  if (regionLevelOf(parent.code) === 'village') return `网格代码：${parent.code} + 3 位编号，共 15 位`;
  return `12 位统计用区划代码，以 ${regionPrefix(parent.code)} 开头`;
}

function placeholderCode(parentCode: string | null | undefined): string {
  if (!parentCode) return '如 330106001000';
  return regionLevelOf(parentCode) === 'village' ? `${parentCode}001` : `${regionPrefix(parentCode)}…`;
}

export function RegionFormModal({ target, onClose }: { target: RegionFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const create = useCreateRegion();
  const update = useUpdateRegion();
  const creating = target?.mode === 'create';
  const parent = target?.mode === 'create' ? target.parent : null;
  const selectedParent = Form.useWatch('parentCode', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') form.setFieldsValue({ parentCode: target.parent?.code ?? null, code: '', name: '' });
    else form.setFieldsValue({ name: target.region.name });
  }, [form, target]);

  const notify = (m: string) => void message.error(m);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !target) return;
    if (target.mode === 'create') {
      const input = { code: values.code, name: values.name, parentCode: parent ? parent.code : (values.parentCode ?? null) };
      const body = parseForm(regionCreateBody, input, form, fields);
      if (!body) return;
      const problem = codeProblem(body.code, body.parentCode);
      if (problem) {
        form.setFields([{ name: 'code', errors: [problem] }]);
        return;
      }
      create.mutate(
        { code: body.code, name: body.name, parentCode: body.parentCode ?? null },
        {
          onSuccess: (r) => {
            message.success(`已新增${regionLevelLabels[r.level] ?? ''}“${r.name}”`);
            onClose();
          },
          onError: (e) => showSubmitError(e, form, fields, notify),
        },
      );
    } else {
      const body = parseForm(regionUpdateBody, { name: values.name }, form, fields);
      if (!body) return;
      update.mutate(
        { code: target.region.code, name: body.name },
        {
          onSuccess: () => {
            message.success('名称已修改');
            onClose();
          },
          onError: (e) => showSubmitError(e, form, fields, notify),
        },
      );
    }
  };

  const title = !target
    ? ''
    : target.mode === 'rename'
      ? `重命名：${target.region.name}`
      : parent
        ? `新增“${parent.name}”的下级区划`
        : '新增区划';

  return (
    <Modal
      title={title}
      open={!!target}
      onCancel={onClose}
      onOk={onOk}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        {creating ? (
          <>
            {parent ? (
              <Form.Item label="上级区划">
                <Typography.Text>
                  {parent.name}（{parent.code}）
                </Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item name="parentCode" label="上级区划" extra="不选则作为顶级区划">
                <RegionTreeSelect hideAbolished placeholder="请选择上级区划" />
              </Form.Item>
            )}
            <Form.Item name="code" label="区划代码" extra={codeHint(parent)} rules={[{ required: true, message: '请输入区划代码' }]}>
              <Input inputMode="numeric" maxLength={15} placeholder={placeholderCode(parent?.code ?? selectedParent)} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
          <Input maxLength={64} placeholder="如：青山村" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
