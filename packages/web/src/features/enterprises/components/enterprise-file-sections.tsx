import {
  type EnterpriseFile,
  type EnterpriseRisk,
  type HazardCheck,
  type HazardReportItem,
  type HazardSummary,
  hazardGradeLabels,
  hazardReportPeriodLabels,
  hazardStatusLabels,
} from '@anzhi/core';
import { Alert, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { riskLabel } from '../enterprise-labels.ts';
import { RiskTag } from './enterprise-tags.tsx';

/** The shown level beside the registered one; when open major hazards raised it, the reason in words. */
export function EffectiveRiskTag({ risk }: { risk: EnterpriseRisk }) {
  return (
    <Flex gap={6} align="center" wrap data-testid="effective-risk">
      <RiskTag level={risk.effective} />
      {risk.raised ? (
        <Typography.Text type="danger" className="enterprise-risk-reason" data-testid="risk-reason">
          {risk.reason}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

export function RiskRaisedNotice({ risk, enterpriseId }: { risk: EnterpriseRisk; enterpriseId: number }) {
  if (!risk.raised) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={`显示为${riskLabel(risk.effective)}：${risk.reason}`}
      description={
        <span>
          登记的风险等级为 {risk.registered ? riskLabel(risk.registered) : '未评定'}；重大隐患全部销号后恢复按登记等级显示。
          <Link to={`/hazards?enterpriseId=${enterpriseId}&open=true&grade=major`} style={{ marginInlineStart: 8 }}>
            查看这些隐患
          </Link>
        </span>
      }
    />
  );
}

function More({ shown, total, to }: { shown: number; total: number; to: string }) {
  if (total <= shown) return null;
  return (
    <div style={{ paddingTop: 8 }}>
      共 {total} 项，此处显示最近 {shown} 项。<Link to={to}>在隐患台账中查看全部</Link>
    </div>
  );
}

function HazardItem({ h }: { h: HazardSummary }) {
  return (
    <List.Item>
      <Link to={`/hazards/${h.id}`} className="enterprise-file-item">
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong>{h.title}</Typography.Text>
          <Flex gap={4} wrap>
            {h.grade === 'major' ? <Tag color="red">{hazardGradeLabels.major}</Tag> : null}
            <Tag>{hazardStatusLabels[h.status]}</Tag>
            {h.overdue ? <Tag color="error">逾期 {h.daysOverdue} 天</Tag> : null}
          </Flex>
        </Flex>
        <div className="muted">
          {h.code} · 发现 {formatDate(h.foundOn)}
          {h.closedOn ? ` · 结束 ${formatDate(h.closedOn)}` : h.deadline ? ` · 整改期限 ${formatDate(h.deadline)}` : ''}
        </div>
      </Link>
    </List.Item>
  );
}

export function FileHazards({ section, empty, to }: { section: EnterpriseFile['openHazards']; empty: string; to: string }) {
  if (section.total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <>
      <List size="small" dataSource={section.items} rowKey="id" renderItem={(h) => <HazardItem h={h} />} />
      <More shown={section.items.length} total={section.total} to={to} />
    </>
  );
}

const checkStatusLabels: Record<string, { text: string; colour?: string }> = {
  open: { text: '待排查', colour: 'warning' },
  clear: { text: '未发现', colour: 'success' },
  found: { text: '发现隐患', colour: 'error' },
};

export function FileChecks({ checks }: { checks: EnterpriseFile['checks'] }) {
  if (checks.total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未收到举一反三排查要求" />;
  return (
    <List
      size="small"
      dataSource={checks.items}
      rowKey="id"
      renderItem={(c: HazardCheck) => {
        const s = checkStatusLabels[c.status] ?? { text: c.status };
        return (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>
                  {c.criterionCode}
                  {c.sourceHazardTitle ? `（源于：${c.sourceHazardTitle}）` : ''}
                </Typography.Text>
                <Tag color={s.colour}>{s.text}</Tag>
              </Flex>
              <div className="muted">排查期限 {formatDate(c.deadline)}</div>
              {c.answer ? <div>{c.answer}</div> : null}
              {c.resultHazardId ? <Link to={`/hazards/${c.resultHazardId}`}>查看登记的隐患</Link> : null}
            </div>
          </List.Item>
        );
      }}
    />
  );
}

export function FileReports({ reports }: { reports: HazardReportItem[] }) {
  if (!reports.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近一年没有已结束的报告期" />;
  return (
    <List
      size="small"
      dataSource={reports}
      rowKey="period"
      renderItem={(r) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>
                {r.period} {hazardReportPeriodLabels[r.kind]}
              </Typography.Text>
              {r.signedAt ? (
                <Tag color="success">已签署</Tag>
              ) : r.late ? (
                <Tag color="error">逾期未签</Tag>
              ) : (
                <Tag color="processing">待签署</Tag>
              )}
            </Flex>
            <div className="muted">
              发现 {r.figures.found} 项（重大 {r.figures.foundMajor}）· 销号 {r.figures.closed} 项 · 期末未销号 {r.figures.openAtEnd} 项 ·
              应签署日期 {formatDate(r.dueOn)}
              {r.signedAt ? ` · ${r.signerName ?? ''} 签署于 ${formatDateTime(r.signedAt)}` : ''}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
