import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type RoundStatus, roundStatusLabels } from '@anzhi/core';
import { Button, Card, DatePicker, Flex, Form, Input, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CampaignFormValues } from './campaign-form-values.ts';

/**
 * 轮次: "开展2次全覆盖检查" is two rounds over the whole scope, each with its start and due date. A round already
 * begun keeps its dates and cannot be removed; a new round starts the day after the last one's due date.
 */
export function RoundsEditor() {
  const form = Form.useFormInstance<CampaignFormValues>();
  const rounds = (Form.useWatch('rounds', form) ?? []) as NonNullable<CampaignFormValues['rounds']>;
  return (
    <Form.List name="rounds">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => {
            const status = rounds[index]?.status as RoundStatus | undefined;
            const begun = !!status && status !== 'planned';
            return (
              <Card size="small" key={field.key} data-testid={`round-line-${index}`}>
                <Flex gap={8} align="start" wrap>
                  <Typography.Text strong style={{ paddingTop: 5, minWidth: 52 }}>
                    第{index + 1}轮
                  </Typography.Text>
                  <Form.Item name={[field.name, 'title']} style={{ marginBottom: 0, width: 180 }}>
                    <Input placeholder={`名称（默认“第${index + 1}轮”）`} maxLength={40} disabled={begun} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'startsOn']} style={{ marginBottom: 0 }}>
                    <DatePicker placeholder="开始日期" disabled={begun} data-testid={`round-start-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueOn']} style={{ marginBottom: 0 }}>
                    <DatePicker placeholder="截止日期" disabled={begun} data-testid={`round-due-${index}`} />
                  </Form.Item>
                  {status ? <Tag>{roundStatusLabels[status]}</Tag> : null}
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    disabled={begun || fields.length === 1}
                    onClick={() => remove(field.name)}
                    aria-label={`删除第${index + 1}轮`}
                  />
                </Flex>
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div>
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= 12}
              data-testid="round-add"
              onClick={() => {
                const last = rounds[rounds.length - 1]?.dueOn as Dayjs | null | undefined;
                const start = last?.isValid() ? last.add(1, 'day') : undefined;
                add({ startsOn: start, dueOn: start?.add(1, 'month') });
              }}
            >
              增加一轮
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
