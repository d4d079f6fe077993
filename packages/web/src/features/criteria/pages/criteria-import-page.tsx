import type { CriteriaImportReport } from '@anzhi/core';
import { Button, Card, Flex, Form, Result, Steps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { type SheetFieldValues, useCriteriaSets, useImportCriteriaSet } from '../api.ts';
import { ImportChooseStep, kindOfFile } from '../components/import-choose-step.tsx';
import { ImportReportView } from '../components/import-report-view.tsx';
import type { SheetFieldsForm } from '../components/import-sheet-fields.tsx';

type Stage =
  | { step: 'choose' }
  | { step: 'preview'; file: File; fields: SheetFieldValues | undefined; report: CriteriaImportReport }
  | { step: 'done'; report: CriteriaImportReport };

const stepIndex = { choose: 0, preview: 1, done: 2 } as const;

/** Upload → check (nothing written) → confirm: a new standard or a new version enters the library as data. */
export function CriteriaImportPage() {
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<SheetFieldsForm>();
  const sets = useCriteriaSets();
  const check = useImportCriteriaSet();
  const commit = useImportCriteriaSet();
  const navigate = useNavigate();

  const onFile = (f: File) => {
    setError(null);
    setFile(kindOfFile(f) ? f : null);
    if (!kindOfFile(f)) setError(`“${f.name}”不是 .json 或 .xlsx 文件。旧版 .xls 请在 Excel 或 WPS 中“另存为” .xlsx 后再选择。`);
  };

  const onCheck = (f: File, fields: SheetFieldValues | undefined) => {
    setError(null);
    check.mutate(
      { file: f, fields, dryRun: true },
      { onSuccess: (report) => setStage({ step: 'preview', file: f, fields, report }), onError: (e) => setError(errorMessage(e)) },
    );
  };

  const onConfirm = (overwrite: boolean) => {
    if (stage.step !== 'preview') return;
    setError(null);
    commit.mutate(
      { file: stage.file, fields: stage.fields, dryRun: false, overwrite },
      { onSuccess: (report) => setStage({ step: 'done', report }), onError: (e) => setError(errorMessage(e)) },
    );
  };

  const restart = () => {
    setError(null);
    check.reset();
    commit.reset();
    setStage({ step: 'choose' });
  };

  return (
    <PageContainer title="导入判定标准" testId="criteria-import-page">
      <Card>
        <Steps
          current={stepIndex[stage.step]}
          status={stage.step === 'done' ? 'finish' : 'process'}
          style={{ marginBottom: 24 }}
          items={[{ title: '选择文件' }, { title: '检查预览' }, { title: '完成导入' }]}
        />
        {stage.step === 'choose' ? (
          <ImportChooseStep
            form={form}
            file={file}
            checking={check.isPending}
            error={error}
            setIds={sets.data?.map((s) => s.id) ?? []}
            onFile={onFile}
            onCheck={onCheck}
          />
        ) : stage.step === 'preview' ? (
          <ImportReportView
            fileName={stage.file.name}
            report={stage.report}
            importing={commit.isPending}
            error={error}
            onConfirm={onConfirm}
            onRestart={restart}
          />
        ) : (
          <Result
            status="success"
            title={`已导入《${stage.report.set?.title ?? ''}》`}
            subTitle={`${stage.report.set?.itemCount ?? 0} 条条款已进入标准库${stage.report.supersede ? `；《${stage.report.supersede.title}》标为已被替代` : ''}。`}
            extra={
              <Flex gap={8} wrap justify="center">
                <Button type="primary" onClick={() => navigate(`/admin/criteria/${stage.report.set?.id ?? ''}`)}>
                  查看标准
                </Button>
                <Button onClick={() => navigate('/admin/criteria')}>返回标准库</Button>
                <Button
                  onClick={() => {
                    setFile(null);
                    form.resetFields();
                    restart();
                  }}
                >
                  继续导入
                </Button>
              </Flex>
            }
          />
        )}
      </Card>
    </PageContainer>
  );
}
