import type { Enterprise } from '@anzhi/core';
import { Cascader, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import {
  domainOptions,
  flagOptions,
  industryOptions,
  riskOptions,
  scaleOptions,
  smallVenueOptions,
  standardisationOptions,
  statusOptions,
} from '../enterprise-labels.ts';
import { fiveToOneLabels } from './enterprise-form-values.ts';
import { EnterpriseSelect } from './enterprise-select.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="enterprise-form-section">
      <Typography.Title level={5}>{title}</Typography.Title>
      <Row gutter={16}>{children}</Row>
    </section>
  );
}

function Half({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} sm={12}>
      {children}
    </Col>
  );
}

function Full({ children }: { children: ReactNode }) {
  return <Col span={24}>{children}</Col>;
}

const phoneInput = <Input inputMode="tel" maxLength={20} placeholder="手机号或带区号的固定电话" />;

function PersonFields({ name, label }: { name: string; label: string }) {
  return (
    <>
      <Half>
        <Form.Item name={name} label={label}>
          <Input maxLength={32} placeholder="姓名" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={`${name}Phone`} label={`${label}电话`}>
          {phoneInput}
        </Form.Item>
      </Half>
    </>
  );
}

export function IdentitySection() {
  return (
    <Section title="基本信息">
      <Full>
        <Form.Item name="name" label="企业名称" rules={[{ required: true, whitespace: true, message: '请输入企业名称' }]}>
          <Input maxLength={100} placeholder="与营业执照一致" />
        </Form.Item>
      </Full>
      <Half>
        <Form.Item name="creditCode" label="统一社会信用代码" extra="18 位，系统会校验最后一位校验码">
          <Input maxLength={20} placeholder="如 91339901MA2XXXXXXX" style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="regionCode" label="所属村（社区）" rules={[{ required: true, message: '请选择所属区划' }]}>
          <RegionTreeSelect hideAbolished placeholder="请选择所在村（社区）" />
        </Form.Item>
      </Half>
      <Full>
        <Form.Item name="address" label="生产经营地址">
          <Input maxLength={200} />
        </Form.Item>
      </Full>
      <Half>
        <Form.Item name="status" label="经营状态">
          <Select options={statusOptions} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="scale" label="规模">
          <Select options={scaleOptions} allowClear placeholder="规上 / 规下" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="employees" label="从业人数">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="人" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item label="经纬度" extra="可选，用于地图展示">
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="longitude" noStyle>
                <InputNumber min={-180} max={180} step={0.000001} placeholder="经度" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="latitude" noStyle>
                <InputNumber min={-90} max={90} step={0.000001} placeholder="纬度" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
      </Half>
    </Section>
  );
}

export function ClassificationSection({ selfId, landlordName }: { selfId?: number; landlordName?: string | null }) {
  return (
    <Section title="行业与标签">
      <Full>
        <Form.Item name="industryCode" label="国民经济行业（门类/大类）">
          <Cascader options={industryOptions} showSearch placeholder="GB/T 4754-2017，选到大类" style={{ width: '100%' }} />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="domains" label="行业领域" extra="决定监管单位（三管三必须）和是否须投保安责险">
          <Select mode="multiple" options={domainOptions} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="可多选" />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="flags" label="重点标签" extra="四涉一有限一使用、重大危险源、消防安全重点单位等">
          <Select mode="multiple" options={flagOptions} allowClear placeholder="可多选" />
        </Form.Item>
      </Full>
      <Half>
        <Form.Item name="smallVenueType" label="九小场所类型">
          <Select options={smallVenueOptions} allowClear placeholder="不属于九小场所可不填" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="landlordId" label="厂中厂：出租方企业" extra="租用其他企业厂房的，选择出租方">
          <EnterpriseSelect excludeId={selfId} initialLabel={landlordName} placeholder="输入出租方名称搜索" />
        </Form.Item>
      </Half>
    </Section>
  );
}

export function PeopleSection() {
  return (
    <Section title="人员">
      <PersonFields name="legalRepresentative" label="法定代表人" />
      <PersonFields name="principal" label="主要负责人" />
      <PersonFields name="actualController" label="实际控制人" />
      <PersonFields name="safetyManager" label="安全管理人员" />
    </Section>
  );
}

export function SupervisionSection({ enterprise }: { enterprise?: Enterprise }) {
  const derived =
    enterprise && !enterprise.supervisingUnitOverridden
      ? `当前按三管三必须确定为：${enterprise.supervisingUnitName ?? '（无对应单位，请在成员单位中配置监管行业领域或手工指定）'}`
      : '清空后按行业领域和三管三必须自动确定';
  return (
    <Section title="三个责任人与监管">
      <Full>
        <Form.Item name="supervisingUnitId" label="监管单位" extra={derived}>
          <UnitSelect placeholder="按三管三必须自动确定" />
        </Form.Item>
      </Full>
      <PersonFields name="townshipLeader" label="行政领导责任人" />
      <PersonFields name="unitSupervisor" label="部门监管责任人" />
      <Full>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          企业主要负责人即上方“人员”中的主要负责人。
        </Typography.Paragraph>
      </Full>
      <Full>
        <Typography.Text strong>五包一（消防安全重点单位）</Typography.Text>
      </Full>
      {Object.entries(fiveToOneLabels).map(([key, label]) => (
        <Col xs={12} sm={8} key={key}>
          <Form.Item name={['fiveToOne', key]} label={label}>
            <Input maxLength={32} placeholder="姓名" />
          </Form.Item>
        </Col>
      ))}
    </Section>
  );
}

export function StandingSection({ canGrade }: { canGrade: boolean }) {
  return (
    <>
      <Section title="资质与保险">
        <Half>
          <Form.Item name="standardisationLevel" label="安全生产标准化等级">
            <Select options={standardisationOptions} allowClear placeholder="未达标可不填" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="standardisationExpiry" label="标准化有效期至">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="insurer" label="安责险承保机构">
            <Input maxLength={64} />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="insurancePolicyNo" label="安责险保单号">
            <Input maxLength={64} />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="insuranceExpiry" label="安责险到期日">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Half>
      </Section>
      {canGrade ? (
        <Section title="风险等级">
          <Half>
            <Form.Item name="riskLevel" label="风险等级">
              <Select options={riskOptions} allowClear placeholder="未评定" />
            </Form.Item>
          </Half>
          <Full>
            <Form.Item name="riskLevelReason" label="评定理由">
              <Input.TextArea
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder="如：涉爆粉尘、重大危险源、近一年发生事故等"
              />
            </Form.Item>
          </Full>
        </Section>
      ) : null}
    </>
  );
}
