import { Alert, Card, Flex, Steps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { type PlanSource, useImportPlan } from '../api.ts';
import { importProblem, PlanSourcePicker } from '../components/plan-source-picker.tsx';
import '../plans.css';

/** 导入方案, step 1: the document. The review (step 2) and publishing (step 3) happen on the draft's page. */
export function PlanImportPage() {
  const navigate = useNavigate();
  const importPlan = useImportPlan();
  const [error, setError] = useState<string | null>(null);
  const user = useCurrentUser();
  // A township clerk's plans belong to the township; an account over several regions says which.
  const pickRegion = user.regionCodes.length !== 1;
  const [regionCode, setRegionCode] = useState<string | null>(null);

  const onSource = (source: PlanSource) => {
    setError(null);
    if (pickRegion && !regionCode) {
      setError('请先选择方案所属的乡镇（街道）');
      return;
    }
    importPlan.mutate(
      { source, regionCode: regionCode ?? undefined },
      {
        onSuccess: (draft) => navigate(`/plans/${draft.plan.id}/review`),
        onError: (e) => setError(importProblem(e)),
      },
    );
  };

  return (
    <PageContainer title="导入方案" testId="plan-import-page">
      <Card>
        <Steps
          current={0}
          style={{ marginBottom: 24 }}
          items={[{ title: '选择方案文件' }, { title: '核对任务与单位' }, { title: '发布' }]}
        />
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="系统会把方案拆成任务台账"
          description="自动识别各级标题、任务条目、牵头和配合单位、完成时限、工作频次和量化指标，并为方案中的单位名称匹配系统中的成员单位。识别结果需要您逐项核对后再发布；发布后各单位即可在“月调度”中填报进展。"
        />
        {pickRegion ? (
          <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
            <span>所属乡镇（街道）：</span>
            <div style={{ width: 280 }}>
              <RegionTreeSelect value={regionCode} onChange={(v) => setRegionCode(typeof v === 'string' ? v : null)} hideAbolished />
            </div>
          </Flex>
        ) : null}
        <PlanSourcePicker busy={importPlan.isPending} busyText="正在识别方案，请稍候…" error={error} onSource={onSource} />
      </Card>
    </PageContainer>
  );
}
