import { type CurrentUser, roleLabels } from '@anzhi/core';
import { Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { greeting } from '../../../lib/format.ts';
import { useRegionNames } from '../../../lib/regions-query.ts';

/** Who I am here: name, roles, the unit and regions my data scope covers. */
export function GreetingCard({ user }: { user: CurrentUser }) {
  const regionNames = useRegionNames();
  const isAdmin = user.roles.includes('admin');
  const regions = user.regionCodes.map((c) => regionNames.get(c) ?? c);
  const scope = isAdmin ? '全部区划' : regions.length ? regions.join('、') : '尚未分配所辖区划';

  return (
    <Card>
      <Flex vertical gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {greeting()}，{user.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">今天是 {dayjs().format('YYYY年M月D日 dddd')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          {user.roles.map((r) => (
            <Tag key={r} color="blue">
              {roleLabels[r]}
            </Tag>
          ))}
          {user.unitName ? <Tag>{user.unitName}</Tag> : null}
          <Typography.Text type="secondary">数据范围：{scope}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
