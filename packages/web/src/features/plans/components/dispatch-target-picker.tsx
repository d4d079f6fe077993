import { Card, DatePicker, Flex, Form, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { useRegionList } from '../../../lib/regions-query.ts';
import { periodLabel } from '../plan-labels.ts';

interface DispatchTargetPickerProps {
  period: string;
  /** Office staff fill in for a unit or a village; a unit's own staff have no choice to make. */
  canPickAssignee: boolean;
  unitId: number | undefined;
  villageCode: string | undefined;
  onChange: (next: { period?: string; unitId?: number; villageCode?: string }) => void;
}

/** Which month, and (for the office) on whose behalf. */
export function DispatchTargetPicker({ period, canPickAssignee, unitId, villageCode, onChange }: DispatchTargetPickerProps) {
  const regions = useRegionList();
  const villages = useMemo(
    () => (regions.data ?? []).filter((r) => r.level === 'village' && !r.abolished).map((r) => ({ value: r.code, label: r.name })),
    [regions.data],
  );
  const [mode, setMode] = useState<'unit' | 'village'>(villageCode ? 'village' : 'unit');

  return (
    <Card size="small" className="search-form">
      <Form layout="inline" className="search-form-body dispatch-picker">
        <Form.Item label="调度月份">
          <DatePicker
            picker="month"
            value={dayjs(`${period}-01`)}
            allowClear={false}
            inputReadOnly
            format={(d) => periodLabel(d.format('YYYY-MM'))}
            disabledDate={(d) => d.isAfter(dayjs().add(1, 'month'), 'month')}
            onChange={(d) => d && onChange({ period: d.format('YYYY-MM'), unitId, villageCode })}
            data-testid="dispatch-period"
          />
        </Form.Item>
        {canPickAssignee ? (
          <Flex gap={8} wrap align="center">
            <Segmented
              value={mode}
              onChange={(v) => {
                setMode(v === 'village' ? 'village' : 'unit');
                onChange({ period });
              }}
              options={[
                { value: 'unit', label: '成员单位' },
                { value: 'village', label: '村（社区）' },
              ]}
            />
            {mode === 'unit' ? (
              <UnitSelect
                value={unitId ?? null}
                onChange={(v) => onChange({ period, unitId: v ?? undefined })}
                placeholder="选择代为填报的单位"
                style={{ width: 240 }}
              />
            ) : (
              <Select
                value={villageCode}
                onChange={(v?: string) => onChange({ period, villageCode: v })}
                options={villages}
                placeholder="选择村（社区）"
                loading={regions.isLoading}
                allowClear
                style={{ width: 200 }}
              />
            )}
          </Flex>
        ) : null}
      </Form>
    </Card>
  );
}
