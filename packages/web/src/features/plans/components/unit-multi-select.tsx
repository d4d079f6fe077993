import { Select } from 'antd';
import { useMemo } from 'react';
import { useUnitOptions } from '../../../lib/units-query.ts';

interface UnitMultiSelectProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  placeholder?: string;
  id?: string;
}

/** Several member units (a task's lead or co units), found by name, short name or alias. */
export function UnitMultiSelect({ value, onChange, placeholder = '请选择单位', id }: UnitMultiSelectProps) {
  const { data, isLoading, isError } = useUnitOptions();
  const options = useMemo(
    () =>
      (data ?? []).map((u) => ({
        value: u.id,
        label: u.shortName ?? u.name,
        title: u.name,
        search: [u.name, u.shortName ?? '', ...u.aliases].join(' '),
      })),
    [data],
  );
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v: number[]) => onChange?.(v)}
      options={options}
      showSearch={{ filterOption: (input, option) => !!option?.search.toLowerCase().includes(input.toLowerCase()) }}
      loading={isLoading}
      placeholder={isError ? '单位加载失败' : placeholder}
      style={{ width: '100%' }}
      notFoundContent={isLoading ? '加载中…' : '没有匹配的单位'}
    />
  );
}
