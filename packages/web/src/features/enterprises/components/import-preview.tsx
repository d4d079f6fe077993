import { CheckOutlined, RedoOutlined } from '@ant-design/icons';
import type { ImportResult } from '@anzhi/core';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';

type RowError = ImportResult['errors'][number];

interface ImportPreviewProps {
  fileName: string;
  result: ImportResult;
  importing: boolean;
  error: string | null;
  onConfirm: () => void;
  onRestart: () => void;
}

/** Step 2: what the dry run found — counts, every bad row, the columns that were not read. */
export function ImportPreview({ fileName, result, importing, error, onConfirm, onRestart }: ImportPreviewProps) {
  const { created, updated, unchanged, errors, ignoredColumns } = result;
  const importable = created + updated;
  const badRows = new Set(errors.map((e) => e.row)).size;
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <Typography.Text type="secondary">文件：{fileName}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="新增" value={created} suffix="家" styles={{ content: { color: '#389e0d' } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="更新" value={updated} suffix="家" styles={{ content: { color: '#1f4e9c' } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="无变化" value={unchanged} suffix="家" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="有问题的行" value={badRows} suffix="行" styles={{ content: { color: badRows ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
      </Row>
      <Alert
        type={errors.length ? 'warning' : 'success'}
        showIcon
        title={`可导入：新增 ${created}、更新 ${updated}、无变化 ${unchanged}`}
        description={
          errors.length
            ? `下表 ${badRows} 行有问题，确认导入时将跳过这些行，只导入其余没有问题的行；也可以在 Excel 中改正后重新选择文件。`
            : '所有行都通过了检查。'
        }
      />
      {ignoredColumns.length ? (
        <Alert
          type="info"
          showIcon
          title="以下列未能识别，导入时将忽略"
          description={
            <Flex gap={4} wrap>
              {ignoredColumns.map((c) => (
                <Tag key={c}>{c}</Tag>
              ))}
            </Flex>
          }
        />
      ) : null}
      {errors.length ? (
        <Table<RowError>
          data-testid="import-errors"
          size="small"
          bordered
          rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
          dataSource={sorted}
          pagination={sorted.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 个问题` } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 90, render: (row: number) => `第 ${row} 行` },
            { title: '列', dataIndex: 'column', width: 180, render: (c: string) => c || '—' },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title="导入失败" description={error} /> : null}
      <Flex gap={8} wrap>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={importing}
          disabled={importable === 0}
          onClick={onConfirm}
          data-testid="import-confirm"
        >
          {errors.length ? `确认导入（跳过 ${badRows} 行有问题的数据）` : '确认导入'}
        </Button>
        <Button icon={<RedoOutlined />} onClick={onRestart} disabled={importing}>
          重新选择文件
        </Button>
      </Flex>
      {importable === 0 ? (
        <Typography.Text type="secondary">
          {unchanged > 0 && !errors.length ? '文件中的企业与台账完全一致，无需导入。' : '没有可以导入的行，请按上表改正后重新选择文件。'}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
