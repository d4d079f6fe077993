import { reportMatterLabels, reportMatters } from '@anzhi/core';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { type ReportDetail, useReportStep } from './api.ts';

export type SimpleStep = 'accept' | 'reject' | 'assign' | 'extend' | 'merge' | 'unmerge';

const titles: Record<SimpleStep, string> = {
  accept: '受理并交办',
  reject: '不予受理',
  assign: '改派承办单位',
  extend: '核查延期',
  merge: '合并到最初的举报',
  unmerge: '取消合并',
};

/** The small steps of handling, each a short form; the server answers with the new detail. */
export function ReportStepModal({ report, step, onClose }: { report: ReportDetail; step: SimpleStep | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const accept = useReportStep(report.id, 'accept');
  const reject = useReportStep(report.id, 'reject');
  const assign = useReportStep(report.id, 'assign');
  const extend = useReportStep(report.id, 'extend');
  const merge = useReportStep(report.id, 'merge');
  const unmerge = useReportStep(report.id, 'unmerge');
  const pending = [accept, reject, assign, extend, merge, unmerge].some((m) => m.isPending);
  const done = {
    onSuccess: () => {
      message.success('已办理');
      onClose();
    },
    onError: (e: unknown) => message.error(errorMessage(e)),
  };
  const version = report.version;

  const submit = async () => {
    const v = await form.validateFields();
    if (step === 'accept') accept.mutate({ version, assignedUnitId: v.assignedUnitId, matter: v.matter }, done);
    if (step === 'reject') reject.mutate({ version, reason: v.reason }, done);
    if (step === 'assign') assign.mutate({ version, unitId: v.unitId }, done);
    if (step === 'extend') extend.mutate({ version, days: v.days, reason: v.reason }, done);
    if (step === 'merge') merge.mutate({ version, intoId: v.intoId }, done);
    if (step === 'unmerge') unmerge.mutate({ version }, done);
  };

  return (
    <Modal
      open={step !== null}
      title={step ? titles[step] : ''}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          assignedUnitId: report.assignedUnitId ?? report.supervisingUnitId ?? undefined,
          matter: report.matter ?? undefined,
        }}
      >
        {step === 'accept' ? (
          <>
            <Form.Item
              name="assignedUnitId"
              label="承办单位（默认企业的行业监管部门）"
              rules={[{ required: true, message: '请选择承办单位' }]}
            >
              <UnitSelect />
            </Form.Item>
            <Form.Item name="matter" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
              <Select options={reportMatters.map((m) => ({ value: m, label: reportMatterLabels[m] }))} />
            </Form.Item>
          </>
        ) : null}
        {step === 'assign' ? (
          <Form.Item name="unitId" label="新的承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
            <UnitSelect />
          </Form.Item>
        ) : null}
        {step === 'extend' ? (
          <>
            <p className="muted">
              当前核查期限 {report.dueOn}，已延期 {report.extendedDays} 天。延期理由将告知举报人。
            </p>
            <Form.Item name="days" label="延期天数" rules={[{ required: true, message: '请填写延期天数' }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {step === 'reject' || step === 'extend' ? (
          <Form.Item
            name="reason"
            label={step === 'reject' ? '不予受理理由（将告知举报人）' : '延期理由'}
            rules={[{ required: true, min: 2, message: '请填写理由' }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : null}
        {step === 'merge' ? (
          <Form.Item
            name="intoId"
            label="最初举报的编号（在列表中打开该举报，地址栏末尾的数字）"
            rules={[{ required: true, message: '请填写举报编号' }]}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {step === 'unmerge' ? <p>取消合并后，本件举报将恢复单独办理。</p> : null}
      </Form>
    </Modal>
  );
}
