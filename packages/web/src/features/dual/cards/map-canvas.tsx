import { type RiskLevel, riskLevelColours } from '@anzhi/core';
import type { MouseEvent } from 'react';

export interface MapZone {
  pointId: number;
  pointName: string;
  level: RiskLevel | null;
  polygon: Array<[number, number]>;
}

const NONE = '#bfbfbf';
export const zoneColour = (level: RiskLevel | null) => (level ? riskLevelColours[level].hex : NONE);

/**
 * The site plan with its zones on an SVG overlay in the image's 0–1 coordinates (viewBox 0 0 1 1, stretched over the
 * image). While drawing, a click adds a vertex where the user clicked.
 */
export function MapCanvas({
  imageUrl,
  zones,
  drawing,
  selected,
  onAddVertex,
  onSelect,
}: {
  imageUrl: string;
  zones: MapZone[];
  drawing?: { polygon: Array<[number, number]>; colour: string } | null;
  selected?: number | null;
  onAddVertex?: (p: [number, number]) => void;
  onSelect?: (index: number) => void;
}) {
  const click = (e: MouseEvent<SVGSVGElement>) => {
    if (!drawing || !onAddVertex) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
    const y = Math.min(1, Math.max(0, (e.clientY - r.top) / r.height));
    onAddVertex([Math.round(x * 10000) / 10000, Math.round(y * 10000) / 10000]);
  };
  const pts = (p: Array<[number, number]>) => p.map(([x, y]) => `${x},${y}`).join(' ');
  return (
    <div style={{ position: 'relative', width: '100%', lineHeight: 0, border: '1px solid #d9d9d9' }}>
      <img src={imageUrl} alt="平面图" style={{ width: '100%', display: 'block' }} />
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: drawing a polygon is a pointer task; the zone list beside it is the keyboard path */}
      <svg
        viewBox="0 0 1 1"
        preserveAspectRatio="none"
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: drawing ? 'crosshair' : 'default' }}
        onClick={click}
        role="img"
        aria-label="四色分布图"
      >
        {zones.map((z, i) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: the zone list beside the map is the keyboard path
          <polygon
            // biome-ignore lint/suspicious/noArrayIndexKey: zones are kept in order; the index is their identity
            key={i}
            points={pts(z.polygon)}
            fill={zoneColour(z.level)}
            fillOpacity={selected === i ? 0.75 : 0.5}
            stroke={selected === i ? '#000' : zoneColour(z.level)}
            strokeWidth={selected === i ? 0.006 : 0.003}
            vectorEffect="non-scaling-stroke"
            onClick={(e) => {
              if (drawing || !onSelect) return;
              e.stopPropagation();
              onSelect(i);
            }}
            style={{ cursor: onSelect && !drawing ? 'pointer' : undefined }}
          >
            <title>{`${z.pointName}${z.level ? `（${riskLevelColours[z.level].name}）` : ''}`}</title>
          </polygon>
        ))}
        {drawing ? (
          <>
            <polyline
              points={pts(drawing.polygon)}
              fill={drawing.colour}
              fillOpacity={0.3}
              stroke="#000"
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
            {drawing.polygon.map(([x, y], i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: vertices in drawing order
              <circle key={i} cx={x} cy={y} r={0.006} fill="#000" />
            ))}
          </>
        ) : null}
      </svg>
    </div>
  );
}

export function MapLegend() {
  return (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      {(['major', 'high', 'medium', 'low'] as const).map((l) => (
        <span key={l} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span style={{ width: 14, height: 14, background: riskLevelColours[l].hex, display: 'inline-block', borderRadius: 2 }} />
          {riskLevelColours[l].name}
          {{ major: '（重大风险）', high: '（较大风险）', medium: '（一般风险）', low: '（低风险）' }[l]}
        </span>
      ))}
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <span style={{ width: 14, height: 14, background: NONE, display: 'inline-block', borderRadius: 2 }} />
        未评估
      </span>
    </div>
  );
}
