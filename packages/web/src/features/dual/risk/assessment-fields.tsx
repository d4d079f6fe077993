import {
  controlLevelLabels,
  lecConsequence,
  lecExposure,
  lecLikelihood,
  lsLikelihoodLabels,
  lsScale,
  lsSeverityLabels,
  type RiskAssessmentInput,
} from '@anzhi/core';
import { Alert, Descriptions, Form, Radio, Select, Spin } from 'antd';
import { useAssessmentPreview } from './api.ts';
import { LevelTag } from './risk-tags.tsx';

const options = (scale: ReadonlyArray<readonly [number, string]>) => scale.map(([v, label]) => ({ value: v, label: `${v} — ${label}` }));
const lsOptions = (labels: Record<number, string>) => lsScale.map((v) => ({ value: v, label: `${v} — ${labels[v]}` }));

/** The form's assessment as core's input, or null while a factor is missing. */
export function assessmentOf(v: { method?: 'lec' | 'ls'; l?: number; e?: number; c?: number; s?: number }): RiskAssessmentInput | null {
  if (v.method === 'lec' && v.l != null && v.e != null && v.c != null) return { method: 'lec', l: v.l, e: v.e, c: v.c };
  if (v.method === 'ls' && v.l != null && v.s != null) return { method: 'ls', l: v.l, s: v.s };
  return null;
}

/**
 * LEC or LS with each factor's scale as a select showing its Chinese meaning (regulations.md §5.1, §5.2), and the
 * result computed by the server with the township's bands: D or R, colour and 管控层级, as the values change.
 */
export function AssessmentFields({ enterpriseId }: { enterpriseId: number }) {
  const form = Form.useFormInstance();
  const method = Form.useWatch('method', form) as 'lec' | 'ls' | undefined;
  const values = Form.useWatch([], form) ?? {};
  const preview = useAssessmentPreview(enterpriseId, assessmentOf(values));
  return (
    <>
      <Form.Item name="method" label="评估方法" rules={[{ required: true, message: '请选择评估方法' }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'lec', label: 'LEC（D = L×E×C）' },
            { value: 'ls', label: '风险矩阵（R = L×S）' },
          ]}
        />
      </Form.Item>
      {method === 'lec' && (
        <>
          <Form.Item name="l" label="L 事故发生的可能性" rules={[{ required: true, message: '请选择 L' }]}>
            <Select options={options(lecLikelihood)} size="large" />
          </Form.Item>
          <Form.Item name="e" label="E 暴露于危险环境的频繁程度" rules={[{ required: true, message: '请选择 E' }]}>
            <Select options={options(lecExposure)} size="large" />
          </Form.Item>
          <Form.Item name="c" label="C 发生事故可能造成的后果" rules={[{ required: true, message: '请选择 C' }]}>
            <Select options={options(lecConsequence)} size="large" />
          </Form.Item>
        </>
      )}
      {method === 'ls' && (
        <>
          <Form.Item name="l" label="L 可能性" rules={[{ required: true, message: '请选择 L' }]}>
            <Select options={lsOptions(lsLikelihoodLabels)} size="large" />
          </Form.Item>
          <Form.Item name="s" label="S 严重程度" rules={[{ required: true, message: '请选择 S' }]}>
            <Select options={lsOptions(lsSeverityLabels)} size="large" />
          </Form.Item>
        </>
      )}
      {preview.isFetching && <Spin size="small" />}
      {preview.error && <Alert type="error" showIcon message={preview.error.message} />}
      {preview.data && (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={method === 'ls' ? '风险值 R' : '风险值 D'}>{preview.data.score}</Descriptions.Item>
          <Descriptions.Item label="风险等级">
            <LevelTag level={preview.data.level} />
          </Descriptions.Item>
          <Descriptions.Item label="管控层级">{controlLevelLabels[preview.data.controlLevel]}</Descriptions.Item>
        </Descriptions>
      )}
    </>
  );
}
