import { describe, expect, it } from 'vitest';
import { isSafeNoticeLink, notificationListQuery } from './notification.contract.ts';

describe('notification contract', () => {
  it('accepts in-app paths and http(s) addresses as notice links, nothing that runs script or leaves via //', () => {
    expect(isSafeNoticeLink('/hazards/12')).toBe(true);
    expect(isSafeNoticeLink('https://anzhi.example.cn/hazards/12')).toBe(true);
    expect(isSafeNoticeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeNoticeLink('//evil.example/x')).toBe(false);
    expect(isSafeNoticeLink('/\\evil.example')).toBe(false);
    expect(isSafeNoticeLink('hazards/12')).toBe(false);
  });

  it('reads unread=true|false from a query string', () => {
    expect(notificationListQuery.parse({ unread: 'true' })).toEqual({ page: 1, pageSize: 20, unread: true });
    expect(notificationListQuery.parse({ unread: 'false', page: '2' })).toMatchObject({ page: 2, unread: false });
    expect(notificationListQuery.safeParse({ unread: 'yes' }).success).toBe(false);
  });
});
