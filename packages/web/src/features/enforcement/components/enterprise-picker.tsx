import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { call } from '../../../lib/api-client.ts';

/** Finds an enterprise by name as the user types (the registry's own search). */
export function EnterprisePicker({ value, onChange }: { value?: number; onChange?: (v: number) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['enterprises', 'pick', q],
    queryFn: ({ signal }) => call('GET /enterprises', { query: { q: q || undefined, page: 1, pageSize: 20 }, signal }),
  });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder="输入企业名称搜索"
      options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
      size="large"
    />
  );
}
