import { fiveInPlace, fiveInPlaceLabels, type HazardAction, type HazardDetail, planContentLabels, planContents } from '@anzhi/core';
import { Alert, Checkbox, DatePicker, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { PhotoUpload } from '../../../components/photo-upload.tsx';
import { stoppageOptions } from '../hazard-labels.ts';
import { useHazardSlots } from '../hazard-slots.tsx';
import { MajorReportFields } from './hazard-create-fields.tsx';
import { ApplyResumeFields, EvaluateFields, ReviewFields } from './hazard-resume-fields.tsx';

function TextField({ name, label, placeholder, required }: { name: string; label: string; placeholder?: string; required?: boolean }) {
  return (
    <Form.Item name={name} label={label} required={required}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder={placeholder} />
    </Form.Item>
  );
}

function Photos({ label, required }: { label: string; required?: boolean }) {
  return (
    <Form.Item name="photos" label={label} required={required}>
      <PhotoUpload />
    </Form.Item>
  );
}

function DateField({ label, after, required, extra }: { label: string; after?: string | null; required?: boolean; extra?: string }) {
  const today = dayjs();
  const min = after && dayjs(after).isAfter(today, 'day') ? dayjs(after).add(1, 'day') : today;
  return (
    <Form.Item name="deadline" label={label} required={required} extra={extra}>
      <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isBefore(min, 'day')} />
    </Form.Item>
  );
}

function Criteria({ h, required }: { h: HazardDetail; required?: boolean }) {
  const { CriteriaPicker } = useHazardSlots();
  return (
    <Form.Item
      name="criteriaCodes"
      label="判定依据（重大事故隐患判定标准条款）"
      required={required}
      extra="按隐患描述推荐；认定重大事故隐患须至少引用一条"
    >
      <CriteriaPicker description={h.description} enterpriseId={h.enterpriseId} foundOn={h.foundOn} />
    </Form.Item>
  );
}

function PlanFields() {
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="依据《事故隐患排查治理暂行规定》第十五条，重大事故隐患治理方案应包括以下六项内容"
      />
      {planContents.map((k) => (
        <Form.Item key={k} name={['plan', k]} label={planContentLabels[k]} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      ))}
      <Form.Item name="interimMeasures" label="治理期间的临时安全防范措施" required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="如：设置警戒区、专人值守、停用相关设备" />
      </Form.Item>
      <Form.Item name="stoppage" label="停产停业" required>
        <Radio.Group optionType="button" options={stoppageOptions} />
      </Form.Item>
      <DateField label="治理时限" required />
      <Form.Item name="files" label="方案附件（照片、扫描件）">
        <PhotoUpload />
      </Form.Item>
    </>
  );
}

/** 五落实: the reviewer ticks each one; a plan missing any goes back. */
function FiveInPlaceChecks() {
  return (
    <Form.Item name="checks" label="五落实核查" required extra="五项均落实方可通过；有未落实的，请“退回方案”">
      <Checkbox.Group className="hazard-checks" options={fiveInPlace.map((k) => ({ value: k, label: fiveInPlaceLabels[k] }))} />
    </Form.Item>
  );
}

/** The fields of one action's body (core's `hazardActionBodies[action]`). */
export function HazardActionFields({ action, h }: { action: HazardAction; h: HazardDetail }) {
  switch (action) {
    case 'confirm':
      return (
        <>
          <Criteria h={h} required />
          <MajorReportFields required extra="依据第十四条第二款，重大事故隐患报告应写明以下内容" />
          <DateField label="治理方案报送及审核期限（不填按默认天数）" />
          <TextField name="opinion" label="认定意见" />
        </>
      );
    case 'submitPlan':
      return <PlanFields />;
    case 'approvePlan':
      return (
        <>
          <FiveInPlaceChecks />
          <DateField label="整改期限（不改可不填）" extra={h.deadline ? `方案中的治理时限为 ${h.deadline}` : undefined} />
          <TextField name="opinion" label="审核意见" />
        </>
      );
    case 'returnPlan':
      return <TextField name="opinion" label="退回理由" required placeholder="方案缺少哪些内容、需如何修改" />;
    case 'supervise':
      return (
        <>
          <Form.Item name="level" label="督办级别" required>
            <Radio.Group optionType="button" buttonStyle="solid" options={h.supervisionOptions} />
          </Form.Item>
          <TextField name="opinion" label="督办要求" />
        </>
      );
    case 'unsupervise':
      return (
        <>
          {h.status === 'closed' ? null : (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="隐患尚未销号：未销号摘牌须写明决定理由" />
          )}
          <TextField
            name="reason"
            label="摘牌理由"
            required
            placeholder={h.status === 'closed' ? '已销号，予以摘牌' : '摘牌的决定及理由'}
          />
        </>
      );
    case 'rectify':
      return (
        <>
          <TextField name="note" label="整改情况" required placeholder="采取了哪些措施，现在是什么状况" />
          <Photos label="整改后照片" required />
        </>
      );
    case 'accept':
      return (
        <>
          <TextField name="opinion" label="验收意见" required placeholder="如：经现场核查，已整改到位，同意销号" />
          <Photos label="验收照片" />
        </>
      );
    case 'reject':
      return (
        <>
          <TextField name="opinion" label="不通过理由" required placeholder="哪里未整改到位，需如何整改" />
          <Photos label="现场照片" />
        </>
      );
    case 'requestExtension':
      return (
        <>
          <DateField label="申请延至" after={h.deadline} required extra={h.deadline ? `原整改期限 ${h.deadline}` : undefined} />
          <TextField name="reason" label="延期理由" required />
        </>
      );
    case 'approveExtension':
    case 'denyExtension':
      return (
        <>
          {h.pendingExtension ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`${h.pendingExtension.requestedBy} 申请延至 ${h.pendingExtension.deadline}`}
              description={`理由：${h.pendingExtension.reason}`}
            />
          ) : null}
          <TextField
            name="opinion"
            label={action === 'approveExtension' ? '审批意见' : '不同意的理由'}
            required={action === 'denyExtension'}
          />
        </>
      );
    case 'dismiss':
      return <TextField name="reason" label="撤销理由" required placeholder="经核查隐患不成立的原因" />;
    case 'decline':
      return <TextField name="reason" label="不予认定理由" required placeholder="经核查不构成重大事故隐患的原因" />;
    case 'evaluate':
      return <EvaluateFields />;
    case 'applyResume':
      return <ApplyResumeFields />;
    case 'review':
      return <ReviewFields />;
    case 'upgrade':
      return (
        <>
          <TextField name="reason" label="升级理由" required placeholder="为何应按重大事故隐患治理" />
          <Criteria h={h} />
          <DateField label="认定及报送治理方案期限（不填按默认天数）" />
        </>
      );
  }
}
