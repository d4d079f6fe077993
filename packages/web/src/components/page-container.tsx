import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageContainerProps {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function PageContainer({ title, extra, children, testId }: PageContainerProps) {
  return (
    <div className="page-container" data-testid={testId}>
      <Flex className="page-container-header" align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </div>
  );
}
