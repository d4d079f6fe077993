import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';

/** Lines of a card (or options of a question): edit, reorder, delete, add. */
export function LinesEditor({
  value,
  onChange,
  placeholder,
  addLabel = '添加一行',
  max = 50,
}: {
  value: string[];
  onChange: (lines: string[]) => void;
  placeholder?: string;
  addLabel?: string;
  max?: number;
}) {
  const set = (i: number, text: string) => onChange(value.map((l, j) => (j === i ? text : l)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...value];
    const [line] = next.splice(i, 1);
    next.splice(i + d, 0, line ?? '');
    onChange(next);
  };
  return (
    <Flex vertical gap={6}>
      {value.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are plain text edited in place; the index is their identity
        <Flex key={i} gap={4} align="center">
          <span style={{ width: 24, textAlign: 'right', color: '#888' }}>{i + 1}.</span>
          <Input.TextArea autoSize value={line} placeholder={placeholder} maxLength={300} onChange={(e) => set(i, e.target.value)} />
          <Button size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => move(i, -1)} />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label="下移"
            disabled={i === value.length - 1}
            onClick={() => move(i, 1)}
          />
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label="删除"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} disabled={value.length >= max} onClick={() => onChange([...value, ''])}>
        {addLabel}
      </Button>
    </Flex>
  );
}
