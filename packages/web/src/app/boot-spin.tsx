/**
 * The spinner shown while the first route's code arrives. Plain HTML and CSS (`app.css`): it is in the entry chunk,
 * which must stay free of antd.
 */
export function BootSpin({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div className="boot-spin" role="status" aria-live="polite">
      <span className="boot-spin-dot" aria-hidden="true" />
      <span>{tip}</span>
    </div>
  );
}
