import type { Unit } from '@anzhi/core';
import { App, Button, Popconfirm, Space } from 'antd';
import { errorMessage } from '../../../lib/api-client.ts';
import { useUpdateUnit } from '../api.ts';

export function UnitActions({ unit, onEdit }: { unit: Unit; onEdit: (u: Unit) => void }) {
  const { message } = App.useApp();
  const update = useUpdateUnit();
  const toggle = () =>
    update.mutate(
      { id: unit.id, disabled: !unit.disabled },
      {
        onSuccess: () => message.success(unit.disabled ? `已启用“${unit.name}”` : `已停用“${unit.name}”`),
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => onEdit(unit)}>
        编辑
      </Button>
      <Popconfirm
        title={unit.disabled ? `启用“${unit.name}”？` : `停用“${unit.name}”？`}
        description={unit.disabled ? undefined : '停用后不再向该单位派发任务，历史记录保留。'}
        okText={unit.disabled ? '启用' : '停用'}
        okButtonProps={{ danger: !unit.disabled }}
        onConfirm={toggle}
      >
        <Button type="link" size="small" danger={!unit.disabled} loading={update.isPending}>
          {unit.disabled ? '启用' : '停用'}
        </Button>
      </Popconfirm>
    </Space>
  );
}
