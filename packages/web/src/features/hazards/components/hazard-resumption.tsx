import { evaluationVerdictLabels, fileThumbUrl, fileUrl, type HazardDetail, hazardEvaluatorLabels, reviewVerdictLabels } from '@anzhi/core';
import { Card, Descriptions, Tag } from 'antd';
import { HazardPhotos } from './hazard-photos.tsx';

const files = (ids: number[]) => ids.map((id) => ({ id, url: fileUrl(id), thumbUrl: fileThumbUrl(id) }));
const when = (iso: string) => iso.slice(0, 10);

/** 16号令 第十八条 after 治理: the evaluation, the application to resume production, the on-site review. */
export function HazardResumption({ h }: { h: HazardDetail }) {
  const { evaluation: e, resumeApplication: a, review: r } = h;
  if (!e && !a && !r) return null;
  return (
    <Card title="评估、恢复生产申请与现场审核" size="small" data-testid="hazard-resumption">
      {e ? (
        <Descriptions
          size="small"
          column={1}
          title={
            <>
              治理情况评估 <Tag color={e.verdict === 'passed' ? 'success' : 'error'}>{evaluationVerdictLabels[e.verdict]}</Tag>
            </>
          }
          items={[
            { key: 'by', label: '评估方式', children: hazardEvaluatorLabels[e.evaluator] + (e.institution ? `（${e.institution}）` : '') },
            { key: 'conclusion', label: '评估意见', children: e.conclusion },
            { key: 'report', label: '评估报告', children: <HazardPhotos photos={files(e.reportFiles)} /> },
            { key: 'at', label: '记录', children: `${e.by} · ${when(e.at)}` },
          ]}
        />
      ) : null}
      {a ? (
        <Descriptions
          size="small"
          column={1}
          title="恢复生产申请"
          style={{ marginTop: 12 }}
          items={[
            { key: 'applicant', label: '申请人', children: a.applicant },
            { key: 'content', label: '申请内容', children: a.content },
            ...(a.files.length ? [{ key: 'files', label: '书面申请', children: <HazardPhotos photos={files(a.files)} /> }] : []),
            { key: 'at', label: '提交', children: `${a.by} · ${when(a.at)}` },
          ]}
        />
      ) : null}
      {r ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 12 }}
          title={
            <>
              现场审核 <Tag color={r.verdict === 'passed' ? 'success' : 'error'}>{reviewVerdictLabels[r.verdict]}</Tag>
            </>
          }
          items={[
            { key: 'on', label: '审查日期', children: r.reviewedOn },
            { key: 'opinion', label: '审查意见', children: r.opinion },
            { key: 'by', label: '审查人', children: r.reviewer },
          ]}
        />
      ) : null}
    </Card>
  );
}
