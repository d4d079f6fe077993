import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { type PlanDispatch, planDispatchSave } from '@anzhi/core';
import { Alert, App, Button, Empty, Flex, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { type DispatchTarget, useSaveDispatch } from '../api.ts';
import { DispatchTaskCard } from './dispatch-task-card.tsx';
import {
  clearDraft,
  type DispatchValues,
  initialValues,
  itemKey,
  loadDraft,
  storeDraft,
  toReports,
  untouchedItems,
} from './dispatch-values.ts';
import { STALE_MESSAGE } from './use-draft-save.ts';

interface DispatchFormProps {
  dispatch: PlanDispatch;
  target: DispatchTarget;
  onReload: () => void;
}

/** Every open task of the month on one page, sent together; what is typed is kept locally until it is sent. */
export function DispatchForm({ dispatch, target, onReload }: DispatchFormProps) {
  const [form] = Form.useForm<DispatchValues>();
  const { message, modal } = App.useApp();
  const save = useSaveDispatch();
  const [stale, setStale] = useState(false);
  const [draft, setDraft] = useState(() => loadDraft(dispatch));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const remember = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => storeDraft(dispatch, form.getFieldsValue(true) as DispatchValues), 600);
  };

  const send = (values: DispatchValues) => {
    const body = { ...target, period: dispatch.period, reports: toReports(dispatch, values) };
    const parsed = planDispatchSave.safeParse(body);
    if (!parsed.success) {
      const fields = parsed.error.issues.flatMap((i) => {
        const [root, index, field] = i.path;
        const item = root === 'reports' && typeof index === 'number' ? dispatch.items[index] : undefined;
        return item && typeof field === 'string' ? [{ name: ['items', itemKey(item.taskId), field], errors: [i.message] }] : [];
      });
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      message.error(parsed.error.issues[0]?.message ?? '请按提示修改后再保存');
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: (saved) => {
        clearTimeout(timer.current);
        clearDraft(dispatch);
        const skipped = saved.untouched.length ? `；${saved.untouched.length} 项未填写，未计为已报送` : '';
        message.success(`已报送 ${saved.reported}/${saved.items.length} 项任务进展${skipped}`);
      },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 409) {
          setStale(true);
          message.warning(STALE_MESSAGE);
          window.scrollTo({ top: 0, behavior: 'smooth' });
          return;
        }
        message.error(errorMessage(e));
      },
    });
  };

  const submit = async () => {
    let values: DispatchValues;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true) as DispatchValues;
    } catch {
      message.error('有任务未填写完整，请按提示补充');
      return;
    }
    const untouched = untouchedItems(dispatch, toReports(dispatch, values));
    if (!untouched.length) {
      send(values);
      return;
    }
    modal.confirm({
      title: `${untouched.length} 项未填写，不计为已报送`,
      content: `以下任务与预填内容相同，也未勾选“本月无新进展”：${untouched.map((i) => `${i.ordinal} ${i.title}`).join('；')}。如本月确无新进展，请在该任务上勾选“本月无新进展”；仍要保存其余任务吗？`,
      okText: '保存已填写的',
      cancelText: '返回填写',
      onOk: () => send(values),
    });
  };

  if (!dispatch.items.length) {
    return <Empty description="本月没有需要报送的任务。方案发布后，牵头或配合的任务会出现在这里。" data-testid="dispatch-empty" />;
  }

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues(dispatch)}
      onValuesChange={remember}
      scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
      className="dispatch-form"
      data-testid="dispatch-form"
    >
      {stale ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={STALE_MESSAGE}
          description="本月进展已被他人修改。您填写的内容已保存在本机，刷新后可选择恢复。"
          action={
            <Button icon={<ReloadOutlined />} onClick={onReload}>
              刷新
            </Button>
          }
          data-testid="dispatch-stale"
        />
      ) : null}
      {draft ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${formatDateTime(draft.savedAt)} 未提交的填写内容`}
          action={
            <Flex gap={8}>
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  form.setFieldsValue(draft.values);
                  setDraft(null);
                }}
              >
                恢复
              </Button>
              <Button
                size="small"
                onClick={() => {
                  clearDraft(dispatch);
                  setDraft(null);
                }}
              >
                丢弃
              </Button>
            </Flex>
          }
        />
      ) : null}
      <Flex vertical gap={12}>
        {dispatch.items.map((item) => (
          <DispatchTaskCard key={item.taskId} item={item} period={dispatch.period} />
        ))}
      </Flex>
      <div className="dispatch-actions">
        <span className="muted">
          共 {dispatch.items.length} 项，已报送 {dispatch.reported} 项
        </span>
        <Button
          type="primary"
          size="large"
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={() => void submit()}
          data-testid="dispatch-save"
        >
          全部保存
        </Button>
      </div>
    </Form>
  );
}
