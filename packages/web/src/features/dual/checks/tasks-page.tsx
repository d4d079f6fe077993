import { type CheckCycle, type CheckTaskView, checkCycleLabels, checkCycles, checkTemplateLabels } from '@anzhi/core';
import { App, Button, Drawer, Empty, Form, Input, Popconfirm, Radio, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../lib/session.ts';
import { useAdoptTemplates, useCheckTasks, useCreateTask, useDeactivateTask, useUpdateTask } from './api.ts';
import { useCheckEnterprise } from './use-enterprise.tsx';

interface FormValues {
  title: string;
  cycle: CheckCycle;
  ownerName?: string;
  items: string[];
}

/** 排查任务 of one enterprise: the checklist, cycle and owner of each; the standard templates in one click. */
export function CheckTasksPage() {
  const { enterpriseId, picker } = useCheckEnterprise();
  const tasks = useCheckTasks(enterpriseId);
  const manage = useCan('dual.manage');
  const adopt = useAdoptTemplates();
  const deactivate = useDeactivateTask();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<CheckTaskView | 'new' | null>(null);

  const onAdopt = async () => {
    try {
      const r = await adopt.mutateAsync(enterpriseId);
      message.success(r.created ? `已添加 ${r.created} 项标准排查任务` : '标准排查任务均已采用，无需重复添加');
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        排查任务
      </Typography.Title>
      <Space wrap>
        {picker}
        {manage && enterpriseId !== undefined ? (
          <>
            <Button type="primary" onClick={() => setEditing('new')}>
              新建排查任务
            </Button>
            <Button onClick={onAdopt} loading={adopt.isPending}>
              采用标准模板（班组日、部门周、厂长月、主要负责人）
            </Button>
          </>
        ) : null}
      </Space>
      {enterpriseId === undefined ? (
        <Empty description="请先选择企业" />
      ) : tasks.isError ? (
        <Result
          status="error"
          title="排查任务加载失败"
          subTitle={(tasks.error as Error).message}
          extra={<Button onClick={() => tasks.refetch()}>重试</Button>}
        />
      ) : (
        <Table<CheckTaskView>
          rowKey="id"
          loading={tasks.isLoading}
          dataSource={tasks.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '还没有排查任务：可新建，或采用标准模板' }}
          columns={[
            {
              title: '任务',
              render: (_, t) => (
                <Space direction="vertical" size={0}>
                  <span>
                    {t.title} {t.template ? <Tag color="blue">{checkTemplateLabels[t.template]}</Tag> : null}
                    {t.measureId ? <Tag>管控措施</Tag> : null}
                  </span>
                  <Typography.Text type="secondary">{t.items.length} 项检查内容</Typography.Text>
                </Space>
              ),
            },
            { title: '周期', dataIndex: 'cycle', render: (c: CheckCycle) => checkCycleLabels[c], width: 80 },
            { title: '责任岗位/责任人', render: (_, t) => [t.postName, t.ownerName].filter(Boolean).join(' · ') || '—' },
            { title: '开始', dataIndex: 'startsOn', width: 110 },
            {
              title: '状态',
              dataIndex: 'active',
              width: 80,
              render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
            },
            {
              title: '',
              width: 140,
              render: (_, t) =>
                manage && t.active ? (
                  <Space>
                    <Button size="small" onClick={() => setEditing(t)}>
                      编辑
                    </Button>
                    <Popconfirm
                      title="停用后不再生成新的排查，确定停用？"
                      onConfirm={() => deactivate.mutateAsync(t.id).catch((e) => message.error(e.message))}
                    >
                      <Button size="small" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
      {editing !== null && enterpriseId !== undefined ? (
        <TaskDrawer task={editing === 'new' ? null : editing} enterpriseId={enterpriseId} onClose={() => setEditing(null)} />
      ) : null}
    </Space>
  );
}

function TaskDrawer({ task, enterpriseId, onClose }: { task: CheckTaskView | null; enterpriseId: number; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateTask();
  const update = useUpdateTask();
  const { message } = App.useApp();
  const submit = async (v: FormValues) => {
    const items = v.items.map((s) => s.trim()).filter(Boolean);
    const base = { title: v.title, cycle: v.cycle, ownerName: v.ownerName ?? null, postId: task?.postId ?? null, items, active: true };
    try {
      if (task)
        await update.mutateAsync({
          id: task.id,
          body: { ...base, measureId: task.measureId, template: task.template, version: task.version },
        });
      else await create.mutateAsync({ ...base, enterpriseId });
      message.success('已保存');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Drawer open title={task ? '编辑排查任务' : '新建排查任务'} width={520} onClose={onClose} destroyOnClose>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          task
            ? { title: task.title, cycle: task.cycle, ownerName: task.ownerName ?? undefined, items: task.items }
            : { cycle: 'day', items: [''] }
        }
      >
        <Form.Item name="title" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="cycle" label="排查周期" rules={[{ required: true }]}>
          <Radio.Group options={checkCycles.map((c) => ({ value: c, label: checkCycleLabels[c] }))} optionType="button" />
        </Form.Item>
        <Form.Item
          name="ownerName"
          label="责任人"
          extra={task?.postName ? `责任岗位：${task.postName}` : '排查任务须有责任岗位或责任人'}
          rules={[{ required: !task?.postId, message: '请填写责任人（排查任务不能没有责任人）' }]}
        >
          <Input maxLength={50} placeholder="如：班组长 张三" />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Form.Item label="检查内容">
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <span>{i + 1}.</span>
                  <Form.Item name={f.name} rules={[{ required: true, message: '检查内容不能为空' }]} style={{ width: 380 }}>
                    <Input.TextArea autoSize maxLength={500} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="link" onClick={() => remove(f.name)}>
                      删除
                    </Button>
                  ) : null}
                </Space>
              ))}
              <Button onClick={() => add('')}>添加一项</Button>
            </Form.Item>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
