import { Alert, Empty, Flex, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useSettings } from '../api.ts';
import { SettingsFragmentCard } from '../components/settings-fragment-card.tsx';

/** 系统设置: a township's settings, one card per module fragment (core's settings registry). */
export function SettingsPage() {
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const settings = useSettings(regionCode);
  const view = settings.data;

  const picker =
    view && view.townships.length > 1 ? (
      <Select
        aria-label="乡镇（街道）"
        value={view.regionCode}
        onChange={setRegionCode}
        options={view.townships.map((t) => ({ value: t.code, label: t.name }))}
        style={{ minWidth: 180 }}
        showSearch={{ optionFilterProp: 'label' }}
      />
    ) : null;

  return (
    <PageContainer title={view ? `系统设置 · ${view.regionName}` : '系统设置'} extra={picker} testId="settings-page">
      {settings.isPending ? (
        <Skeleton active />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !view || view.fragments.length === 0 ? (
        <Empty description="暂无可设置的项目" />
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            title="这些设置只对本乡镇（街道）生效；巡检、台账和五色图在下一次计算时即按新值执行，每次修改都记入审计日志。"
          />
          {view.fragments.map((fragment) => (
            <SettingsFragmentCard key={fragment.key} fragment={fragment} regionCode={view.regionCode} canWrite={view.canWrite} />
          ))}
        </Flex>
      )}
    </PageContainer>
  );
}
