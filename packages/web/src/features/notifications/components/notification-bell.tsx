import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useState } from 'react';
import { useUnreadNotificationCount } from '../api.ts';
import { NotificationDrawer } from './notification-drawer.tsx';
import '../notifications.css';

/** The top bar's bell: the unread count as a badge, a tap opens the notification centre. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const { data: count = 0 } = useUnreadNotificationCount();
  return (
    <>
      <Button
        type="text"
        className="notification-bell"
        aria-label={count ? `通知，${count} 条未读` : '通知'}
        data-testid="notification-bell"
        onClick={() => setOpen(true)}
      >
        <Badge count={count} size="small" overflowCount={99} offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
      <NotificationDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
