import { SettingOutlined } from '@ant-design/icons';
import { type PlanColour, type PlanScoring, planColourLabels, planColours } from '@anzhi/core';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { colourHex, colourInk } from '../plan-labels.ts';

const parts: Array<{ key: keyof PlanScoring['weights']; label: string; how: string }> = [
  { key: 'onTimeCompletion', label: '按期完成率', how: '按期完成的任务 ÷ 已到完成时限或已完成的任务' },
  {
    key: 'timelyReporting',
    label: '按时报送率',
    how: '每月调度截止日前报送的次数 ÷ 应报送次数（仅成员单位；村（社区）不承担月调度，不计此项）',
  },
  { key: 'noOverdue', label: '无逾期率', how: '1 − 超过时限仍未完成的任务 ÷ 已到完成时限的任务' },
];

/** The band's score range, e.g. 绿 ≥ 90, 蓝 80–90, 红 < 60. */
function rangeOf(colour: PlanColour, t: PlanScoring['thresholds']): string {
  if (colour === 'green') return `≥ ${t.green}`;
  if (colour === 'red') return `< ${t.orange}`;
  const upper = { blue: t.green, yellow: t.blue, orange: t.yellow }[colour];
  return `${t[colour]} – ${upper}`;
}

/** How a score is made, in plain words: the three parts, their weights, and the bands. Open to the office to tune. */
export function RankingScoring({ scoring, onEdit }: { scoring: PlanScoring; onEdit?: () => void }) {
  const total = parts.reduce((s, p) => s + scoring.weights[p.key], 0) || 1;
  return (
    <Card
      size="small"
      title="评分方法"
      extra={
        onEdit ? (
          <Button size="small" icon={<SettingOutlined />} onClick={onEdit}>
            调整
          </Button>
        ) : null
      }
      data-testid="ranking-scoring"
    >
      <Flex vertical gap={8}>
        <Typography.Text>
          得分（满分 100）＝
          {parts.map((p, i) => (
            <span key={p.key}>
              {i ? ' ＋ ' : ''}
              {p.label} × {Math.round((scoring.weights[p.key] / total) * 100)}%
            </span>
          ))}
        </Typography.Text>
        <ul className="ranking-parts">
          {parts.map((p) => (
            <li key={p.key}>
              <strong>{p.label}</strong>：{p.how}
            </li>
          ))}
        </ul>
        <span className="muted">尚无可考核内容的项按满分计；得分保留一位小数，同分同名次。</span>
        <Flex gap={6} wrap>
          {[...planColours].reverse().map((c) => (
            <Tag key={c} style={{ background: colourHex[c], color: colourInk[c], border: 0 }}>
              {planColourLabels[c]} {rangeOf(c, scoring.thresholds)}
            </Tag>
          ))}
        </Flex>
      </Flex>
    </Card>
  );
}
