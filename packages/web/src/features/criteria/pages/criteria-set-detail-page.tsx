import { type CriteriaSetDetail, criteriaSetOriginLabels } from '@anzhi/core';
import { Alert, App, Button, Card, Descriptions, type DescriptionsProps, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useCriteriaSet, useRestoreCriteriaSet } from '../api.ts';
import { CriteriaItems } from '../components/criteria-items.tsx';
import { CodeTags, ConfidenceCounts, RetiredTag, SetStatusTag } from '../components/criteria-tags.tsx';
import { RetireModal } from '../components/retire-modal.tsx';
import { domainLabel, flagLabel } from '../criteria-labels.ts';
import '../criteria.css';

const none = <span className="muted">—</span>;
const wide = { xs: 1, md: 2, xl: 3 } as const;

/** A source line: the URL as a link, what follows it (which part it checked) as text. */
function Source({ s }: { s: string }) {
  const m = /^(https?:\/\/\S+)(.*)$/.exec(s);
  if (!m) return <span className="criteria-source">{s}</span>;
  return (
    <span className="criteria-source">
      <a href={m[1]} target="_blank" rel="noreferrer noopener">
        {m[1]}
      </a>
      {m[2]}
    </span>
  );
}

function metaItems(s: CriteriaSetDetail): DescriptionsProps['items'] {
  return [
    { key: 'issuer', label: '发布机关', children: s.issuer },
    { key: 'docNumber', label: '文号', children: s.docNumber },
    { key: 'status', label: '状态', children: <SetStatusTag status={s.status} /> },
    { key: 'published', label: '发布日期', children: formatDate(s.published) },
    { key: 'effective', label: '施行日期', children: formatDate(s.effective) },
    { key: 'repealedOn', label: '废止日期', children: s.repealedOn ? formatDate(s.repealedOn) : none },
    { key: 'replaces', label: '替代的标准', children: s.replaces ?? s.supersedes ?? none },
    { key: 'supersededBy', label: '被替代为', children: s.supersededBy ?? none },
    {
      key: 'counts',
      label: '条款数 / 可信度',
      children: (
        <Flex gap={8} wrap>
          {s.itemCount} 条 <ConfidenceCounts counts={s.confidenceCounts} />
        </Flex>
      ),
    },
    {
      key: 'domains',
      label: '适用领域',
      span: wide,
      children: s.appliesToAll ? '所有企业和场所' : <CodeTags codes={s.domains} label={domainLabel} colour="blue" />,
    },
    { key: 'flags', label: '适用标志', span: wide, children: <CodeTags codes={s.flags} label={flagLabel} colour="purple" /> },
    { key: 'scope', label: '适用范围', span: wide, children: s.scope ?? none },
    { key: 'citationNote', label: '引用提示', span: wide, children: s.citationNote ?? none },
    { key: 'notes', label: '备注', span: wide, children: s.notes ?? none },
    {
      key: 'sources',
      label: '来源',
      span: wide,
      children: (
        <Flex vertical gap={2}>
          {s.sources.map((src) => (
            <Source key={src} s={src} />
          ))}
        </Flex>
      ),
    },
    {
      key: 'origin',
      label: '来历',
      span: wide,
      children: `${criteriaSetOriginLabels[s.origin]}${s.updatedAt ? `，${formatDateTime(s.updatedAt)} 由 ${s.updatedByName ?? '—'} 更新` : ''}`,
    },
  ];
}

/** One set: its fields, its standing, and every item with our summary and how sure we are of it. */
export function CriteriaSetDetailPage() {
  const { id } = useParams();
  const set = useCriteriaSet(id);
  const canManage = useCan('criteria.manage');
  const restore = useRestoreCriteriaSet();
  const { message } = App.useApp();
  const [retiring, setRetiring] = useState(false);
  const isMobile = useIsMobile();

  if (!id) return <Result status="404" title="判定标准不存在" />;
  if (set.isError) return <QueryError error={set.error} onRetry={() => void set.refetch()} />;
  if (set.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const s = set.data;

  return (
    <div data-testid="criteria-set-detail">
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {s.title}
              </Typography.Title>
              <SetStatusTag status={s.status} />
              {s.retired ? <RetiredTag reason={s.retired.reason} /> : null}
            </Flex>
            <Typography.Text type="secondary">
              {s.docNumber} · {s.id}
            </Typography.Text>
          </Flex>
          {canManage ? (
            s.retired ? (
              <Button
                loading={restore.isPending}
                onClick={() =>
                  restore.mutate(s.id, {
                    onSuccess: () => void message.success('已恢复'),
                    onError: (e) => void message.error(errorMessage(e)),
                  })
                }
              >
                恢复使用
              </Button>
            ) : (
              <Button danger onClick={() => setRetiring(true)}>
                停用
              </Button>
            )
          ) : null}
        </Flex>
        {s.retired ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={`已于 ${formatDateTime(s.retired.at)} 停用`}
            description={`停用原因：${s.retired.reason}。停用期间不作判定依据建议，也不能被新的重大隐患引用。`}
          />
        ) : null}
        <Descriptions
          size="small"
          bordered
          layout={isMobile ? 'vertical' : 'horizontal'}
          column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
          items={metaItems(s)}
          style={{ marginTop: 16 }}
        />
      </Card>
      <Card title={`条款（${s.itemCount}）`}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="摘要由本系统编写，不是官方原文"
          description="“待核对”的条款（可信度 P 或 U）引用前须对照官方原文核实；已核对（V）的条款有原文时同时显示官方原文。"
        />
        <CriteriaItems items={s.items} />
      </Card>
      <RetireModal target={retiring ? s : null} onClose={() => setRetiring(false)} />
    </div>
  );
}
