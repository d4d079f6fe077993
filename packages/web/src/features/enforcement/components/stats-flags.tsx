import type { EnforcementStats } from '@anzhi/core';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { StatLink } from '../../../components/stat-link.tsx';

/** 约谈 signals of units (零处罚 / 只检查不处罚) and enterprises liable to closure (安全生产法 第一百一十三条). */
export function StatsFlags({ stats }: { stats: EnforcementStats }) {
  const flagged = stats.units.filter((u) => u.signals.length);
  return (
    <>
      <Card size="small" title="约谈提示：零处罚 / 只检查不处罚" data-testid="stats-unit-flags">
        {flagged.length ? (
          <List
            dataSource={flagged}
            renderItem={(u) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>{u.unitName}</Typography.Text>
                  {u.signals.map((s) => (
                    <span key={s.kind}>
                      <Tag color="red">{s.label}</Tag>
                      {s.reason}
                    </span>
                  ))}
                  <Typography.Text type="secondary">
                    处罚 <StatLink n={u.figures.penaltyCases} suffix=" 件" />、<StatLink n={u.figures.penaltyAmount} suffix=" 元" />
                    ；发现不符合项的检查 <StatLink n={u.figures.failedChecks} /> 次；复查未整改且未立案的整改指令{' '}
                    <StatLink n={u.figures.unfixedOrdersWithoutCase} /> 份
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需约谈的执法单位" />
        )}
      </Card>
      <Card
        size="small"
        title="第一百一十三条：存在重大事故隐患，180日内三次或一年内四次受到行政处罚（应予关闭）"
        data-testid="stats-closure-flags"
      >
        {stats.closureFlags.length ? (
          <List
            dataSource={stats.closureFlags}
            renderItem={(e) => (
              <List.Item extra={<Link to={e.href}>查看处罚案件</Link>}>
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>{e.enterpriseName}</Typography.Text>
                  <span>
                    <Tag color="volcano">{e.windowDays === 180 ? '180日内三次' : '一年内四次'}</Tag>
                    处罚决定日期：{e.dates.join('、')}
                  </span>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有达到关闭条件的企业" />
        )}
      </Card>
    </>
  );
}
