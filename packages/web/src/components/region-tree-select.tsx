import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { buildRegionTree, type RegionNode, useRegionList } from '../lib/regions-query.ts';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: RegionNode[], hideAbolished: boolean): TreeOption[] {
  return nodes
    .filter((n) => !hideAbolished || !n.abolished)
    .map((n) => ({
      value: n.code,
      title: n.abolished ? `${n.name}（已撤销）` : n.name,
      disabled: n.abolished,
      children: n.children ? toOptions(n.children, hideAbolished) : undefined,
    }));
}

interface RegionTreeSelectProps {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  /** Abolished regions stay visible (disabled) unless hidden, so old records still show a name. */
  hideAbolished?: boolean;
  id?: string;
}

/** Picks one or several regions from the caller's scope; works as an antd Form control. */
export function RegionTreeSelect({
  value,
  onChange,
  multiple,
  placeholder = '请选择区划',
  allowClear = true,
  hideAbolished,
  id,
}: RegionTreeSelectProps) {
  const { data, isLoading, isError } = useRegionList();
  const treeData = useMemo(() => toOptions(buildRegionTree(data ?? []), !!hideAbolished), [data, hideAbolished]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange?.(v ?? (multiple ? [] : null))}
      treeData={treeData}
      multiple={multiple}
      treeCheckable={multiple}
      showCheckedStrategy={TreeSelect.SHOW_PARENT}
      treeCheckStrictly={false}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      loading={isLoading}
      placeholder={isError ? '区划加载失败' : placeholder}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      notFoundContent={isLoading ? '加载中…' : '没有可选的区划'}
    />
  );
}
