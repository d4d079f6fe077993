import { type Region, regionLevelOf } from '@anzhi/core';
import { App, Button, Popconfirm, Space } from 'antd';
import { errorMessage } from '../../../lib/api-client.ts';
import { useUpdateRegion } from '../api.ts';
import type { RegionFormTarget } from './region-form-modal.tsx';

/** Row actions: add a child, rename, abolish or restore. Abolishing keeps the record so history stays readable. */
export function RegionActions({ region, onEdit }: { region: Region; onEdit: (t: RegionFormTarget) => void }) {
  const { message } = App.useApp();
  const update = useUpdateRegion();
  const canHaveChildren = regionLevelOf(region.code) !== 'grid';

  const toggleAbolished = () =>
    update.mutate(
      { code: region.code, abolished: !region.abolished },
      {
        onSuccess: () => message.success(region.abolished ? `已恢复“${region.name}”` : `已将“${region.name}”标记为撤销`),
        onError: (e) => message.error(errorMessage(e)),
      },
    );

  return (
    <Space size={0} wrap>
      {canHaveChildren && !region.abolished ? (
        <Button type="link" size="small" onClick={() => onEdit({ mode: 'create', parent: region })}>
          新增下级
        </Button>
      ) : null}
      <Button type="link" size="small" onClick={() => onEdit({ mode: 'rename', region })}>
        重命名
      </Button>
      <Popconfirm
        title={region.abolished ? `恢复“${region.name}”？` : `将“${region.name}”标记为已撤销？`}
        description={region.abolished ? undefined : '撤销后不能再选择该区划，历史记录仍保留。'}
        okText={region.abolished ? '恢复' : '撤销'}
        okButtonProps={{ danger: !region.abolished }}
        onConfirm={toggleAbolished}
      >
        <Button type="link" size="small" danger={!region.abolished} loading={update.isPending}>
          {region.abolished ? '恢复' : '撤销'}
        </Button>
      </Popconfirm>
    </Space>
  );
}
