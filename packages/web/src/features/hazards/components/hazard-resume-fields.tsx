import { evaluationVerdictLabels, hazardEvaluatorLabels, hazardEvaluators, hazardVerdicts, reviewVerdictLabels } from '@anzhi/core';
import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { PhotoUpload } from '../../../components/photo-upload.tsx';

const evaluatorOptions = hazardEvaluators.map((value) => ({ value, label: hazardEvaluatorLabels[value] }));
const options = (labels: Record<(typeof hazardVerdicts)[number], string>) =>
  hazardVerdicts.map((value) => ({ value, label: labels[value] }));

const basis = '依据《生产经营单位生产安全事故隐患排查治理暂行规定》第十八条';

/** 评估: by the enterprise's own experts or an engaged safety-assessment institution, with the report. */
export function EvaluateFields() {
  const evaluator = Form.useWatch('evaluator');
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${basis}，重大事故隐患治理结束后，应对治理情况进行评估`}
        description="有条件的由本单位组织技术人员和专家评估；其他的委托具备相应资质的安全评价机构评估。"
      />
      <Form.Item name="evaluator" label="评估方式" required>
        <Radio.Group options={evaluatorOptions} />
      </Form.Item>
      {evaluator === 'institution' ? (
        <Form.Item name="institution" label="安全评价机构名称" required>
          <Input maxLength={100} />
        </Form.Item>
      ) : null}
      <Form.Item name="reportFiles" label="评估报告（扫描件或 PDF）" required>
        <PhotoUpload allowPdf />
      </Form.Item>
      <Form.Item name="verdict" label="评估结论" required>
        <Radio.Group optionType="button" buttonStyle="solid" options={options(evaluationVerdictLabels)} />
      </Form.Item>
      <Form.Item name="conclusion" label="评估意见" required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder="治理措施落实情况、是否符合安全生产条件" />
      </Form.Item>
    </>
  );
}

/** 恢复生产申请: the written application after a passed evaluation, where production had stopped. */
export function ApplyResumeFields() {
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${basis}，经治理后符合安全生产条件的，应提出恢复生产的书面申请`}
        description="申请报告应当包括治理方案的内容、项目和评估报告等；监管部门现场审查同意后方可恢复生产经营。"
      />
      <Form.Item name="applicant" label="申请人（主要负责人）" required>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="content" label="申请内容" required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder="治理完成情况，申请恢复生产的范围" />
      </Form.Item>
      <Form.Item name="files" label="书面申请（扫描件或 PDF）">
        <PhotoUpload allowPdf />
      </Form.Item>
    </>
  );
}

/** 现场审核: the supervising unit reviews on site; passed strikes the hazard off, failed orders correction. */
export function ReviewFields() {
  return (
    <>
      <Form.Item name="verdict" label="审查结论" required>
        <Radio.Group optionType="button" buttonStyle="solid" options={options(reviewVerdictLabels)} />
      </Form.Item>
      <Form.Item name="reviewedOn" label="现场审查日期" required>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="opinion" label="审查意见" required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder="如：经现场审查，治理到位，同意销号、恢复生产" />
      </Form.Item>
      <Form.Item name="photos" label="现场照片">
        <PhotoUpload />
      </Form.Item>
    </>
  );
}
