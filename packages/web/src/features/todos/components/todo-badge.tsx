import { Badge } from 'antd';
import { useTodoCount } from '../api.ts';

/** The count beside the menu item 待办; refreshed on focus, every two minutes and after every change (query-client). */
export function TodoBadge() {
  const count = useTodoCount();
  if (!count) return null;
  return <Badge count={count} overflowCount={99} size="small" offset={[6, -2]} data-testid="todo-badge" />;
}
