import type { User } from '@anzhi/core';
import { Flex, Tag } from 'antd';

export function UserStatusTags({ user }: { user: User }) {
  const tags = [
    user.disabled ? (
      <Tag key="disabled" color="red">
        停用
      </Tag>
    ) : null,
    user.locked ? (
      <Tag key="locked" color="orange">
        锁定
      </Tag>
    ) : null,
    user.mustChangePassword ? (
      <Tag key="mcp" color="gold">
        需改密
      </Tag>
    ) : null,
  ].filter(Boolean);
  return (
    <Flex gap={4} wrap>
      {tags.length ? tags : <Tag color="green">正常</Tag>}
    </Flex>
  );
}
