import type { RegionNode } from '../../../lib/regions-query.ts';

/** Keeps nodes that match (by name or code) and the ancestors leading to them. */
export function filterRegionTree(nodes: RegionNode[], keyword: string): RegionNode[] {
  const k = keyword.trim().toLowerCase();
  if (!k) return nodes;
  return nodes.flatMap((n): RegionNode[] => {
    const children = n.children ? filterRegionTree(n.children, k) : [];
    const hit = n.name.toLowerCase().includes(k) || n.code.includes(k);
    if (!hit && children.length === 0) return [];
    return [{ ...n, children: hit && children.length === 0 ? n.children : children }];
  });
}

/** Keys of nodes down to `depth` levels, e.g. township and its villages open on first view. */
export function keysToDepth(nodes: RegionNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => [n.code, ...(n.children ? keysToDepth(n.children, depth - 1) : [])]);
}

export function allKeysWithChildren(nodes: RegionNode[]): string[] {
  return nodes.flatMap((n) => (n.children?.length ? [n.code, ...allKeysWithChildren(n.children)] : []));
}

/** Antd renders an expand icon for any `children` array, so leaves must not carry an empty one. */
export function withoutEmptyChildren(nodes: RegionNode[]): RegionNode[] {
  return nodes.map((n) => (n.children?.length ? { ...n, children: withoutEmptyChildren(n.children) } : { ...n, children: undefined }));
}
