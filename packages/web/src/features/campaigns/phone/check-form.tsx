import { type CampaignCheckInput, type CampaignFieldRound, campaignCheckInput, checkPhotoMax } from '@anzhi/core';
import { Alert, App, Button, Card, Checkbox, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { checkDb, type OutboxRecord } from '../../../lib/offline/offline-db.ts';
import { discardRecord, saveToOutbox } from '../../../lib/offline/outbox.ts';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { PhotoInput } from '../../../lib/offline/photo-input.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { buildCheck, campaignCheckTarget, checkPath, emptyDrafts, type ItemDraft, localDateTime } from './check-draft.ts';

interface CheckFormProps {
  round: CampaignFieldRound;
  target: { objectId: number | null; enterpriseId: number | null; name: string };
  /** A check the server refused, opened to be fixed: saved again under a new id, the refused copy dropped. */
  fixing?: OutboxRecord<CampaignCheckInput>;
  onSaved: () => void;
}

const results = [
  { value: 'pass', label: '符合', danger: false },
  { value: 'fail', label: '不符合', danger: true },
  { value: 'na', label: '不适用', danger: false },
] as const;

/** Every checklist item 符合/不符合/不适用 with big buttons; 不符合 asks what was found, photos and a deadline. */
export function CheckForm({ round, target, fixing, onSaved }: CheckFormProps) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { online, syncNow } = usePhoneSync();
  const [drafts, setDrafts] = useState<ItemDraft[]>(() => emptyDrafts(round.checklist, fixing));
  const [note, setNote] = useState(fixing?.record.note ?? '');
  const [problems, setProblems] = useState<Map<number | 'form', string>>(new Map());
  const [saving, setSaving] = useState(false);
  const photoCount = drafts.reduce((n, d) => n + (d.result === 'fail' ? d.photos.length : 0), 0);
  const patch = (seq: number, change: Partial<ItemDraft>) => setDrafts((all) => all.map((d) => (d.seq === seq ? { ...d, ...change } : d)));

  const save = async () => {
    const clientId = crypto.randomUUID();
    const built = buildCheck({ roundId: round.roundId, ...target }, drafts, clientId, note, new Date());
    if (!built.ok) {
      setProblems(built.problems);
      message.error(built.problems.values().next().value ?? '请检查填写内容');
      return;
    }
    setProblems(new Map());
    setSaving(true);
    try {
      const kind = {
        schema: campaignCheckInput,
        target: campaignCheckTarget,
        fixPath: `${checkPath(round.roundId, target)}?fix=${clientId}`,
      };
      await saveToOutbox(checkDb(), user.id, kind, built.record, built.photos, `${target.name}（第${round.ordinal}轮）`);
      if (fixing) await discardRecord(checkDb(), fixing.clientId);
      message.success(online ? '已保存，正在上传' : '已保存在手机上，联网后自动同步');
      onSaved();
      if (online) void syncNow();
    } catch {
      message.error('保存失败：手机存储空间可能不足');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {fixing?.error ? <Alert type="error" showIcon message="服务器退回了这条记录" description={fixing.error} /> : null}
      {drafts.map((d) => (
        <Card key={d.seq} size="small" data-testid={`check-item-${d.seq}`}>
          <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 8 }}>
            {d.seq}. {d.text}
            {d.major ? <Typography.Text type="danger"> （重大隐患判定项）</Typography.Text> : null}
          </Typography.Paragraph>
          <div className="phone-result-buttons" style={{ gridTemplateColumns: '1fr 1fr 1fr' }}>
            {results.map((r) => (
              <Button
                key={r.value}
                danger={r.danger}
                type={d.result === r.value ? 'primary' : 'default'}
                onClick={() => patch(d.seq, { result: r.value })}
                data-testid={`item-${d.seq}-${r.value}`}
              >
                {r.label}
              </Button>
            ))}
          </div>
          {d.result === 'fail' ? (
            <Space direction="vertical" style={{ width: '100%', marginTop: 10 }}>
              <Input.TextArea
                rows={3}
                maxLength={500}
                placeholder="发现了什么问题（必填）"
                value={d.note}
                onChange={(e) => patch(d.seq, { note: e.target.value })}
                status={problems.has(d.seq) ? 'error' : undefined}
                data-testid={`item-${d.seq}-note`}
              />
              <PhotoInput seq={d.seq} value={d.photos} onChange={(photos) => patch(d.seq, { photos })} room={checkPhotoMax - photoCount} />
              {d.major ? (
                // A major hazard is never fixed on the spot: the township confirms it and it gets a governance plan.
                <Typography.Text type="secondary">属重大事故隐患情形，提交后由镇（街道）认定并限期治理</Typography.Text>
              ) : (
                <>
                  <Checkbox checked={d.fixedOnSpot} onChange={(e) => patch(d.seq, { fixedOnSpot: e.target.checked })}>
                    立行立改（已当场整改）
                  </Checkbox>
                  {d.fixedOnSpot ? null : (
                    <label style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                      整改期限
                      <input
                        type="date"
                        value={d.deadline}
                        min={localDateTime(new Date()).slice(0, 10)}
                        onChange={(e) => patch(d.seq, { deadline: e.target.value })}
                        style={{ height: 40, fontSize: 16, flex: 1 }}
                        data-testid={`item-${d.seq}-deadline`}
                      />
                    </label>
                  )}
                </>
              )}
            </Space>
          ) : null}
          {problems.has(d.seq) ? <Typography.Text type="danger">{problems.get(d.seq)}</Typography.Text> : null}
        </Card>
      ))}
      <Input.TextArea rows={2} maxLength={1000} placeholder="备注（可不填）" value={note} onChange={(e) => setNote(e.target.value)} />
      {problems.has('form') ? <Typography.Text type="danger">{problems.get('form')}</Typography.Text> : null}
      <Button type="primary" block className="phone-submit" loading={saving} onClick={() => void save()} data-testid="record-save">
        提交检查记录
      </Button>
    </Space>
  );
}
