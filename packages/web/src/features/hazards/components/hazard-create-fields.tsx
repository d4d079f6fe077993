import { majorReportItemLabels, majorReportItems } from '@anzhi/core';
import { Button, DatePicker, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PhotoUpload } from '../../../components/photo-upload.tsx';
import { categoryOptions, channelOptions } from '../hazard-labels.ts';
import { useHazardSlots } from '../hazard-slots.tsx';
import type { HazardFormValues } from './hazard-create-values.ts';

const quickDays = [3, 7, 15, 30];

function DeadlineField() {
  const form = Form.useFormInstance<HazardFormValues>();
  const foundOn = Form.useWatch('foundOn', form) as Dayjs | null | undefined;
  const from = foundOn ?? dayjs();
  return (
    <Form.Item label="整改期限" required extra="期限当天仍可整改，次日起算逾期">
      <Form.Item name="deadline" noStyle>
        <DatePicker
          style={{ width: '100%' }}
          inputReadOnly
          placeholder="选择整改期限"
          disabledDate={(d) => d.isBefore(from, 'day')}
          data-testid="hazard-deadline"
        />
      </Form.Item>
      <Space wrap style={{ marginTop: 8 }}>
        {quickDays.map((n) => (
          <Button key={n} onClick={() => form.setFieldValue('deadline', from.add(n, 'day'))}>
            {n}天内
          </Button>
        ))}
      </Space>
    </Form.Item>
  );
}

/** 一般隐患: a deadline, or 立行立改 on the spot with the after-photos; the hazard is then closed in one step. */
function GeneralFields() {
  const fixedOnSpot = Form.useWatch('fixedOnSpot') as boolean | undefined;
  return (
    <>
      <Form.Item name="fixedOnSpot" label="立行立改" valuePropName="checked" extra="现场已整改完毕的，上传整改后照片即销号">
        <Switch checkedChildren="已现场整改" unCheckedChildren="限期整改" data-testid="hazard-fixed-on-spot" />
      </Form.Item>
      {fixedOnSpot ? (
        <Form.Item name="afterPhotos" label="整改后照片" required>
          <PhotoUpload />
        </Form.Item>
      ) : (
        <DeadlineField />
      )}
    </>
  );
}

/** 16号令 第十四条第二款: 现状及其产生原因, 危害程度, 整改难易程度 (also on the 认定 form). */
export function MajorReportFields({ extra, required }: { extra?: string; required?: boolean }) {
  return (
    <>
      {majorReportItems.map((k, i) => (
        <Form.Item key={k} name={k} label={majorReportItemLabels[k]} required={required} extra={i === 0 ? extra : undefined}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      ))}
    </>
  );
}

/** 重大隐患: the 判定标准 clause, suggested from the description; it may also be chosen at 认定. */
function MajorFields() {
  const { CriteriaPicker } = useHazardSlots();
  const description = (Form.useWatch('description') as string | undefined) ?? '';
  const enterpriseId = Form.useWatch('enterpriseId') as number | null | undefined;
  const foundOn = Form.useWatch('foundOn') as Dayjs | null | undefined;
  return (
    <>
      <Form.Item name="criteriaCodes" label="判定依据" extra="按描述推荐《重大事故隐患判定标准》条款；拿不准可先不选，由监管单位认定时确定">
        <CriteriaPicker description={description} enterpriseId={enterpriseId} foundOn={foundOn?.format('YYYY-MM-DD')} />
      </Form.Item>
      <MajorReportFields extra="依据第十四条第二款，认定前须写明；现场不清楚的可先不填" />
    </>
  );
}

interface HazardCreateFieldsProps {
  /** An enterprise account reports its own hazards only, as 企业自查自报. */
  ownEnterpriseName?: string;
}

/** One column, big targets: filled in on a phone at the site in under a minute. */
export function HazardCreateFields({ ownEnterpriseName }: HazardCreateFieldsProps) {
  const { EnterpriseSelect } = useHazardSlots();
  const grade = Form.useWatch('grade') as HazardFormValues['grade'];
  return (
    <>
      {ownEnterpriseName ? (
        <Form.Item label="企业">
          <Typography.Text strong>{ownEnterpriseName}</Typography.Text>
          <div className="muted">企业自查自报</div>
        </Form.Item>
      ) : (
        <>
          <Form.Item name="enterpriseId" label="企业" required>
            <EnterpriseSelect placeholder="输入企业名称或拼音首字母搜索" />
          </Form.Item>
          <Form.Item name="channel" label="隐患来源" required>
            <Select options={channelOptions} />
          </Form.Item>
        </>
      )}
      <Form.Item name="grade" label="隐患等级" required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          block
          options={[
            { value: 'general', label: '一般隐患' },
            { value: 'major', label: '重大隐患' },
          ]}
          data-testid="hazard-grade"
        />
      </Form.Item>
      <Form.Item name="category" label="隐患类别" required>
        <Radio.Group optionType="button" className="hazard-category-group" options={categoryOptions} />
      </Form.Item>
      <Form.Item name="title" label="一句话概括" required>
        <Input placeholder="如：配电箱未上锁、消防通道堵塞" maxLength={60} showCount data-testid="hazard-title" />
      </Form.Item>
      <Form.Item name="description" label="隐患描述" required>
        <Input.TextArea
          placeholder="在什么部位、什么情况、可能导致什么后果"
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          data-testid="hazard-description"
        />
      </Form.Item>
      <Form.Item name="location" label="具体位置">
        <Input placeholder="如：二号车间东侧配电房" maxLength={100} />
      </Form.Item>
      <Form.Item name="photos" label="现场照片">
        <PhotoUpload />
      </Form.Item>
      <Form.Item name="foundOn" label="发现日期">
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
      </Form.Item>
      {grade === 'major' ? <MajorFields /> : <GeneralFields />}
    </>
  );
}
