import { canAssignAccount, type Role, scopeOf, type User, userCreateBody, userUpdateBody } from '@anzhi/core';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { parseForm, showSubmitError } from '../../../lib/form-errors.ts';
import { passwordPolicyRule, passwordPolicyText } from '../../../lib/password.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { type UserCreateInput, type UserUpdateInput, useCreateUser, useUpdateUser } from '../api.ts';
import { AccountEnterpriseSelect } from './account-enterprise-select.tsx';
import { PasswordField } from './password-field.tsx';
import { roleOptions } from './role-options.ts';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface FormValues {
  username: string;
  displayName: string;
  phone?: string;
  roles: Role[];
  regionCodes: string[];
  unitId?: number | null;
  enterpriseId?: number | null;
  initialPassword?: string;
}

const fields = ['username', 'displayName', 'phone', 'roles', 'regionCodes', 'unitId', 'enterpriseId', 'initialPassword'] as const;

export function UserFormDrawer({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target?.mode === 'edit' ? target.user : null;
  const chosenRoles = Form.useWatch('roles', form) ?? [];
  // An enterprise account belongs to one enterprise and holds no region (core canAssignAccount).
  const forEnterprise = chosenRoles.includes('enterprise');

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({ ...u, phone: u.phone ?? undefined });
    } else {
      form.setFieldsValue({
        roles: [],
        regionCodes: me.roles.includes('admin') ? [] : me.regionCodes,
        unitId: null,
        enterpriseId: null,
      });
    }
  }, [form, target, me.roles, me.regionCodes]);

  const notify = (m: string) => void message.error(m);
  const done = (text: string) => {
    message.success(text);
    onClose();
  };

  const onFinish = (values: FormValues) => {
    const isEnterprise = values.roles.includes('enterprise');
    const input = {
      ...values,
      phone: values.phone?.trim() ? values.phone.trim() : null,
      unitId: isEnterprise ? null : (values.unitId ?? null),
      regionCodes: isEnterprise ? [] : values.regionCodes,
      enterpriseId: isEnterprise ? (values.enterpriseId ?? null) : null,
    };
    if (isEnterprise && input.enterpriseId === null) {
      form.setFields([{ name: 'enterpriseId', errors: ['企业账号请选择所属企业'] }]);
      return;
    }
    if (input.roles.includes('unit') && input.unitId === null) {
      form.setFields([{ name: 'unitId', errors: ['成员单位账号请选择所属单位'] }]);
      return;
    }
    const refused = canAssignAccount(scopeOf(me), me.roles, input);
    if (refused) {
      notify(refused);
      return;
    }
    if (editing) {
      const { username: _u, initialPassword: _p, ...patch } = input;
      const body = parseForm(userUpdateBody, patch, form, fields);
      if (!body) return;
      update.mutate(
        { id: editing.id, ...(body as UserUpdateInput) },
        { onSuccess: (u) => done(`已保存“${u.displayName}”`), onError: (e) => showSubmitError(e, form, fields, notify) },
      );
      return;
    }
    const body = parseForm(userCreateBody, input, form, fields);
    if (!body) return;
    create.mutate(body as UserCreateInput, {
      onSuccess: (u) => done(`已新增用户“${u.displayName}”，首次登录时须修改密码`),
      onError: (e) => showSubmitError(e, form, fields, notify),
    });
  };

  return (
    <Drawer
      title={editing ? `编辑用户：${editing.displayName}` : '新增用户'}
      open={!!target}
      onClose={onClose}
      size={isMobile ? '100%' : 520}
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
      <Form form={form} layout="vertical" onFinish={onFinish} autoComplete="off">
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          extra={editing ? '用户名创建后不能修改' : '3–32 位，字母开头'}
        >
          <Input disabled={!!editing} maxLength={32} autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="phone" label="手机号">
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请至少选择一个角色' }]}>
          <Select mode="multiple" options={roleOptions(me)} placeholder="请选择角色" data-testid="user-roles" />
        </Form.Item>
        {forEnterprise ? (
          <Form.Item name="enterpriseId" label="所属企业" required extra="企业账号只能看到本企业的数据，不再选择区划">
            <AccountEnterpriseSelect currentName={editing?.enterpriseName} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="unitId" label="所属单位" required={chosenRoles.includes('unit')}>
              <UnitSelect placeholder="成员单位账号必选" />
            </Form.Item>
            <Form.Item name="regionCodes" label="所辖区划" extra="决定该账号能看到哪些区划的数据">
              <RegionTreeSelect multiple hideAbolished placeholder="请选择所辖区划" />
            </Form.Item>
          </>
        )}
        {editing ? null : (
          <>
            <Form.Item
              name="initialPassword"
              label="初始密码"
              required
              extra={`${passwordPolicyText}。用户首次登录时须修改密码。`}
              rules={[passwordPolicyRule(() => form.getFieldValue('username'))]}
            >
              <PasswordField testId="initial-password" />
            </Form.Item>
            <Alert type="info" showIcon title="请通过安全渠道将用户名和初始密码告知本人。" />
          </>
        )}
      </Form>
    </Drawer>
  );
}
