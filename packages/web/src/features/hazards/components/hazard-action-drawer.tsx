import { type HazardAction, type HazardDetail, hazardActionBodies, hazardActionLabels } from '@anzhi/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError, errorMessage, type FieldProblem } from '../../../lib/api-client.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { hazardsKey, useHazardAction } from '../api.ts';
import { HazardActionFields } from './hazard-action-fields.tsx';
import { type ActionFormValues, actionBody, actionFields, initialActionValues, normalisePath } from './hazard-action-values.ts';

/** Puts each problem on its (possibly nested) field; returns the messages no field could show. */
function placeProblems(form: FormInstance, problems: readonly FieldProblem[], fields: readonly string[]): string[] {
  const unplaced: string[] = [];
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const path = normalisePath(p.path);
    // The server prefixes its message with the path ("plan.goal：请填写"); the field already says where.
    const message = p.message.startsWith(`${path}：`) ? p.message.slice(path.length + 1) : p.message;
    if (fields.includes(path)) byField.set(path, [...(byField.get(path) ?? []), message]);
    else unplaced.push(message);
  }
  form.setFields([...byField].map(([path, errors]) => ({ name: path.split('.'), errors })));
  return unplaced;
}

interface HazardActionDrawerProps {
  h: HazardDetail;
  action: HazardAction | null;
  onClose: () => void;
}

/** One step of the loop as a form: the fields of that action's body, sent with the version the page shows. */
export function HazardActionDrawer({ h, action, onClose }: HazardActionDrawerProps) {
  const [form] = Form.useForm<ActionFormValues>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const act = useHazardAction();

  // The record as it is when a drawer opens: a refetch meanwhile must not wipe what is being typed.
  const opened = useRef(h);
  opened.current = h;
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    form.setFieldsValue(initialActionValues(action, opened.current));
  }, [form, action]);

  const submit = () => {
    if (!action) return;
    const fields = actionFields[action];
    const body = { ...actionBody(action, form.getFieldsValue(true) as ActionFormValues), version: h.version };
    const parsed = hazardActionBodies[action].safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      const rest = placeProblems(form, problems, fields);
      if (rest.length) message.error(rest.join('；'));
      return;
    }
    act.mutate(
      { id: h.id, action, body },
      {
        onSuccess: () => {
          message.success(`${hazardActionLabels[action]}：已提交`);
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            // Someone else moved the hazard on (or the step no longer fits): show the record as it is now.
            message.warning(e.code === 'hazard.stale' ? '已被他人处理，请刷新：页面已更新为最新状态' : `${e.message}（页面已刷新）`);
            void queryClient.invalidateQueries({ queryKey: [...hazardsKey, 'detail', h.id] });
            onClose();
            return;
          }
          const problems = e instanceof ApiError ? e.fieldProblems : [];
          const rest = placeProblems(form, problems, fields);
          message.error(problems.length && !rest.length ? '请按提示修改后再提交' : errorMessage(e));
        },
      },
    );
  };

  return (
    <Drawer
      title={action ? hazardActionLabels[action] : ''}
      open={!!action}
      onClose={onClose}
      size={isMobile ? '100%' : 640}
      forceRender
      data-testid="hazard-action-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button size="large" onClick={onClose}>
            取消
          </Button>
          <Button size="large" type="primary" loading={act.isPending} onClick={submit} block={isMobile} data-testid="hazard-action-submit">
            提交
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" size={isMobile ? 'large' : 'middle'} onFinish={submit}>
        {action ? <HazardActionFields action={action} h={h} /> : null}
      </Form>
    </Drawer>
  );
}
