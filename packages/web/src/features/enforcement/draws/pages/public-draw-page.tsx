import { CheckCircleOutlined, CloseCircleOutlined, DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { type DrawDetail, drawRecord, type PublicDraw, verifyDraw } from '@anzhi/core';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../../lib/api-client.ts';
import { usePublicDraw } from '../api.ts';
import { DrawResultTable } from '../draw-result-table.tsx';

/** The result with names, from the inputs published with it (nothing else is looked up). */
function resultOf(p: PublicDraw): NonNullable<DrawDetail['result']> {
  const targets = new Map(p.inputs.targets.map((t) => [t.id, t]));
  const inspectors = new Map(p.inputs.inspectors.map((i) => [i.id, i]));
  return {
    checks: p.result.checks.map((c) => {
      const t = targets.get(c.targetId);
      return {
        checkId: null,
        checkCode: null,
        targetId: c.targetId,
        name: t?.name ?? String(c.targetId),
        regionCode: t?.regionCode ?? '',
        regionName: p.regionNames[t?.regionCode ?? ''] ?? null,
        inspectors: c.inspectorIds.map((id) => ({
          id,
          name: `${inspectors.get(id)?.name ?? id}（${inspectors.get(id)?.certificateNo ?? ''}）`,
        })),
      };
    }),
    skipped: p.result.skipped.map((s) => ({
      targetId: s.targetId,
      name: targets.get(s.targetId)?.name ?? String(s.targetId),
      reason: s.reason,
    })),
  };
}

function download(p: PublicDraw) {
  const blob = new Blob([JSON.stringify(p, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `draw-${p.id}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Verdict = { ok: true } | { ok: false; difference: string };

/** 双随机抽查结果公开 (一公开): no login; anyone can re-run the draw here or with `npx anzhi draw verify`. */
export function PublicDrawPage() {
  const id = Number(useParams().id);
  const q = usePublicDraw(id);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const result = useMemo(() => (q.data ? resultOf(q.data) : null), [q.data]);
  const page = (children: React.ReactNode) => (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 12 }} data-testid="public-draw-page">
      {children}
    </div>
  );
  if (q.isError)
    return page(
      q.error instanceof ApiError && q.error.status === 404 ? (
        <Result status="404" title="抽查不存在或尚未抽取" subTitle="抽取完成后，结果和随机种子在此公开。" />
      ) : (
        <Result status="warning" title="加载失败" subTitle={errorMessage(q.error)} />
      ),
    );
  if (!q.data || !result) return page(<Skeleton active />);
  const d = q.data;
  const verify = () => {
    const parsed = drawRecord.safeParse(d);
    setVerdict(parsed.success ? verifyDraw(parsed.data) : { ok: false, difference: `记录格式错误：${parsed.error.issues[0]?.message}` });
  };
  const valid = d.inputs.inspectors.filter((i) => i.certificateValidUntil >= d.inputs.drawnOn).length;
  return page(
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {d.title}
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="执法单位">{d.unitName}</Descriptions.Item>
          <Descriptions.Item label="检查日期">{d.inputs.drawnOn}</Descriptions.Item>
          <Descriptions.Item label="种子公示时间">{new Date(d.committedAt).toLocaleString('zh-CN')}</Descriptions.Item>
          <Descriptions.Item label="抽取时间">{new Date(d.drawnAt).toLocaleString('zh-CN')}</Descriptions.Item>
          <Descriptions.Item label="检查对象名录库">{d.inputs.targets.length} 个</Descriptions.Item>
          <Descriptions.Item label="执法人员名录库">
            {d.inputs.inspectors.length} 名（执法证有效 {valid} 名）
          </Descriptions.Item>
          <Descriptions.Item label="抽取">
            {d.inputs.targetCount} 个对象，每组 {d.inputs.inspectorsPerCheck} 名
          </Descriptions.Item>
          <Descriptions.Item label="回避">
            {d.inputs.recusalDays} 日内检查过同一对象（{d.inputs.recentChecks.length} 条）、户籍或居住地在对象所在村
          </Descriptions.Item>
          <Descriptions.Item label="算法版本">{d.algorithm}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">种子哈希（抽取前公示）</Typography.Text>
        <Typography.Paragraph code copyable data-testid="public-seed-hash" style={{ wordBreak: 'break-all' }}>
          {d.seedHash}
        </Typography.Paragraph>
        <Typography.Text type="secondary">随机种子（抽取后公开）</Typography.Text>
        <Typography.Paragraph code copyable data-testid="public-seed" style={{ wordBreak: 'break-all' }}>
          {d.seed}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="抽取结果">
        <DrawResultTable result={result} />
      </Card>
      <Card size="small" title="验证">
        <Flex vertical gap={8}>
          <Button type="primary" size="large" block icon={<SafetyOutlined />} onClick={verify}>
            在本机重新计算验证
          </Button>
          {verdict ? (
            verdict.ok ? (
              <Alert
                type="success"
                showIcon
                icon={<CheckCircleOutlined />}
                message="验证通过"
                description="种子与公示的哈希一致，按公开的名录和算法重新计算的结果与公布的结果相同。"
              />
            ) : (
              <Alert type="error" showIcon icon={<CloseCircleOutlined />} message="验证未通过" description={verdict.difference} />
            )
          ) : null}
          <Button size="large" block icon={<DownloadOutlined />} onClick={() => download(d)}>
            下载抽查记录（JSON）
          </Button>
          <Typography.Text type="secondary">
            也可下载后在命令行复核：<code>npx anzhi draw verify draw-{d.id}.json</code>
          </Typography.Text>
        </Flex>
      </Card>
    </Flex>,
  );
}
