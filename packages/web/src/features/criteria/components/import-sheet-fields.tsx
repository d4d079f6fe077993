import { criteriaSetStatusLabels, enterpriseFlags, supervisionDomains } from '@anzhi/core';
import { Col, DatePicker, Form, type FormInstance, Input, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import type { SheetFieldValues } from '../api.ts';

export interface SheetFieldsForm {
  id?: string;
  title?: string;
  issuer?: string;
  docNumber?: string;
  published?: Dayjs | null;
  effective?: Dayjs | null;
  status?: string;
  supersededBy?: string;
  repealedOn?: Dayjs | null;
  replaces?: string;
  sources?: string;
  domains?: string[];
  flags?: string[];
  appliesToAll?: boolean;
  scope?: string;
  citationNote?: string;
  notes?: string;
}

const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The form's values as the import's text fields (dates as YYYY-MM-DD, lists repeated). */
export function sheetFieldValues(v: SheetFieldsForm): SheetFieldValues {
  return {
    id: v.id,
    title: v.title,
    issuer: v.issuer,
    docNumber: v.docNumber,
    published: date(v.published),
    effective: date(v.effective),
    status: v.status,
    supersededBy: v.status === 'superseded' ? v.supersededBy : undefined,
    repealedOn: v.status === 'current' ? undefined : date(v.repealedOn),
    replaces: v.replaces,
    sources: v.sources,
    domains: v.domains,
    flags: v.flags,
    appliesToAll: v.appliesToAll ? 'true' : undefined,
    scope: v.scope,
    citationNote: v.citationNote,
    notes: v.notes,
  };
}

const required = (label: string) => [{ required: true, message: `请填写${label}` }];
const half = { xs: 24, md: 12 } as const;
const domainOptions = supervisionDomains.map(([value, label]) => ({ value, label }));
const flagOptions = enterpriseFlags.map(([value, label]) => ({ value, label }));
const statusOptions = Object.entries(criteriaSetStatusLabels).map(([value, label]) => ({ value, label }));

/** An .xlsx holds only the items: the set's own fields are asked for here. */
export function ImportSheetFields({ form, setIds }: { form: FormInstance<SheetFieldsForm>; setIds: readonly string[] }) {
  const status = Form.useWatch('status', form);
  return (
    <Form<SheetFieldsForm>
      form={form}
      layout="vertical"
      initialValues={{ status: 'current' }}
      autoComplete="off"
      data-testid="sheet-fields"
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="id" label="标准编号" rules={required('标准编号')} extra="小写字母、数字和连字符，每个版本一个，如 gb35181-2025">
            <Input placeholder="gb35181-2025" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="title" label="标准名称" rules={required('标准名称')}>
            <Input placeholder="重大火灾隐患判定规则" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="issuer" label="发布机关" rules={required('发布机关')}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="docNumber" label="文号" rules={required('文号')}>
            <Input placeholder="应急管理部令第10号 / GB 35181-2025" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="published" label="发布日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="effective" label="施行日期" rules={required('施行日期')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="status" label="状态">
            <Select options={statusOptions} />
          </Form.Item>
        </Col>
        {status && status !== 'current' ? (
          <Col xs={12} md={6}>
            <Form.Item name="repealedOn" label="废止日期" rules={required('废止日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ) : null}
        {status === 'superseded' ? (
          <Col {...half}>
            <Form.Item name="supersededBy" label="被替代为（标准编号）" rules={required('替代它的标准编号')}>
              <Input />
            </Form.Item>
          </Col>
        ) : null}
        <Col {...half}>
          <Form.Item name="replaces" label="替代库中的标准" extra="新版本替代旧版本时选择；导入后旧版本自新版本施行日起标为“已被替代”">
            <Select allowClear showSearch options={setIds.map((id) => ({ value: id, label: id }))} placeholder="不替代" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="sources" label="来源" rules={required('来源')} extra="官方文本的网址或出处，每行一个">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="domains" label="适用领域" extra="不填时取各条款的适用领域">
            <Select mode="multiple" allowClear options={domainOptions} optionFilterProp="label" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="flags" label="适用标志">
            <Select mode="multiple" allowClear options={flagOptions} optionFilterProp="label" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="appliesToAll" label="适用于所有企业和场所" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="scope" label="适用范围">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="citationNote" label="引用提示">
            <Input.TextArea rows={2} maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="notes" label="备注">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
