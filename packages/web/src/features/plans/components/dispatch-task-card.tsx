import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type PlanDispatchItem, planReportFilingLabels, planReportStatusLabels } from '@anzhi/core';
import { Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { periodLabel, reportStatusOrder, targetText } from '../plan-labels.ts';
import { itemKey } from './dispatch-values.ts';
import { EvidenceUpload, type KnownFile } from './evidence-upload.tsx';
import { TaskStatusTag } from './plan-status.tsx';

interface DispatchTaskCardProps {
  item: PlanDispatchItem;
  period: string;
}

function PrefillNote({ item, period }: DispatchTaskCardProps) {
  if (item.report) {
    const what = item.report.filing === 'noChange' ? planReportFilingLabels.noChange : '本月已报送';
    return <Tag color="success">{`${what}${item.report.late ? '（逾期）' : ''}`}</Tag>;
  }
  if (item.prefill.fromPeriod && item.prefill.fromPeriod !== period) {
    return <Tag color="gold">已带入{periodLabel(item.prefill.fromPeriod)}填报，请更新</Tag>;
  }
  return <Tag>本月待报送</Tag>;
}

/** The 专项整治 campaigns the prefilled figures come from (issue 17): the clerk does not retype them. */
function CampaignSource({ item }: { item: PlanDispatchItem }) {
  if (!item.campaigns?.length) return null;
  return (
    <>
      {item.campaigns.map((c) => (
        <Tag key={c.id} color="cyan" data-testid="dispatch-campaign-source" title={`数据截至 ${c.asOf}`}>
          来自专项整治《{c.title}》
        </Tag>
      ))}
    </>
  );
}

/** One open task of the unit for the month: how it stands, what was done, the figures, the evidence. */
export function DispatchTaskCard({ item, period }: DispatchTaskCardProps) {
  const base = ['items', itemKey(item.taskId)];
  const known = useMemo(() => new Map<number, KnownFile>((item.report?.files ?? []).map((f) => [f.id, f])), [item.report]);
  const form = Form.useFormInstance();
  const status = Form.useWatch([...base, 'status'], form);
  const targets = new Map(item.targets.map((t) => [t.metric, t]));

  return (
    <Card
      size="small"
      className="dispatch-card"
      data-testid="dispatch-card"
      data-task={item.taskId}
      data-plan={item.planId}
      title={
        <Flex vertical gap={2} className="dispatch-card-title">
          <span className="muted">
            {item.planTitle} › {item.path.slice(0, -1).join(' › ')}
          </span>
          <span>
            {item.ordinal} {item.title}
          </span>
        </Flex>
      }
    >
      <Flex gap={6} wrap style={{ marginBottom: 12 }}>
        <Tag color={item.role === 'lead' ? 'blue' : undefined}>{item.role === 'lead' ? '牵头' : '配合'}</Tag>
        <TaskStatusTag status={item.taskStatus} />
        <PrefillNote item={item} period={period} />
        {item.deadlines.map((d) => (
          <Tag key={`${d.date}-${d.raw}`} color="volcano">
            时限 {d.date}
          </Tag>
        ))}
      </Flex>
      <Form.Item name={[...base, 'status']} label="本月状态" rules={[{ required: true, message: '请选择状态' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="dispatch-status"
          options={reportStatusOrder.map((s) => ({ value: s, label: planReportStatusLabels[s] }))}
        />
      </Form.Item>
      <Form.Item
        name={[...base, 'summary']}
        label="工作进展"
        rules={[
          {
            validator: async (_r, v: unknown) => {
              if (status !== 'notStarted' && (typeof v !== 'string' || v.trim().length < 2)) throw new Error('请填写工作进展');
            },
          },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          showCount
          placeholder="本月做了什么：开展检查、召开会议、完成整改……"
        />
      </Form.Item>
      <Form.Item name={[...base, 'problems']} label="存在问题及下步打算">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={1000} placeholder="没有可不填" />
      </Form.Item>
      <Form.Item
        label={
          <Flex gap={6} align="center" wrap>
            完成数据
            <CampaignSource item={item} />
          </Flex>
        }
        extra={item.targets.length ? undefined : '方案未写明量化指标，可按需添加'}
      >
        <Form.List name={[...base, 'figures']}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => {
                const row = form.getFieldValue([...base, 'figures', f.name]) as { metric: string; fromTarget: boolean } | undefined;
                const target = row?.fromTarget ? targets.get(row.metric) : undefined;
                return (
                  <Flex key={f.key} gap={8} align="center" wrap className="dispatch-figure">
                    {row?.fromTarget ? (
                      <Typography.Text className="dispatch-figure-metric">{row.metric}</Typography.Text>
                    ) : (
                      <Form.Item name={[f.name, 'metric']} noStyle rules={[{ required: true, message: '请填写指标' }]}>
                        <Input placeholder="指标，如：检查企业" style={{ width: 180 }} maxLength={100} />
                      </Form.Item>
                    )}
                    <Form.Item name={[f.name, 'value']} noStyle>
                      <InputNumber placeholder="数值" style={{ width: 120 }} inputMode="decimal" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']} noStyle>
                      <Input placeholder="单位" style={{ width: 72 }} maxLength={20} disabled={row?.fromTarget} />
                    </Form.Item>
                    {target ? <span className="muted">目标：{targetText(target)}</span> : null}
                    {row?.fromTarget ? null : (
                      <Button type="text" icon={<DeleteOutlined />} aria-label="删除数据" onClick={() => remove(f.name)} />
                    )}
                  </Flex>
                );
              })}
              <div>
                <Button
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ metric: '', value: null, unit: '', fromTarget: false })}
                >
                  添加数据
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name={[...base, 'fileIds']} label="佐证材料（照片或 PDF）">
        <EvidenceUpload known={known} />
      </Form.Item>
      {item.report ? null : (
        <Form.Item
          name={[...base, 'noChange']}
          valuePropName="checked"
          style={{ marginBottom: 0 }}
          extra="未改动也未勾选的任务不计为已报送"
        >
          <Checkbox data-testid="dispatch-no-change">本月无新进展（确认按以上内容报送）</Checkbox>
        </Form.Item>
      )}
    </Card>
  );
}
