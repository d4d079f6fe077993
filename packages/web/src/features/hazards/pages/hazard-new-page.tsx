import { type HazardChannel, hazardCreate } from '@anzhi/core';
import { Alert, App, Button, Card, Flex, Form, Result, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { parseForm, setFieldProblems, showSubmitError } from '../../../lib/form-errors.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useCreateHazard, useOwnEnterprise } from '../api.ts';
import { HazardCreateFields } from '../components/hazard-create-fields.tsx';
import {
  clearDraft,
  crossFieldProblems,
  type HazardFormValues,
  hazardFormFields,
  loadDraft,
  saveDraft,
  toCreateBody,
} from '../components/hazard-create-values.ts';
import '../hazards.css';

/** 综合执法 inspectors mostly log 执法检查; everyone else on the government side 督导检查. Either can be changed. */
function defaultChannel(roles: readonly string[]): HazardChannel {
  if (roles.includes('enterprise')) return 'selfCheck';
  return roles.includes('inspector') && !roles.includes('office') ? 'enforcement' : 'inspection';
}

export function HazardNewPage() {
  const [form] = Form.useForm<HazardFormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const user = useCurrentUser();
  const own = useOwnEnterprise();
  const create = useCreateHazard();
  const [draftAt, setDraftAt] = useState<string | null>(null);
  const defaults = useMemo<HazardFormValues>(
    () => ({
      channel: defaultChannel(user.roles),
      grade: 'general',
      category: 'thing',
      foundOn: dayjs(),
      fixedOnSpot: false,
      photos: [],
      afterPhotos: [],
      criteriaCodes: [],
    }),
    [user.roles],
  );

  // Restore what was typed before a lost connection or a closed tab.
  useEffect(() => {
    const draft = loadDraft(user.id);
    form.setFieldsValue({ ...defaults, ...(draft ?? {}) });
    setDraftAt(draft?.savedAt ?? null);
  }, [form, defaults, user.id]);

  // An enterprise account reports for its own enterprise only, always as 自查自报.
  useEffect(() => {
    if (own.enterprise) form.setFieldsValue({ enterpriseId: own.enterprise.id, channel: 'selfCheck' });
  }, [form, own.enterprise]);

  if (own.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (own.isError) return <QueryError error={own.error} title="无法读取本企业信息" />;
  if (own.isEnterprise && !own.enterprise) {
    return <Result status="warning" title="账号未关联企业" subTitle="请联系安委办把您的账号关联到本企业后再登记隐患。" />;
  }

  const notify = (m: string) => void message.error(m);

  const onFinish = () => {
    // Every value the form holds, also those without a visible field (an enterprise account's own enterprise).
    const values = form.getFieldsValue(true) as HazardFormValues;
    const input = toCreateBody(values);
    const body = parseForm(hazardCreate, input, form, hazardFormFields);
    if (!body) {
      setFieldProblems(form, crossFieldProblems(input), hazardFormFields);
      message.error('请按提示补全或修改');
      return;
    }
    create.mutate(body, {
      onSuccess: (detail) => {
        clearDraft(user.id);
        message.success(`已登记隐患 ${detail.code}`);
        navigate(`/hazards/${detail.id}`, { replace: true });
      },
      onError: (e) => showSubmitError(e, form, hazardFormFields, notify),
    });
  };

  const discardDraft = () => {
    clearDraft(user.id);
    setDraftAt(null);
    form.resetFields();
    form.setFieldsValue({ ...defaults, ...(own.enterprise ? { enterpriseId: own.enterprise.id, channel: 'selfCheck' } : {}) });
  };

  return (
    <div className="hazard-new" data-testid="hazard-new-page">
      <Card title="登记隐患" className="hazard-new-card">
        {draftAt ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`已恢复 ${dayjs(draftAt).format('MM-DD HH:mm')} 未提交的内容`}
            action={
              <Button size="small" onClick={discardDraft}>
                清空重填
              </Button>
            }
          />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          size={isMobile ? 'large' : 'middle'}
          onFinish={onFinish}
          onValuesChange={() => saveDraft(user.id, form.getFieldsValue(true) as HazardFormValues)}
          scrollToFirstError
        >
          <HazardCreateFields ownEnterpriseName={own.enterprise?.name} />
          <Flex gap={12} className="hazard-sticky-actions">
            <Button size="large" onClick={() => navigate('/hazards')} style={{ flex: '0 0 auto' }}>
              取消
            </Button>
            <Button type="primary" size="large" htmlType="submit" loading={create.isPending} block data-testid="hazard-submit">
              提交登记
            </Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
