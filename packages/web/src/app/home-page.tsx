import { DashboardPage, seesOverview } from '../features/dashboard/pages/dashboard-page.tsx';
import { PlanHomeCard } from '../features/plans/components/plan-home-card.tsx';
import { TodoNumbers } from '../features/todos/components/todo-numbers.tsx';
import { TodoPreviewCard } from '../features/todos/components/todo-preview-card.tsx';
import { hasPermission, useCurrentUser } from '../lib/session.ts';

/** 工作台: the dashboard with the caller's to-dos first and the caller's own numbers (composed here, features stay apart). */
export function HomePage() {
  const user = useCurrentUser();
  // A leader takes no steps: an empty to-do card above the overdue figures would read "nothing to do".
  const overview = seesOverview(user);
  return (
    <DashboardPage
      todos={<TodoPreviewCard top={5} hideWhenEmpty={overview} />}
      numbers={
        <>
          <TodoNumbers />
          {overview && hasPermission(user, 'plan.read') ? <PlanHomeCard /> : null}
        </>
      }
    />
  );
}
