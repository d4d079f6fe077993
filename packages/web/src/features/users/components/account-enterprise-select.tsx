import { Select } from 'antd';
import { useState } from 'react';
import { useEnterpriseOptions } from '../api.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The bound enterprise's name, shown before any search (editing an account). */
  currentName?: string | null;
  id?: string;
}

/** The enterprise an enterprise account belongs to: searched by name within the manager's scope. */
export function AccountEnterpriseSelect({ value, onChange, currentName, id }: Props) {
  const [q, setQ] = useState('');
  const { data = [], isFetching } = useEnterpriseOptions(q, true);
  const options = value != null && currentName && !data.some((o) => o.value === value) ? [{ value, label: currentName }, ...data] : data;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={options}
      loading={isFetching}
      allowClear
      placeholder="输入企业名称搜索"
      notFoundContent={isFetching ? '搜索中…' : '没有匹配的企业'}
      data-testid="user-enterprise"
    />
  );
}
