import type { EnforcementFigures } from '@anzhi/core';
import { Col, Row } from 'antd';
import { StatFigure as Figure } from '../../../components/stat-figure.tsx';
import { StatLink } from '../../../components/stat-link.tsx';

/** The five headline figures of the year; every number opens its list. */
export function StatsCards({ f }: { f: EnforcementFigures }) {
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={8} xl={4}>
        <Figure
          title="检查完成率"
          testId="stat-completion"
          main={<StatLink n={f.completionRate} suffix="%" />}
          sub={
            <>
              完成 <StatLink n={f.done} /> / 计划 <StatLink n={f.planned} />
              （已安排 <StatLink n={f.scheduled} />）
            </>
          }
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          title="重点对象覆盖率"
          testId="stat-coverage"
          main={<StatLink n={f.coverageRate} suffix="%" />}
          sub={
            <>
              已检查 <StatLink n={f.keyCovered} /> / 重点对象 <StatLink n={f.keyTargets} />
            </>
          }
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          title="每次检查发现隐患"
          testId="stat-per-check"
          main={<StatLink n={f.hazardsPerCheck} />}
          sub={
            <>
              隐患 <StatLink n={f.hazardsFound} />
              ，其中重大 <StatLink n={f.majorHazardsFound} />
            </>
          }
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          title="重大隐患立案率"
          testId="stat-case-rate"
          main={<StatLink n={f.caseRate} suffix="%" />}
          sub={
            <>
              立案 <StatLink n={f.majorCases} /> / 发现重大隐患的检查 <StatLink n={f.majorFailedChecks} />
            </>
          }
        />
      </Col>
      <Col xs={24} md={8} xl={5}>
        <Figure
          title="行政处罚"
          testId="stat-penalties"
          main={<StatLink n={f.penaltyCases} suffix=" 件" />}
          sub={
            <>
              罚款 <StatLink n={f.penaltyAmount} suffix=" 元" />
            </>
          }
        />
      </Col>
    </Row>
  );
}
