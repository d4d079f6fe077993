import type { Region } from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from './api-client.ts';
import { useCan } from './session.ts';

/** Shared by every page that shows or picks regions; the regions feature invalidates this key after edits. */
export const regionsQueryKey = ['regions'] as const;

export function useRegionList() {
  const canRead = useCan('region.read');
  return useQuery({
    queryKey: regionsQueryKey,
    queryFn: () => call('GET /regions').then((r) => r.items),
    enabled: canRead,
    staleTime: 5 * 60_000,
  });
}

export interface RegionNode extends Region {
  children?: RegionNode[];
}

/**
 * Builds the tree from the flat list. A region whose parent is outside the caller's scope becomes a root,
 * so a township clerk sees their township at the top.
 */
export function buildRegionTree(regions: readonly Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>(regions.map((r) => [r.code, { ...r }]));
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const sort = (list: RegionNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of list) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

export function useRegionNames(): Map<string, string> {
  const { data } = useRegionList();
  return useMemo(() => new Map((data ?? []).map((r) => [r.code, r.name])), [data]);
}
