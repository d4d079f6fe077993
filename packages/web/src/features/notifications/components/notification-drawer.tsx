import { CheckOutlined } from '@ant-design/icons';
import { isSafeNoticeLink, type NotificationItem } from '@anzhi/core';
import { App, Button, Drawer, Empty, Flex, Segmented, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotificationFeed } from '../api.ts';

/** Today's notices show the time only; older ones the date as well. */
function when(iso: string): string {
  const d = dayjs(iso);
  return d.isSame(dayjs(), 'day') ? d.format('HH:mm') : d.format('YYYY-MM-DD HH:mm');
}

function NotificationRow({ n, onOpen }: { n: NotificationItem; onOpen: (n: NotificationItem) => void }) {
  const unread = n.readAt === null;
  return (
    <button
      type="button"
      className={`notification-item${unread ? ' notification-item-unread' : ''}`}
      onClick={() => onOpen(n)}
      data-testid="notification-item"
      aria-label={`${unread ? '未读：' : ''}${n.title}`}
    >
      <span className="notification-dot" aria-hidden />
      <span className="notification-main">
        <span className="notification-title">{n.title}</span>
        <span className="notification-body">{n.body}</span>
        <span className="muted notification-time">{when(n.createdAt)}</span>
      </span>
    </button>
  );
}

interface NotificationDrawerProps {
  open: boolean;
  onClose: () => void;
}

/** The notification centre: newest first, unread ones marked; a tap marks read and opens what must be done. */
export function NotificationDrawer({ open, onClose }: NotificationDrawerProps) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const feed = useNotificationFeed(filter === 'unread', open);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  const openNotice = (n: NotificationItem) => {
    if (n.readAt === null) markRead.mutate(n.id, { onError: (e) => void message.error(errorMessage(e)) });
    if (!n.link || !isSafeNoticeLink(n.link)) return;
    onClose();
    if (n.link.startsWith('/')) navigate(n.link);
    else window.open(n.link, '_blank', 'noopener,noreferrer');
  };

  const readAll = () =>
    markAll.mutate(undefined, {
      onSuccess: (r) => void message.success(r.count ? `已将 ${r.count} 条通知标为已读` : '没有未读通知'),
      onError: (e) => void message.error(errorMessage(e)),
    });

  const unread = feed.unread ?? 0;
  let content: ReactNode;
  if (feed.isPending) content = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (feed.isError) content = <QueryError error={feed.error} onRetry={() => void feed.refetch()} />;
  else if (feed.items.length === 0)
    content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter === 'unread' ? '没有未读通知' : '暂无通知'} />;
  else
    content = (
      <Flex vertical gap={0} data-testid="notification-list">
        {feed.items.map((n) => (
          <NotificationRow key={n.id} n={n} onOpen={openNotice} />
        ))}
        {feed.hasNextPage ? (
          <Button block size="large" type="link" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            加载更多
          </Button>
        ) : (
          <div className="muted notification-end">共 {feed.total ?? feed.items.length} 条</div>
        )}
      </Flex>
    );

  return (
    <Drawer
      title="通知"
      placement="right"
      open={open}
      onClose={onClose}
      size={isMobile ? '100%' : 420}
      className="notification-drawer"
      styles={{ body: { padding: '8px 12px' } }}
      extra={
        <Button
          icon={<CheckOutlined />}
          onClick={readAll}
          loading={markAll.isPending}
          disabled={unread === 0}
          data-testid="notification-read-all"
        >
          全部标为已读
        </Button>
      }
    >
      <Segmented
        block
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'unread')}
        options={[
          { value: 'all', label: '全部' },
          { value: 'unread', label: unread ? `未读（${unread}）` : '未读' },
        ]}
        style={{ marginBottom: 8 }}
      />
      {content}
    </Drawer>
  );
}
