import { InboxOutlined, SearchOutlined } from '@ant-design/icons';
import { criteriaColumns } from '@anzhi/core';
import { Alert, Button, Collapse, Flex, type FormInstance, Spin, Tag, Typography, Upload } from 'antd';
import type { SheetFieldValues } from '../api.ts';
import { ImportSheetFields, type SheetFieldsForm, sheetFieldValues } from './import-sheet-fields.tsx';

export type ImportKind = 'json' | 'xlsx';

/** What the chosen file looks like by its name; the server decides by its content. */
export function kindOfFile(file: File): ImportKind | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

interface ImportChooseStepProps {
  /** Kept by the page, so going back from the preview keeps what was typed. */
  form: FormInstance<SheetFieldsForm>;
  file: File | null;
  checking: boolean;
  error: string | null;
  setIds: readonly string[];
  onFile: (file: File) => void;
  onCheck: (file: File, fields: SheetFieldValues | undefined) => void;
}

function SheetColumnsHelp() {
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'columns',
          label: 'Excel 表格的列（按表头名称识别，表头上方的标题行会自动跳过）',
          children: (
            <Flex vertical gap={6}>
              {criteriaColumns.map((c) => (
                <div key={c.field}>
                  <Tag color={c.required ? 'red' : undefined}>{c.header}</Tag>
                  <Typography.Text type="secondary">{c.synonyms.length ? `也可写作：${c.synonyms.join('、')}` : ''}</Typography.Text>
                </div>
              ))}
              <Typography.Text type="secondary">
                条款号可写作“第四条（一）”“4.1”或“（三）”；可信度填 V、P、U 或“已核实原文/非官方来源/未核实”；多个关键词、领域用顿号分隔。
              </Typography.Text>
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** Step 1: the file, and for an .xlsx the set's own fields, then a check that writes nothing. */
export function ImportChooseStep({ form, file, checking, error, setIds, onFile, onCheck }: ImportChooseStepProps) {
  const kind = file ? kindOfFile(file) : null;
  const check = async () => {
    if (!file) return;
    if (kind !== 'xlsx') return onCheck(file, undefined);
    const values = await form.validateFields().catch(() => null);
    if (values) onCheck(file, sheetFieldValues(values));
  };
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title="导入新的判定标准或新版本"
        description="可导入 .json 文件（整套标准，含标准信息和全部条款），或 .xlsx 表格（每行一条条款，标准信息在下方填写）。先检查预览，确认后才写入标准库。"
      />
      <SheetColumnsHelp />
      {error ? <Alert type="error" showIcon title="无法导入这个文件" description={error} data-testid="import-error" /> : null}
      <Spin spinning={checking} description="正在检查，请稍候…">
        <Upload.Dragger
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={checking}
          beforeUpload={(f) => {
            onFile(f);
            return false;
          }}
          data-testid="criteria-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? `已选择：${file.name}（点击可重新选择）` : '点击选择或将文件拖到此处'}</p>
          <p className="ant-upload-hint">支持 .json 和 .xlsx，不超过 10 MB</p>
        </Upload.Dragger>
      </Spin>
      {file && kind === 'xlsx' ? <ImportSheetFields form={form} setIds={setIds} /> : null}
      {file ? (
        <Button type="primary" size="large" icon={<SearchOutlined />} loading={checking} onClick={check} data-testid="criteria-check">
          检查文件
        </Button>
      ) : null}
    </Flex>
  );
}
