import { Empty } from 'antd';
import { memo, useEffect, useRef } from 'react';
import type { DocSegment } from './plan-text-locate.ts';

interface PlanDocViewProps {
  raw: string;
  segments: DocSegment[];
  selectedId: number | null;
  /** Nodes whose runs are tasks (the rest are headings of sections). */
  taskIds: ReadonlySet<number>;
  /** Tasks read from a table row, with the row's label (表1·第3行): shown beside the row. */
  rowLabels?: ReadonlyMap<number, string>;
  onSelect: (nodeId: number) => void;
}

/**
 * The document as imported, cut into the runs the tree's nodes own. A click on a run selects its node; selecting a
 * node scrolls its run to the top and highlights it.
 */
export const PlanDocView = memo(function PlanDocView({ raw, segments, selectedId, taskIds, rowLabels, onSelect }: PlanDocViewProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = box.current;
    if (selectedId === null || !container) return;
    const el = container.querySelector<HTMLElement>(`[data-node="${selectedId}"]`);
    if (!el) return;
    const top = el.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
    container.scrollTo({ top: Math.max(0, top - 12), behavior: 'smooth' });
  }, [selectedId]);

  if (!raw.trim()) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有原文（导入时未保留正文）" />;

  return (
    <div ref={box} className="plan-doc" data-testid="plan-doc">
      {segments.map((s) => {
        // Markdown marks (a .md plan: headings, bold) are layout, not words of the document.
        const text = raw
          .slice(s.start, s.end)
          .replace(/^#{1,6}[ \t]+/gm, '')
          .replace(/\*\*/g, '');
        if (s.nodeId === null) {
          return (
            <span key={`pre-${s.start}`} className="plan-doc-seg plan-doc-free">
              {text}
            </span>
          );
        }
        const id = s.nodeId;
        const row = rowLabels?.get(id);
        const cls = ['plan-doc-seg', taskIds.has(id) ? 'is-task' : 'is-group', id === selectedId ? 'is-selected' : '']
          .filter(Boolean)
          .join(' ');
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the tree beside offers the same selection by keyboard
          // biome-ignore lint/a11y/noStaticElementInteractions: a run of text, not a control
          <span key={`n-${id}-${s.start}`} data-node={id} className={cls} onClick={() => onSelect(id)}>
            {row ? (
              <span className="plan-doc-row" data-testid="plan-doc-row" title="这项任务取自原文表格的这一行">
                {row}
              </span>
            ) : null}
            {text}
          </span>
        );
      })}
    </div>
  );
});
