import type { ImportResult } from '@anzhi/core';
import { Card, Steps } from 'antd';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useImportEnterprises } from '../api.ts';
import { ImportChooseStep } from '../components/import-choose-step.tsx';
import { ImportPreview } from '../components/import-preview.tsx';
import { ImportResultView } from '../components/import-result-view.tsx';

type Stage = { step: 'choose' } | { step: 'preview'; file: File; result: ImportResult } | { step: 'done'; result: ImportResult };

const stepIndex = { choose: 0, preview: 1, done: 2 } as const;

/** The server's words for a file it refused (not .xlsx, empty sheet, too large), with what to do about it. */
function uploadProblem(error: unknown): string {
  if (error instanceof ApiError && error.status === 413) return `${error.message}。请拆分成几个较小的文件后分别导入。`;
  return errorMessage(error);
}

function localProblem(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls') || name.endsWith('.et') || name.endsWith('.csv')) {
    return `“${file.name}”不是 .xlsx 文件。请在 Excel 或 WPS 中打开后“另存为” Excel 工作簿（*.xlsx），再重新选择。`;
  }
  return null;
}

export function EnterpriseImportPage() {
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const check = useImportEnterprises();
  const commit = useImportEnterprises();

  const onFile = (file: File) => {
    setError(null);
    const problem = localProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    check.mutate(
      { file, dryRun: true },
      {
        onSuccess: (result) => setStage({ step: 'preview', file, result }),
        onError: (e) => setError(uploadProblem(e)),
      },
    );
  };

  const restart = () => {
    setError(null);
    check.reset();
    commit.reset();
    setStage({ step: 'choose' });
  };

  const confirm = (file: File) => {
    setError(null);
    commit.mutate(
      { file, dryRun: false },
      {
        onSuccess: (result) => setStage({ step: 'done', result }),
        onError: (e) => setError(uploadProblem(e)),
      },
    );
  };

  return (
    <PageContainer title="从 Excel 导入企业" testId="enterprise-import-page">
      <Card>
        <Steps
          current={stepIndex[stage.step]}
          status={stage.step === 'done' ? 'finish' : 'process'}
          style={{ marginBottom: 24 }}
          items={[{ title: '选择文件' }, { title: '检查预览' }, { title: '完成导入' }]}
        />
        {stage.step === 'choose' ? (
          <ImportChooseStep checking={check.isPending} error={error} onFile={onFile} />
        ) : stage.step === 'preview' ? (
          <ImportPreview
            fileName={stage.file.name}
            result={stage.result}
            importing={commit.isPending}
            error={error}
            onConfirm={() => confirm(stage.file)}
            onRestart={restart}
          />
        ) : (
          <ImportResultView result={stage.result} onAgain={restart} />
        )}
      </Card>
    </PageContainer>
  );
}
