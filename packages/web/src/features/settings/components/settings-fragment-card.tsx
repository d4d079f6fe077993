import { parseSettingValue, type SettingsFragmentView, settingsFragmentOf } from '@anzhi/core';
import { App, Button, Card, Flex, Form, Popconfirm, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useResetSetting, useSaveSetting } from '../api.ts';
import { SettingInput, settingText } from './setting-input.tsx';

const namePath = (path: string) => path.split('.');

function valueAt(value: Record<string, unknown>, path: string): unknown {
  return namePath(path).reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Props {
  fragment: SettingsFragmentView;
  regionCode: string;
  canWrite: boolean;
}

/** One module's settings: the form built from core's schema, the labelled defaults, 已修改 marks, save and 恢复默认. */
export function SettingsFragmentCard({ fragment, regionCode, canWrite }: Props) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const save = useSaveSetting();
  const reset = useResetSetting();
  const watched = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const current = watched ?? fragment.value;

  useEffect(() => form.setFieldsValue(fragment.value), [form, fragment.value]);

  const showProblems = (problems: ReadonlyArray<{ path: string; message: string }>) =>
    form.setFields(problems.filter((p) => p.path).map((p) => ({ name: namePath(p.path), errors: [p.message] })));

  const onSave = (values: Record<string, unknown>) => {
    // A cross-field message (通报 before 函告) sits on the other field: clear them all before checking again.
    form.setFields(fragment.fields.map((f) => ({ name: namePath(f.path), errors: [] })));
    const parsed = parseSettingValue(settingsFragmentOf(fragment.key), values);
    if (!parsed.ok) {
      showProblems(parsed.issues);
      return;
    }
    save.mutate(
      { key: fragment.key, regionCode, version: fragment.version, value: parsed.value },
      {
        onSuccess: () => void message.success(`已保存“${fragment.label}”`),
        onError: (e) => {
          if (e instanceof ApiError) showProblems(e.fieldProblems);
          void message.error(
            e instanceof ApiError && e.status === 409 ? '该设置已被他人修改，已为您刷新，请核对后再保存' : errorMessage(e),
          );
        },
      },
    );
  };

  const onReset = () =>
    reset.mutate(
      { key: fragment.key, regionCode, version: fragment.version },
      {
        onSuccess: () => void message.success(`“${fragment.label}”已恢复默认`),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  return (
    <Card
      data-testid={`settings-${fragment.key}`}
      title={
        <Flex gap={8} align="center" wrap>
          {fragment.label}
          {fragment.overridden ? <Tag color="orange">已修改</Tag> : <Tag>默认</Tag>}
        </Flex>
      }
      extra={
        canWrite && fragment.overridden ? (
          <Popconfirm title={`将“${fragment.label}”恢复为默认值？`} onConfirm={onReset} okText="恢复默认" cancelText="取消">
            <Button loading={reset.isPending}>恢复默认</Button>
          </Popconfirm>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{fragment.description}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={fragment.value} onFinish={onSave} disabled={!canWrite}>
        {fragment.fields.map((field) => {
          const changed = !same(valueAt(current, field.path), field.default);
          return (
            <Form.Item
              key={field.path}
              name={namePath(field.path)}
              label={
                <Flex gap={6} align="center" wrap>
                  {field.label}
                  {changed ? <Tag color="orange">已修改</Tag> : null}
                </Flex>
              }
              extra={`${field.description ? `${field.description}。` : ''}默认：${settingText(field, field.default)}（${field.source}）`}
            >
              <SettingInput field={field} disabled={!canWrite} />
            </Form.Item>
          );
        })}
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">
            {fragment.updatedAt ? `最后修改：${fragment.updatedBy ?? ''} ${formatDateTime(fragment.updatedAt)}` : '尚未修改，使用默认值'}
          </Typography.Text>
          {canWrite ? (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          ) : null}
        </Flex>
      </Form>
    </Card>
  );
}
