import { DashboardPage } from '../features/dashboard/pages/dashboard-page.tsx';
import { TodoNumbers } from '../features/todos/components/todo-numbers.tsx';
import { TodoPreviewCard } from '../features/todos/components/todo-preview-card.tsx';

/** 工作台: the dashboard with the caller's to-dos first and the caller's own numbers (composed here, features stay apart). */
export function HomePage() {
  return <DashboardPage todos={<TodoPreviewCard top={5} />} numbers={<TodoNumbers />} />;
}
