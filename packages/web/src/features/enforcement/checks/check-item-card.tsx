import { type CheckItem, type CheckItemResult, checkItemResultLabels } from '@anzhi/core';
import { Button, Card, DatePicker, Flex, Input, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { PhotoUpload } from '../../../components/photo-upload.tsx';

/** What the inspector has entered for one item (saved with 保存 or before signing). */
export interface ItemDraft {
  id: number;
  result: CheckItemResult | null;
  note: string | null;
  photoIds: number[];
  deadline: string | null;
  fixedOnSpot: boolean;
  fixPhotoIds: number[];
}

export const draftOf = (i: CheckItem): ItemDraft => ({
  id: i.id,
  result: i.result,
  note: i.note,
  photoIds: i.photos.map((p) => p.id),
  deadline: i.deadline,
  fixedOnSpot: i.fixedOnSpot,
  fixPhotoIds: i.fixPhotos.map((p) => p.id),
});

const resultStyle: Record<CheckItemResult, { color: string; danger?: boolean }> = {
  pass: { color: '#52c41a' },
  fail: { color: '#ff4d4f', danger: true },
  na: { color: '#8c8c8c' },
};

/** The default 现场交办 deadline offered when an item fails: a week from today. */
const weekAhead = () => dayjs().add(7, 'day').format('YYYY-MM-DD');

interface Props {
  item: CheckItem;
  draft: ItemDraft;
  editable: boolean;
  onChange: (next: ItemDraft) => void;
}

/** One checklist line: three big buttons (符合/不符合/不涉及); a failed one takes a note, photos, a deadline or 现场验收. */
export function CheckItemCard({ item, draft, editable, onChange }: Props) {
  const set = (patch: Partial<ItemDraft>) => onChange({ ...draft, ...patch });
  const choose = (result: CheckItemResult) =>
    set(
      result === 'fail'
        ? { result, deadline: draft.deadline ?? (item.major ? null : weekAhead()) }
        : { result, fixedOnSpot: false, fixPhotoIds: [] },
    );
  return (
    <Card size="small" data-testid={`check-item-${item.seq}`} style={{ marginBottom: 10 }}>
      <Flex gap={6} align="baseline" wrap>
        <Typography.Text strong>{item.seq}.</Typography.Text>
        {item.major ? <Tag color="red">重大隐患判定</Tag> : <Tag>自定项</Tag>}
        <Typography.Text>{item.text}</Typography.Text>
      </Flex>
      {item.citation ? <div style={{ color: '#999', fontSize: 12, marginTop: 4 }}>{item.citation}</div> : null}
      {editable ? (
        <Flex gap={8} style={{ marginTop: 10 }}>
          {(['pass', 'fail', 'na'] as const).map((r) => (
            <Button
              key={r}
              size="large"
              block
              data-testid={`check-item-${item.seq}-${r}`}
              type={draft.result === r ? 'primary' : 'default'}
              danger={r === 'fail'}
              style={{ minHeight: 48 }}
              onClick={() => choose(r)}
            >
              {checkItemResultLabels[r]}
            </Button>
          ))}
        </Flex>
      ) : (
        <div style={{ marginTop: 6 }}>
          {draft.result ? <Tag color={resultStyle[draft.result].color}>{checkItemResultLabels[draft.result]}</Tag> : <Tag>未填写</Tag>}
          {item.hazardId ? (
            <Link to={`/hazards/${item.hazardId}`} data-testid={`check-item-${item.seq}-hazard`}>
              隐患 {item.hazardCode}
            </Link>
          ) : null}
          {draft.fixedOnSpot ? <Tag color="green">现场验收</Tag> : null}
          {draft.deadline ? <span style={{ color: '#666' }}> 整改期限 {draft.deadline}</span> : null}
          {draft.note ? <div style={{ color: '#666' }}>{draft.note}</div> : null}
        </div>
      )}
      {editable && draft.result === 'fail' ? (
        <Flex vertical gap={8} style={{ marginTop: 10 }}>
          <Input.TextArea
            placeholder="问题描述（现场查）"
            autoSize={{ minRows: 2 }}
            value={draft.note ?? ''}
            onChange={(e) => set({ note: e.target.value || null })}
          />
          <PhotoUpload capture value={draft.photoIds} onChange={(photoIds) => set({ photoIds })} maxCount={6} />
          {item.major ? null : (
            <Flex align="center" gap={8}>
              <Switch
                checked={draft.fixedOnSpot}
                onChange={(fixedOnSpot) => set({ fixedOnSpot, deadline: fixedOnSpot ? null : weekAhead() })}
              />
              <span>现场整改、现场验收</span>
            </Flex>
          )}
          {draft.fixedOnSpot ? (
            <div>
              <div style={{ color: '#666', marginBottom: 4 }}>整改后照片</div>
              <PhotoUpload capture value={draft.fixPhotoIds} onChange={(fixPhotoIds) => set({ fixPhotoIds })} maxCount={6} />
            </div>
          ) : (
            <Flex align="center" gap={8}>
              <span>现场交办，整改期限</span>
              <DatePicker
                value={draft.deadline ? dayjs(draft.deadline) : null}
                onChange={(d) => set({ deadline: d ? d.format('YYYY-MM-DD') : null })}
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              />
            </Flex>
          )}
        </Flex>
      ) : null}
      {!editable && item.photos.length ? (
        <Flex gap={6} wrap style={{ marginTop: 6 }}>
          {[...item.photos, ...item.fixPhotos].map((p) => (
            <img
              key={p.id}
              src={p.thumbUrl ?? p.url}
              alt="现场照片"
              style={{ width: 64, height: 64, objectFit: 'cover', borderRadius: 4 }}
            />
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
