import { type Enterprise, type EnterpriseInput, enterpriseInput, enterpriseUpdateBody } from '@anzhi/core';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, call, errorMessage } from '../../../lib/api-client.ts';
import { parseForm, showSubmitError } from '../../../lib/form-errors.ts';
import { useCan, useCurrentUser } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { type EnterpriseUpdate, enterprisesKey, useCreateEnterprise, useUpdateEnterprise } from '../api.ts';
import { ClassificationSection, IdentitySection, PeopleSection, StandingSection, SupervisionSection } from './enterprise-form-sections.tsx';
import { type EnterpriseFormValues, formFields, toFormValues, toInput } from './enterprise-form-values.ts';

export type EnterpriseFormTarget = { mode: 'create' } | { mode: 'edit'; enterprise: Enterprise };

interface EnterpriseFormDrawerProps {
  target: EnterpriseFormTarget | null;
  onClose: () => void;
  onSaved?: (e: Enterprise) => void;
}

export function EnterpriseFormDrawer({ target, onClose, onSaved }: EnterpriseFormDrawerProps) {
  const [form] = Form.useForm<EnterpriseFormValues>();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canGrade = useCan('enterprise.grade');
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  // The record the form was filled from; its version goes with the save.
  const [base, setBase] = useState<Enterprise | undefined>();
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);

  useEffect(() => {
    if (!target) return;
    setStale(false);
    form.resetFields();
    if (target.mode === 'edit') {
      setBase(target.enterprise);
      form.setFieldsValue(toFormValues(target.enterprise));
    } else {
      setBase(undefined);
      // A village cadre registers venues in their own village; a township clerk picks the village.
      const own = user.regionCodes.length === 1 ? user.regionCodes[0] : undefined;
      const village = own && !own.endsWith('000') ? own : undefined;
      form.setFieldsValue({ status: 'operating', domains: [], flags: [], regionCode: village });
    }
  }, [form, target, user.regionCodes]);

  const notify = (m: string) => void message.error(m);

  const reload = async () => {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({
        queryKey: [...enterprisesKey, 'detail', base.id],
        queryFn: () => call('GET /enterprises/{id}', { params: { id: base.id } }),
        staleTime: 0,
      });
      void queryClient.invalidateQueries({ queryKey: enterprisesKey });
      setBase(fresh);
      form.resetFields();
      form.setFieldsValue(toFormValues(fresh));
      setStale(false);
      message.info('已加载最新内容，请重新修改后保存');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setReloading(false);
    }
  };

  const saved = (e: Enterprise, verb: string) => {
    message.success(`已${verb}“${e.name}”`);
    onSaved?.(e);
    onClose();
  };

  const onFinish = (values: EnterpriseFormValues) => {
    const input = toInput(values, canGrade);
    if (base) {
      const body = parseForm(enterpriseUpdateBody, { ...input, version: base.version }, form, formFields);
      if (!body) return;
      update.mutate(
        { id: base.id, body: body as EnterpriseUpdate },
        {
          onSuccess: (e) => saved(e, '保存'),
          onError: (e) => {
            if (e instanceof ApiError && e.code === 'enterprise.stale') setStale(true);
            else showSubmitError(e, form, formFields, notify);
          },
        },
      );
      return;
    }
    const body = parseForm(enterpriseInput, input, form, formFields);
    if (!body) return;
    create.mutate(body as EnterpriseInput, {
      onSuccess: (e) => saved(e, '新增'),
      onError: (e) => showSubmitError(e, form, formFields, notify),
    });
  };

  return (
    <Drawer
      title={base ? `编辑企业：${base.name}` : '新增企业'}
      open={!!target}
      onClose={onClose}
      size={isMobile ? '100%' : 760}
      forceRender
      data-testid="enterprise-form"
      footer={
        <Flex vertical gap={12}>
          {stale ? (
            // In the footer, so it is seen wherever the form is scrolled to.
            <Alert
              type="warning"
              showIcon
              title="该企业信息已被他人修改"
              description="在您编辑期间，其他人已保存了这家企业的信息。请重新加载最新内容后再修改（本页未保存的修改将丢失）。"
              action={
                <Button size="small" type="primary" loading={reloading} onClick={() => void reload()} data-testid="enterprise-form-reload">
                  重新加载
                </Button>
              }
            />
          ) : null}
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button
              type="primary"
              loading={create.isPending || update.isPending}
              disabled={stale}
              onClick={() => form.submit()}
              data-testid="enterprise-form-submit"
            >
              保存
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
        <IdentitySection />
        <ClassificationSection selfId={base?.id} landlordName={base?.landlordName} />
        <PeopleSection />
        <SupervisionSection enterprise={base} />
        <StandingSection canGrade={canGrade} />
      </Form>
    </Drawer>
  );
}
