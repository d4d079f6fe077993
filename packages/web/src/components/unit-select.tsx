import { Select } from 'antd';
import { useMemo } from 'react';
import { useUnitOptions } from '../lib/units-query.ts';

interface UnitSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

/** Picks one member unit by name, short name or alias. */
export function UnitSelect({ value, onChange, placeholder = '请选择单位', id, style }: UnitSelectProps) {
  const { data, isLoading, isError } = useUnitOptions();
  const options = useMemo(
    () =>
      (data ?? []).map((u) => ({
        value: u.id,
        label: u.disabled ? `${u.name}（已停用）` : u.name,
        search: [u.name, u.shortName ?? '', ...u.aliases].join(' '),
      })),
    [data],
  );
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: (input, option) => !!option?.search.toLowerCase().includes(input.toLowerCase()) }}
      loading={isLoading}
      placeholder={isError ? '单位加载失败' : placeholder}
      style={{ width: '100%', ...style }}
      notFoundContent={isLoading ? '加载中…' : '没有匹配的单位'}
    />
  );
}
