import type { ReportStats } from '@anzhi/core';
import { Col, Row, Typography } from 'antd';
import { StatFigure as Figure } from '../../../components/stat-figure.tsx';
import { StatLink } from '../../../components/stat-link.tsx';

/** The headline figures of the year; every number opens its list. */
export function ReportStatsCards({ s }: { s: ReportStats }) {
  const t = s.totals;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={8} xl={5}>
        <Figure
          title="收到举报"
          testId="stat-received"
          main={<StatLink n={t.received} suffix=" 件" />}
          sub={
            <>
              实名 <StatLink n={t.named} />
              ，不予受理 <StatLink n={t.rejected} />
              ，合并 <StatLink n={t.merged} />
            </>
          }
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          title="办理中"
          testId="stat-open"
          main={<StatLink n={t.open} suffix=" 件" />}
          sub={
            <span style={{ color: '#cf1322' }}>
              超期 <StatLink n={t.overdue} testId="stat-overdue" />
            </span>
          }
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          title="属实率"
          testId="stat-founded-rate"
          main={<StatLink n={t.foundedRate} suffix="%" />}
          sub={
            <>
              属实 <StatLink n={t.founded} /> / 办结 <StatLink n={t.decided} />
            </>
          }
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Figure
          title="核查用时（天）"
          testId="stat-verify"
          main={
            <>
              <StatLink n={s.verify.medianDays} />
              <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                {' '}
                中位数
              </Typography.Text>
            </>
          }
          sub={
            <>
              90 分位 <StatLink n={s.verify.p90Days} /> 天；仍在核查 <StatLink n={s.verify.stillOpen} />
            </>
          }
        />
      </Col>
      <Col xs={24} md={8} xl={5}>
        <Figure
          title="举报奖励"
          testId="stat-rewards"
          main={<StatLink n={s.rewards.paidAmount} suffix=" 元" />}
          sub={
            <>
              已发放 <StatLink n={s.rewards.paid} /> 件；批准 <StatLink n={s.rewards.granted} /> 件{' '}
              <StatLink n={s.rewards.grantedAmount} suffix=" 元" />
            </>
          }
        />
      </Col>
    </Row>
  );
}
