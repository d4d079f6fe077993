import { Segmented } from 'antd';
import type { HazardFilters } from '../hazard-filters.ts';

type Quick = 'all' | 'awaitingMe' | 'mine';
const quickOptions: Array<{ value: Quick; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'awaitingMe', label: '待我处理' },
  { value: 'mine', label: '我登记的' },
];

/**
 * The ledger's first question for anyone who works it: what waits for me, what did I register. One tap each
 * (`awaitingMe` / `mine` on GET /hazards); the other filters still apply.
 */
export function HazardQuickFilters({ filters, onChange }: { filters: HazardFilters; onChange: (f: HazardFilters) => void }) {
  const current: Quick = filters.awaitingMe === 'true' ? 'awaitingMe' : filters.mine === 'true' ? 'mine' : 'all';
  return (
    <Segmented<Quick>
      className="hazard-quick-filters"
      data-testid="hazard-quick-filters"
      options={quickOptions}
      value={current}
      onChange={(q) =>
        onChange({ ...filters, mine: q === 'mine' ? 'true' : undefined, awaitingMe: q === 'awaitingMe' ? 'true' : undefined })
      }
    />
  );
}
