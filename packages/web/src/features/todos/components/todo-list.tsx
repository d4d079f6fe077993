import { RightOutlined } from '@ant-design/icons';
import { type TodoBox, type TodoItem, todoKindLabels, todoKinds } from '@anzhi/core';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import '../todos.css';

const emptyText: Record<TodoBox, string> = {
  mine: '暂无待办事项，需要您处理的事项会出现在这里',
  done: '近期没有已办事项',
  initiated: '您发起的事项都已办结',
};

function DueTag({ item }: { item: TodoItem }) {
  if (item.overdue) return <Tag color="error">已逾期{item.dueOn ? `（期限 ${item.dueOn}）` : ''}</Tag>;
  if (item.dueOn) return <Tag>期限 {item.dueOn}</Tag>;
  return null;
}

/** One to-do: the whole card is one tap to the exact step (a large target on a phone). */
export function TodoRow({ item, box }: { item: TodoItem; box: TodoBox }) {
  return (
    <Link to={item.link} className="todo-row" data-testid="todo-item" data-kind={item.kind} aria-label={item.title}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="center" gap={8}>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Typography.Text strong className="todo-title">
              {item.title}
            </Typography.Text>
            {item.detail ? (
              <Typography.Text type="secondary" className="todo-detail" ellipsis>
                {item.detail}
              </Typography.Text>
            ) : null}
            <Flex gap={6} wrap align="center">
              {box === 'done' ? null : <DueTag item={item} />}
              {box === 'done' && item.at ? (
                <Typography.Text type="secondary">{dayjs(item.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
              ) : null}
            </Flex>
          </Flex>
          <RightOutlined className="muted" />
        </Flex>
      </Card>
    </Link>
  );
}

/** The items grouped by kind (in core's order), each group in the server's order: overdue first, then the nearest deadline. */
export function TodoList({ items, box, grouped = true }: { items: TodoItem[]; box: TodoBox; grouped?: boolean }) {
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText[box]} data-testid="todo-empty" />;
  if (!grouped) {
    return (
      <Flex vertical gap={8} data-testid="todo-list">
        {items.map((i) => (
          <TodoRow key={`${i.kind}-${i.link}-${i.at}`} item={i} box={box} />
        ))}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16} data-testid="todo-list">
      {todoKinds.map((kind) => {
        const mine = items.filter((i) => i.kind === kind);
        if (!mine.length) return null;
        return (
          <Flex key={kind} vertical gap={8} data-testid={`todo-group-${kind}`}>
            <Typography.Text type="secondary">
              {todoKindLabels[kind]}（{mine.length}）
            </Typography.Text>
            {mine.map((i) => (
              <TodoRow key={`${i.kind}-${i.link}-${i.at}`} item={i} box={box} />
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
