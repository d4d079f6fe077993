import { FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { planImportText } from '@anzhi/core';
import { Alert, Button, Flex, Input, Spin, Tabs, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import type { PlanSource } from '../api.ts';

interface PlanSourcePickerProps {
  busy: boolean;
  busyText: string;
  error: string | null;
  onSource: (source: PlanSource) => void;
}

const ACCEPT = '.docx,.txt,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown';

/** The server's reason for refusing a document, with the fix in the clerk's words. */
export function importProblem(error: unknown): string {
  if (error instanceof ApiError && error.status === 413) return `${error.message}。请删去附件、图片后重新导出，或只粘贴正文。`;
  if (error instanceof ApiError && error.status === 422 && !error.message) return '没有识别出任务条目，请确认文件是方案正文。';
  return errorMessage(error);
}

/** A .doc or .wps cannot be read; say what to do before uploading it. */
export function localFileProblem(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.doc') || name.endsWith('.wps')) {
    return `“${file.name}”是旧版 Word/WPS 格式。请在 Word 或 WPS 中打开后“另存为” Word 文档（*.docx），再重新选择。`;
  }
  if (name.endsWith('.pdf')) return `“${file.name}”是 PDF，无法可靠提取文字。请使用原始的 Word 文档（.docx），或复制正文后选择“粘贴文本”。`;
  if (!/\.(docx|txt|md)$/.test(name)) return `“${file.name}”不是 .docx、.txt 或 .md 文件。`;
  return null;
}

/** The plan document: a Word file as issued, or its text pasted from anywhere (WeChat, a web page). */
export function PlanSourcePicker({ busy, busyText, error, onSource }: PlanSourcePickerProps) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [textProblem, setTextProblem] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const submitText = () => {
    const parsed = planImportText.safeParse({ text, fileName: fileName.trim() || undefined });
    if (!parsed.success) {
      setTextProblem(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    setTextProblem(null);
    onSource({ kind: 'text', body: parsed.data });
  };

  const problem = fileProblem ?? error;
  return (
    <Spin spinning={busy} description={busyText}>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title="无法读取方案"
          description={problem}
          style={{ marginBottom: 16 }}
          data-testid="plan-source-error"
        />
      ) : null}
      <Tabs
        items={[
          {
            key: 'file',
            label: '上传文件',
            children: (
              <Upload.Dragger
                accept={ACCEPT}
                multiple={false}
                showUploadList={false}
                disabled={busy}
                beforeUpload={(file) => {
                  const p = localFileProblem(file);
                  setFileProblem(p);
                  if (!p) onSource({ kind: 'file', file });
                  return false;
                }}
                data-testid="plan-upload"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">点击选择或将方案文件拖到此处</p>
                <p className="ant-upload-hint">
                  支持 Word（.docx）、纯文本（.txt）和 Markdown（.md）。上传后先识别、再由您核对，不会直接下发。
                </p>
              </Upload.Dragger>
            ),
          },
          {
            key: 'text',
            label: '粘贴文本',
            children: (
              <Flex vertical gap={12}>
                <Input
                  value={fileName}
                  onChange={(e) => setFileName(e.target.value)}
                  placeholder="方案名称（可选，如：安全生产治本攻坚三年行动实施方案）"
                  maxLength={200}
                />
                <Input.TextArea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder="将方案正文（含标题、各级标题和任务条目）粘贴到这里"
                  autoSize={{ minRows: 10, maxRows: 24 }}
                  data-testid="plan-paste"
                />
                {textProblem ? <Alert type="warning" showIcon title={textProblem} /> : null}
                <div>
                  <Button type="primary" icon={<FileTextOutlined />} onClick={submitText} disabled={busy} data-testid="plan-paste-submit">
                    识别方案
                  </Button>
                </div>
              </Flex>
            ),
          },
        ]}
      />
    </Spin>
  );
}
