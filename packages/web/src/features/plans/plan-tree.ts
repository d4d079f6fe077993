/** The plan's flat node list (parentId, sortOrder) as a tree: sections holding sections and tasks. */

interface FlatNode {
  id: number;
  parentId: number | null;
  kind: 'group' | 'task';
  sortOrder?: number;
}

export interface TreeNode<T extends FlatNode> {
  node: T;
  children: Array<TreeNode<T>>;
}

export function buildTree<T extends FlatNode>(nodes: readonly T[]): Array<TreeNode<T>> {
  const byId = new Map<number, TreeNode<T>>(nodes.map((n) => [n.id, { node: n, children: [] }]));
  const roots: Array<TreeNode<T>> = [];
  nodes.forEach((n) => {
    const item = byId.get(n.id) as TreeNode<T>;
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    (parent ? parent.children : roots).push(item);
  });
  const order = (list: Array<TreeNode<T>>) => {
    list.sort((a, b) => (a.node.sortOrder ?? 0) - (b.node.sortOrder ?? 0));
    for (const c of list) order(c.children);
  };
  // Without sortOrder the server's order (document order) stands.
  if (nodes.some((n) => n.sortOrder !== undefined)) order(roots);
  return roots;
}

/** Every task below a tree node, in order. */
export function tasksUnder<T extends FlatNode>(item: TreeNode<T>): T[] {
  if (item.node.kind === 'task') return [item.node, ...item.children.flatMap(tasksUnder)];
  return item.children.flatMap(tasksUnder);
}

/** The nodes in document order (depth first), for walking the document alongside. */
export function flatten<T extends FlatNode>(tree: Array<TreeNode<T>>): T[] {
  return tree.flatMap((t) => [t.node, ...flatten(t.children)]);
}

/** Keeps the tasks that pass and the sections that still hold one. */
export function filterTree<T extends FlatNode>(tree: Array<TreeNode<T>>, keep: (task: T) => boolean): Array<TreeNode<T>> {
  return tree.flatMap((t) => {
    const children = filterTree(t.children, keep);
    if (t.node.kind === 'task') return keep(t.node) || children.length ? [{ node: t.node, children }] : [];
    return children.length ? [{ node: t.node, children }] : [];
  });
}
