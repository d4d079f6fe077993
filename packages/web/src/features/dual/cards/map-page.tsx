import { UploadOutlined } from '@ant-design/icons';
import { riskLevelColours, riskLevelLabels } from '@anzhi/core';
import { Alert, App, Button, Card, Empty, Flex, List, Select, Space, Spin, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { compressPhoto } from '../../../lib/compress-photo.ts';
import { useCan } from '../../../lib/session.ts';
import { EnterpriseChoice, useChosenEnterprise } from '../enterprise-choice.tsx';
import { uploadSitePlan, useRiskMap, useSaveRiskMap } from './api.ts';
import { MapCanvas, MapLegend, type MapZone, zoneColour } from './map-canvas.tsx';

/** 四色分布图: the site plan with zones coloured by their risk points' levels; the enterprise (or office) draws them. */
export function RiskMapPage() {
  const { message } = App.useApp();
  const canManage = useCan('dual.manage');
  const [enterpriseId, setEnterpriseId, own] = useChosenEnterprise();
  const map = useRiskMap(enterpriseId);
  const save = useSaveRiskMap(enterpriseId);
  const [fileId, setFileId] = useState<number | null>(null);
  const [zones, setZones] = useState<MapZone[]>([]);
  const [dirty, setDirty] = useState(false);
  const [drawing, setDrawing] = useState<{ pointId: number | null; polygon: Array<[number, number]>; replace: number | null } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);

  useEffect(() => {
    if (!map.data) return;
    setFileId(map.data.fileId);
    setZones(map.data.zones.map((z) => ({ ...z, polygon: z.polygon.map(([x = 0, y = 0]) => [x, y] as [number, number]) })));
    setDirty(false);
    setDrawing(null);
    setSelected(null);
  }, [map.data]);

  const points = map.data?.points ?? [];
  const levelOf = (pointId: number | null) => points.find((p) => p.id === pointId)?.level ?? null;
  const nameOf = (pointId: number) => points.find((p) => p.id === pointId)?.name ?? '';
  const change = (next: MapZone[]) => {
    setZones(next);
    setDirty(true);
  };

  const finishDrawing = () => {
    if (!drawing || drawing.pointId === null || drawing.polygon.length < 3) return;
    const zone: MapZone = {
      pointId: drawing.pointId,
      pointName: nameOf(drawing.pointId),
      level: levelOf(drawing.pointId),
      polygon: drawing.polygon,
    };
    change(drawing.replace === null ? [...zones, zone] : zones.map((z, i) => (i === drawing.replace ? zone : z)));
    setDrawing(null);
  };

  const submit = async () => {
    if (fileId === null) return;
    try {
      await save.mutateAsync({ fileId, zones: zones.map((z) => ({ pointId: z.pointId, polygon: z.polygon })) });
      message.success('四色分布图已保存');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const compressed = await compressPhoto(file, 2400, 0.85);
      const f = await uploadSitePlan(compressed ?? file, compressed ? 'site-plan.jpg' : file.name);
      setFileId(f.id);
      setDirty(true);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };
  const imageUrl = fileId === null ? null : fileId === map.data?.fileId ? map.data.imageUrl : `/api/v1/files/${fileId}`;

  return (
    <PageContainer
      title="四色分布图"
      extra={
        canManage && enterpriseId !== null && map.data ? (
          <Space wrap>
            <Upload
              accept="image/*"
              showUploadList={false}
              beforeUpload={(f) => {
                void upload(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                {fileId === null ? '上传平面图' : '更换平面图'}
              </Button>
            </Upload>
            <Button type="primary" disabled={!dirty || fileId === null || drawing !== null} loading={save.isPending} onClick={submit}>
              保存
            </Button>
          </Space>
        ) : null
      }
    >
      <EnterpriseChoice value={enterpriseId} onChange={setEnterpriseId} own={own} />
      {enterpriseId === null ? (
        <Empty description="请选择企业" />
      ) : map.isError ? (
        <QueryError error={map.error} onRetry={() => map.refetch()} />
      ) : !map.data ? (
        <Spin />
      ) : (
        <Flex gap={16} wrap align="flex-start">
          <div style={{ flex: '3 1 480px', minWidth: 0 }}>
            <MapLegend />
            <div style={{ marginTop: 8 }}>
              {imageUrl ? (
                <MapCanvas
                  imageUrl={imageUrl}
                  zones={drawing?.replace != null ? zones.filter((_, i) => i !== drawing.replace) : zones}
                  selected={selected}
                  onSelect={setSelected}
                  drawing={drawing ? { polygon: drawing.polygon, colour: zoneColour(levelOf(drawing.pointId)) } : null}
                  onAddVertex={(p) => setDrawing((d) => (d && d.polygon.length < 200 ? { ...d, polygon: [...d.polygon, p] } : d))}
                />
              ) : (
                <Empty description={canManage ? '还没有平面图，请先上传厂区平面图（图片）' : '该企业还没有绘制四色分布图'} />
              )}
            </div>
          </div>
          <Card size="small" title="风险区域" style={{ flex: '1 1 280px' }}>
            {canManage && imageUrl ? (
              drawing ? (
                <Flex vertical gap={8}>
                  <Select
                    placeholder="选择该区域对应的风险点"
                    value={drawing.pointId ?? undefined}
                    onChange={(v: number) => setDrawing({ ...drawing, pointId: v })}
                    options={points.map((p) => ({ value: p.id, label: `${p.name}（${p.level ? riskLevelLabels[p.level] : '未评估'}）` }))}
                  />
                  <Typography.Text type="secondary">
                    在平面图上依次点击区域的各个顶点（已点 {drawing.polygon.length} 个，至少 3 个）。
                  </Typography.Text>
                  <Space wrap>
                    <Button type="primary" disabled={drawing.pointId === null || drawing.polygon.length < 3} onClick={finishDrawing}>
                      完成
                    </Button>
                    <Button
                      disabled={!drawing.polygon.length}
                      onClick={() => setDrawing({ ...drawing, polygon: drawing.polygon.slice(0, -1) })}
                    >
                      撤销一点
                    </Button>
                    <Button onClick={() => setDrawing(null)}>取消</Button>
                  </Space>
                </Flex>
              ) : points.length === 0 ? (
                <Alert type="info" showIcon message="该企业还没有风险点，请先在风险辨识中登记风险点" />
              ) : (
                <Button block type="dashed" onClick={() => setDrawing({ pointId: null, polygon: [], replace: null })}>
                  新增区域
                </Button>
              )
            ) : null}
            <List
              size="small"
              style={{ marginTop: 8 }}
              dataSource={zones}
              locale={{ emptyText: '还没有区域' }}
              renderItem={(z, i) => (
                <List.Item
                  style={{ background: selected === i ? '#f5f5f5' : undefined, cursor: 'pointer' }}
                  onClick={() => setSelected(i)}
                  actions={
                    canManage && !drawing
                      ? [
                          <Typography.Link key="redraw" onClick={() => setDrawing({ pointId: z.pointId, polygon: [], replace: i })}>
                            重画
                          </Typography.Link>,
                          <Typography.Link key="delete" type="danger" onClick={() => change(zones.filter((_, j) => j !== i))}>
                            删除
                          </Typography.Link>,
                        ]
                      : []
                  }
                >
                  <Space>
                    <span style={{ width: 12, height: 12, background: zoneColour(z.level), display: 'inline-block', borderRadius: 2 }} />
                    {z.pointName}
                    <Typography.Text type="secondary">{z.level ? `${riskLevelColours[z.level].name}色` : '未评估'}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      )}
    </PageContainer>
  );
}
