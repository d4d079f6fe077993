import { EnvironmentOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import type { PublicReportEnterprise } from '@anzhi/core';
import { Alert, Button, Card, Flex, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useReportEnterpriseSearch } from '../api.ts';

/** Waits until typing pauses, so a phone on a weak signal sends one search, not one per character. */
function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface EnterpriseSearchProps {
  onEnterprise: (enterprise: PublicReportEnterprise) => void;
  onPlace: () => void;
}

/** Step one of `/report`: which enterprise, or a place without one. */
export function EnterpriseSearch({ onEnterprise, onPlace }: EnterpriseSearchProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text, 350);
  const search = useReportEnterpriseSearch(q);
  const short = text.trim().length < 2;
  return (
    <Flex vertical gap={12} data-testid="report-enterprise-search">
      <Card size="small" title="您要反映哪家企业？">
        <Input
          size="large"
          allowClear
          prefix={<SearchOutlined />}
          placeholder="输入企业名称（至少 2 个字）"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="report-enterprise-query"
          aria-label="企业名称"
        />
        <div style={{ marginTop: 12 }}>
          {short ? (
            <Typography.Text type="secondary">可输入企业名称中的任意 2 个以上连续的字。</Typography.Text>
          ) : search.isError ? (
            <Alert type="warning" showIcon message={errorMessage(search.error)} />
          ) : search.isFetching || q !== text ? (
            <Spin />
          ) : search.data && search.data.length > 0 ? (
            <Flex vertical gap={8}>
              {search.data.map((e) => (
                <Button
                  key={e.publicCode}
                  size="large"
                  block
                  onClick={() => onEnterprise(e)}
                  style={{ height: 'auto', minHeight: 48, justifyContent: 'space-between', textAlign: 'left', whiteSpace: 'normal' }}
                  data-testid="report-enterprise-option"
                >
                  <span>
                    {e.name}
                    {e.regionName ? (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {e.regionName}
                      </Typography.Text>
                    ) : null}
                  </span>
                  <RightOutlined />
                </Button>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">没有找到名称相符的企业，可换个说法，或按下面的方式反映。</Typography.Text>
          )}
        </div>
      </Card>
      <Button size="large" block icon={<EnvironmentOutlined />} onClick={onPlace} style={{ minHeight: 48 }} data-testid="report-by-place">
        找不到企业 / 反映某个地点
      </Button>
    </Flex>
  );
}
