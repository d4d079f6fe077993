import type { StatNumber } from '@anzhi/core';
import { Link } from 'react-router';

/** A number of the statistics that opens its list; a dash when there is nothing to divide by. */
export function StatLink({ n, suffix = '', testId }: { n: StatNumber | undefined; suffix?: string; testId?: string }) {
  const text = n?.value == null ? '—' : `${n.value.toLocaleString('zh-CN')}${suffix}`;
  if (!n?.href || n.value == null) return <span data-testid={testId}>{text}</span>;
  return (
    <Link to={n.href} data-testid={testId}>
      {text}
    </Link>
  );
}
