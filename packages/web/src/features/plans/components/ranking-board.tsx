import { type PlanColour, type PlanRankingRow, planColourLabels, planColours } from '@anzhi/core';
import { Empty, Flex } from 'antd';
import { Link } from 'react-router';
import { assigneeKey, colourHex, colourInk } from '../plan-labels.ts';

interface RankingBoardProps {
  rows: PlanRankingRow[];
  /** Where a card leads: the plan's tasks of that unit or village. */
  hrefOf: (who: string) => string;
  kind: '单位' | '村（社区）';
  /** Unit short names by id. */
  names: ReadonlyMap<number, string>;
}

/** Best band first, as the wall chart is read: 绿 at the top, 红 at the bottom where nobody wants to be. */
const bands: PlanColour[] = [...planColours].reverse();

function RankCard({ row, href, label }: { row: PlanRankingRow; href: string; label: string }) {
  const style = { background: colourHex[row.colour], color: colourInk[row.colour] };
  return (
    <Link to={href} className="ranking-card" style={style} data-testid="ranking-card" data-colour={row.colour}>
      <div className="ranking-card-top">
        <span className="ranking-rank">第{row.rank}名</span>
        <span className="ranking-score">{row.score.toFixed(1)}</span>
      </div>
      <div className="ranking-name" title={row.name}>
        {label}
      </div>
      <div className="ranking-facts">
        <span>
          完成 {row.done}/{row.tasks}
        </span>
        <span title={row.timelyReportingApplies ? undefined : '村（社区）不承担月调度报送，不计此项'}>
          按时报送 {row.timelyReportingApplies ? `${row.reportsOnTime}/${row.reportsDue}` : '不适用'}
        </span>
        {row.overdueOpen ? <strong>逾期 {row.overdueOpen}</strong> : <span>无逾期</span>}
      </div>
    </Link>
  );
}

/** The 五色图: every unit (or village) as a card in its colour band, ranked by score within it. */
export function RankingBoard({ rows, hrefOf, kind, names }: RankingBoardProps) {
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`方案中没有需要考评的${kind}`} />;
  return (
    <Flex vertical gap={12} className="ranking-board" data-testid="ranking-board">
      {bands.map((colour) => {
        const inBand = rows.filter((r) => r.colour === colour).sort((a, b) => a.rank - b.rank);
        return (
          <section key={colour} className="ranking-band" style={{ borderColor: colourHex[colour] }} data-testid={`ranking-band-${colour}`}>
            <header className="ranking-band-head" style={{ background: colourHex[colour], color: colourInk[colour] }}>
              <strong>{planColourLabels[colour]}</strong>
              <span>{inBand.length}</span>
            </header>
            <div className="ranking-band-body">
              {inBand.length ? (
                inBand.map((r) => (
                  <RankCard
                    key={assigneeKey(r) || r.name}
                    row={r}
                    href={hrefOf(assigneeKey(r))}
                    label={(r.unitId != null ? names.get(r.unitId) : undefined) ?? r.name}
                  />
                ))
              ) : (
                <span className="muted ranking-band-empty">无</span>
              )}
            </div>
          </section>
        );
      })}
    </Flex>
  );
}
