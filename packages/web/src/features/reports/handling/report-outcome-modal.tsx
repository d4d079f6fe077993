import {
  accidentGradeLabels,
  accidentGrades,
  hazardCategories,
  hazardCategoryLabels,
  hazardGradeLabels,
  hazardGrades,
  type ReportOutcomeBody,
  reportMatterLabels,
  reportMatters,
} from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { call, errorMessage } from '../../../lib/api-client.ts';
import { type ReportDetail, useReportStep } from './api.ts';

type Mode = 'createHazard' | 'linkHazard' | 'enforcement' | 'concealed';

/** 核查办结: 属实 → a new hazard prefilled from the report, an existing hazard or an enforcement case of the enterprise; 不属实. */
export function ReportOutcomeModal({ report, open, onClose }: { report: ReportDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const step = useReportStep(report.id, 'outcome');
  const outcome = Form.useWatch('outcome', form) ?? 'founded';
  const matter = Form.useWatch('matter', form) ?? report.matter;
  const [mode, setMode] = useState<Mode>(report.enterpriseId ? 'createHazard' : 'concealed');
  const enterpriseId = report.enterpriseId;
  const hazards = useQuery({
    queryKey: ['hazards', 'of-enterprise', enterpriseId],
    queryFn: ({ signal }) => call('GET /hazards', { query: { enterpriseId: enterpriseId as number }, signal }),
    enabled: open && mode === 'linkHazard' && !!enterpriseId,
  });
  const penalties = useQuery({
    queryKey: ['penalties', 'of-enterprise', enterpriseId],
    queryFn: ({ signal }) => call('GET /penalties', { query: { enterpriseId: enterpriseId as number, page: 1, pageSize: 50 }, signal }),
    enabled: open && mode === 'enforcement' && !!enterpriseId,
  });

  const submit = async () => {
    const v = await form.validateFields();
    const body: ReportOutcomeBody = { version: report.version, outcome: v.outcome, feedback: v.feedback, note: v.note, matter: v.matter };
    if (v.outcome === 'founded') {
      if (mode === 'createHazard')
        body.createHazard = {
          title: v.title,
          description: v.description,
          grade: v.grade,
          category: v.category,
          deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
          location: v.location ?? null,
          criteriaCodes: [],
        };
      if (mode === 'linkHazard') body.linkHazardId = v.linkHazardId;
      if (mode === 'enforcement') body.enforcementPenaltyId = v.enforcementPenaltyId;
      if (v.matter === 'concealedAccident') {
        body.concealedDeaths = v.concealedDeaths;
        body.accidentGrade = v.accidentGrade;
      }
    }
    step.mutate(body, {
      onSuccess: () => {
        message.success('已办结并反馈举报人');
        onClose();
      },
      onError: (e) => message.error(errorMessage(e)),
    });
  };

  return (
    <Modal
      open={open}
      title="核查办结"
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={step.isPending}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          outcome: 'founded',
          matter: report.matter ?? undefined,
          title: report.excerpt.slice(0, 58),
          description: report.description.slice(0, 2000),
          location: report.place ?? undefined,
          grade: report.matter === 'majorHazard' ? 'major' : 'general',
          category: 'thing',
        }}
      >
        <Form.Item name="outcome" label="核查结果" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'founded', label: '属实' },
              { value: 'unfounded', label: '不属实' },
            ]}
          />
        </Form.Item>
        <Form.Item name="matter" label="问题类别">
          <Select options={reportMatters.map((m) => ({ value: m, label: reportMatterLabels[m] }))} />
        </Form.Item>
        {outcome === 'founded' && matter !== 'concealedAccident' ? (
          <Form.Item label="处理方式">
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              disabled={!enterpriseId}
              options={[
                { value: 'createHazard', label: '新建隐患' },
                { value: 'linkHazard', label: '关联已有隐患' },
                { value: 'enforcement', label: '关联处罚案件' },
              ]}
            />
            {!enterpriseId ? <div className="muted">举报未关联企业，不能转为隐患或执法案件</div> : null}
          </Form.Item>
        ) : null}
        {outcome === 'founded' && matter !== 'concealedAccident' && mode === 'createHazard' ? (
          <>
            <Form.Item name="title" label="隐患概述" rules={[{ required: true, min: 2, max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="description" label="隐患描述" rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="grade" label="隐患等级" rules={[{ required: true }]}>
              <Radio.Group options={hazardGrades.map((g) => ({ value: g, label: hazardGradeLabels[g] }))} />
            </Form.Item>
            <Form.Item name="category" label="隐患类别" rules={[{ required: true }]}>
              <Select options={hazardCategories.map((c) => ({ value: c, label: hazardCategoryLabels[c] }))} />
            </Form.Item>
            <Form.Item name="location" label="部位">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="deadline" label="整改期限（一般隐患必填）">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {outcome === 'founded' && mode === 'linkHazard' && matter !== 'concealedAccident' ? (
          <Form.Item
            name="linkHazardId"
            label="该企业的隐患（自查或检查已发现的同一问题）"
            rules={[{ required: true, message: '请选择隐患' }]}
          >
            <Select
              loading={hazards.isPending}
              options={(hazards.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.code} ${h.title}` }))}
            />
          </Form.Item>
        ) : null}
        {outcome === 'founded' && mode === 'enforcement' && matter !== 'concealedAccident' ? (
          <Form.Item name="enforcementPenaltyId" label="该企业的处罚案件" rules={[{ required: true, message: '请选择处罚案件' }]}>
            <Select
              loading={penalties.isPending}
              options={(penalties.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.decisionNo ?? `案件 ${p.id}`}（立案 ${p.filedOn}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        {outcome === 'founded' && matter === 'concealedAccident' ? (
          <>
            <Form.Item name="concealedDeaths" label="核实瞒报（谎报）死亡人数" rules={[{ required: true, message: '请填写人数' }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="accidentGrade" label="事故最终认定等级" rules={[{ required: true, message: '请选择等级' }]}>
              <Select options={accidentGrades.map((g) => ({ value: g, label: accidentGradeLabels[g] }))} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label="核查情况（内部记录，不告知举报人）">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="feedback" label="给举报人的反馈" rules={[{ required: true, min: 2, message: '请填写给举报人的反馈' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
