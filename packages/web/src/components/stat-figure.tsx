import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A headline figure of a statistics page: its title, the number (a StatLink that opens its list), and a line below. */
export function StatFigure({ title, main, sub, testId }: { title: string; main: ReactNode; sub: ReactNode; testId: string }) {
  return (
    <Card size="small" data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }}>{main}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {sub}
      </Typography.Text>
    </Card>
  );
}
