import { PlusOutlined } from '@ant-design/icons';
import type { Role, User } from '@anzhi/core';
import { Button, Card, Empty, Form, Input, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { freezeFirstColumn } from '../../../components/phone-table.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { SearchForm } from '../../../components/search-form.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { useRegionNames } from '../../../lib/regions-query.ts';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { useUsers } from '../api.ts';
import { ResetPasswordModal } from '../components/reset-password-modal.tsx';
import { roleFilterOptions } from '../components/role-options.ts';
import { UserActions } from '../components/user-actions.tsx';
import { userColumns } from '../components/user-columns.tsx';
import { UserFormDrawer, type UserFormTarget } from '../components/user-form-drawer.tsx';

const filterKeys = ['q', 'role', 'unitId'] as const;

interface Filters {
  q?: string;
  role?: Role;
  unitId?: number | null;
}

export function UsersPage() {
  const list = useListParams(filterKeys);
  const filters = useMemo<Filters>(
    () => ({
      q: list.filters.q,
      role: list.filters.role as Role | undefined,
      unitId: list.filters.unitId ? Number(list.filters.unitId) : undefined,
    }),
    [list.filters],
  );
  const [searchForm] = Form.useForm<Filters>();
  const canWrite = useCan('user.write');
  const regionNames = useRegionNames();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState<UserFormTarget | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useUsers({
    q: filters.q,
    role: filters.role,
    unitId: filters.unitId ?? undefined,
    page: list.page,
    pageSize: list.pageSize,
  });

  const columns = useMemo(() => {
    const cols = userColumns(regionNames);
    if (canWrite) {
      cols.push({
        title: '操作',
        key: 'actions',
        width: 200,
        // On a phone a pinned column would cover most of the row.
        fixed: isMobile ? undefined : 'right',
        render: (_, user: User) => (
          <UserActions user={user} onEdit={(u) => setEditing({ mode: 'edit', user: u })} onResetPassword={setResetting} />
        ),
      });
    }
    return freezeFirstColumn(cols, isMobile);
  }, [regionNames, canWrite, isMobile]);

  const filtered = Object.keys(list.filters).length > 0;

  return (
    <PageContainer
      title="用户管理"
      testId="users-page"
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新增用户
          </Button>
        ) : null
      }
    >
      <SearchForm<Filters>
        form={searchForm}
        values={filters}
        onSearch={(v) => list.setFilters({ q: v.q?.trim(), role: v.role, unitId: v.unitId ? String(v.unitId) : undefined })}
        onReset={() => list.setFilters({})}
      >
        <Form.Item name="q" label="关键词">
          <Input placeholder="用户名、姓名或手机号" allowClear />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select options={roleFilterOptions} placeholder="全部角色" allowClear />
        </Form.Item>
        <Form.Item name="unitId" label="单位">
          <UnitSelect placeholder="全部单位" style={{ minWidth: 200 }} />
        </Form.Item>
      </SearchForm>
      <Card className="table-card">
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            className="phone-table"
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            size="middle"
            scroll={{ x: 1250 }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 个用户`,
              onChange: list.setPage,
            }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的用户' : '尚无用户'} />,
            }}
          />
        )}
      </Card>
      <UserFormDrawer target={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}
