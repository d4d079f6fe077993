import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Upload } from 'antd';
import { importTemplateHref } from '../enterprise-filters.ts';

interface ImportChooseStepProps {
  checking: boolean;
  error: string | null;
  onFile: (file: File) => void;
}

/** Step 1: the template, and the workbook the township already has. */
export function ImportChooseStep({ checking, error, onFile }: ImportChooseStepProps) {
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title="可以直接使用现有的 Excel 台账"
        description={
          <>
            系统按表头名称识别列（如“企业名称/单位名称”、“统一社会信用代码/信用代码”、“法定代表人/法人”），表头上方的标题行会自动跳过。已登记的企业按统一社会信用代码（没有时按名称+地址）更新，不会重复登记。
            <div style={{ marginTop: 8 }}>
              <Button icon={<DownloadOutlined />} href={importTemplateHref} download size="small">
                下载导入模板
              </Button>
            </div>
          </>
        }
      />
      {error ? <Alert type="error" showIcon title="无法读取这个文件" description={error} data-testid="import-error" /> : null}
      <Spin spinning={checking} description="正在上传并逐行检查，请稍候…">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={checking}
          beforeUpload={(file) => {
            onFile(file);
            return false;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或将 Excel 文件拖到此处</p>
          <p className="ant-upload-hint">仅支持 .xlsx 格式（旧版 .xls 请先在 Excel 中“另存为” .xlsx）。选择后先检查，不会立即写入台账。</p>
        </Upload.Dragger>
      </Spin>
    </Flex>
  );
}
