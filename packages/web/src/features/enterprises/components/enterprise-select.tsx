import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useEnterpriseSearch } from '../api.ts';

interface EnterpriseSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The name of the current value, shown before any search has run. */
  initialLabel?: string | null;
  excludeId?: number;
  placeholder?: string;
  id?: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Picks one enterprise by name, credit code or pinyin initials, searched on the server (a township has hundreds). */
export function EnterpriseSelect({ value, onChange, initialLabel, excludeId, placeholder = '输入名称搜索', id }: EnterpriseSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const { data, isFetching } = useEnterpriseSearch(q);
  const options = useMemo(() => {
    const found = (data ?? []).filter((e) => e.id !== excludeId).map((e) => ({ value: e.id, label: e.name }));
    if (value != null && initialLabel && !found.some((o) => o.value === value)) found.unshift({ value, label: initialLabel });
    return found;
  }, [data, excludeId, value, initialLabel]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      placeholder={placeholder}
      notFoundContent={isFetching ? '搜索中…' : '没有匹配的企业'}
      style={{ width: '100%' }}
    />
  );
}
