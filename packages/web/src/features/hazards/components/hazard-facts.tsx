import {
  type HazardDetail,
  hazardCategoryLabels,
  hazardChannelLabels,
  hazardGradeLabels,
  isCleared,
  majorReportItemLabels,
  majorReportItems,
} from '@anzhi/core';
import { Alert, Card, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useCriteriaByCode } from '../api.ts';
import { HazardPhotos } from './hazard-photos.tsx';
import { DeadlineText } from './hazard-tags.tsx';

const orDash = (v: string | null | undefined) => v || '—';

/** The facts as registered: what, where, who found it, by when. */
export function HazardFacts({ h }: { h: HazardDetail }) {
  const created = h.events.find((e) => e.action === 'create');
  return (
    <Card title="隐患情况" size="small" data-testid="hazard-facts">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'description',
            label: '隐患描述',
            span: 'filled' as const,
            children: <Typography.Paragraph className="hazard-text">{h.description}</Typography.Paragraph>,
          },
          h.enterpriseId == null && h.placeName
            ? { key: 'enterprise', label: '地点', children: h.placeName }
            : { key: 'enterprise', label: '企业', children: orDash(h.enterpriseName) },
          { key: 'region', label: '村（社区）', children: h.regionName ?? h.regionCode },
          { key: 'unit', label: '监管单位', children: orDash(h.supervisingUnitName) },
          { key: 'grade', label: '隐患等级', children: hazardGradeLabels[h.grade] },
          { key: 'channel', label: '隐患来源', children: hazardChannelLabels[h.channel] },
          { key: 'category', label: '隐患类别', children: hazardCategoryLabels[h.category] },
          { key: 'location', label: '具体位置', children: orDash(h.location) },
          // 16号令 第十四条第二款: what the report of a major hazard states.
          ...(h.grade === 'major'
            ? majorReportItems.map((k) => ({
                key: k,
                label: majorReportItemLabels[k],
                span: 'filled' as const,
                children: h[k] ? <Typography.Paragraph className="hazard-text">{h[k]}</Typography.Paragraph> : '—（认定时填写）',
              }))
            : []),
          { key: 'found', label: '发现', children: `${h.foundOn} · ${orDash(h.foundByName)}` },
          { key: 'deadline', label: '整改期限', children: <DeadlineText h={h} /> },
          { key: 'closed', label: '销号日期', children: isCleared(h.status) ? orDash(h.closedOn) : '—' },
          ...(h.checkerName ? [{ key: 'checker', label: '认定/核查人', children: h.checkerName }] : []),
          ...(h.accepterName ? [{ key: 'accepter', label: '验收人', children: h.accepterName }] : []),
        ]}
      />
      {created?.photos.length ? (
        <div style={{ marginTop: 8 }}>
          <div className="muted" style={{ marginBottom: 6 }}>
            现场照片
          </div>
          <HazardPhotos photos={created.photos} size={96} />
        </div>
      ) : null}
    </Card>
  );
}

/** The 判定标准 clauses the hazard cites, named in full, with the 待核对 cautions. */
export function HazardCriteria({ h }: { h: HazardDetail }) {
  const criteria = useCriteriaByCode(h.criteriaCodes.length > 0);
  if (h.grade !== 'major' && !h.criteriaCodes.length) return null;
  return (
    <Card title="判定依据" size="small" data-testid="hazard-criteria">
      {!h.criteriaCodes.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未引用判定标准条款（认定时确定）" />
      ) : criteria.isPending && !criteria.isError ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Flex vertical gap={10}>
          {h.criteriaCodes.map((code, i) => {
            const c = criteria.byCode.get(code);
            return (
              <div key={code}>
                <Flex gap={6} wrap align="center">
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    判定依据
                  </Tag>
                  <strong>{h.citations[i] ?? code}</strong>
                </Flex>
                {c ? <div className="muted hazard-criterion-summary">{c.summary}</div> : null}
                {c?.warning ? <Alert type="warning" showIcon title={c.warning} style={{ marginTop: 4 }} /> : null}
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}

/** An extension the enterprise asked for and nobody has decided yet. */
export function PendingExtension({ h }: { h: HazardDetail }) {
  const p = h.pendingExtension;
  if (!p) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="hazard-pending-extension"
      title={`${p.requestedBy} 申请将整改期限从 ${h.deadline ?? '（未定）'} 延至 ${p.deadline}`}
      description={`理由：${p.reason}`}
    />
  );
}
