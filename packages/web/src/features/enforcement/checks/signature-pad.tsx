import { Button, Flex } from 'antd';
import { type PointerEvent, useEffect, useRef, useState } from 'react';

interface SignaturePadProps {
  /** A PNG data URL of what was drawn, or null when the pad is empty. */
  onChange: (dataUrl: string | null) => void;
  testId?: string;
  height?: number;
}

/** A canvas to sign on with a finger, a stylus or the mouse (pointer events); 清除 starts again. */
export function SignaturePad({ onChange, testId, height = 160 }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    // Draw in device pixels so the strokes stay sharp on a phone.
    const ratio = window.devicePixelRatio || 1;
    c.width = c.offsetWidth * ratio;
    c.height = height * ratio;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
  }, [height]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setEmpty(false);
    onChange(canvas.current?.toDataURL('image/png') ?? null);
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setEmpty(true);
    onChange(null);
  };

  return (
    <Flex vertical gap={4}>
      <canvas
        ref={canvas}
        data-testid={testId}
        data-empty={empty}
        style={{ width: '100%', height, border: '1px dashed #bbb', borderRadius: 8, touchAction: 'none', background: '#fff' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      <Flex justify="space-between" align="center">
        <span style={{ color: '#999' }}>{empty ? '请在框内手写签名' : '已签名'}</span>
        <Button size="small" onClick={clear}>
          清除
        </Button>
      </Flex>
    </Flex>
  );
}
