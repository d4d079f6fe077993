import { checkPhotoMax } from '@anzhi/core';
import { Alert, App, Button, Card, Checkbox, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { checkDb } from '../../../lib/offline/offline-db.ts';
import { discardRecord, saveToOutbox } from '../../../lib/offline/outbox.ts';
import { usePhoneSync } from '../../../lib/offline/phone-sync.tsx';
import { PhotoInput } from '../../../lib/offline/photo-input.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { type DualOutboxRecord, dualRecordKind } from './dual-outbox.ts';
import { buildRecord, draftsFromOutbox, emptyDrafts, type ItemDraft, localDateTime, type RecordTarget } from './record-draft.ts';

interface RecordFormProps {
  target: RecordTarget;
  /** A record the server refused, opened to be fixed: saved again under a new id, the refused copy dropped. */
  fixing?: DualOutboxRecord;
  onSaved: () => void;
}

/** Every checklist item 正常/异常 with big buttons; 异常 asks what was found and may take photos. Saves to the outbox. */
export function RecordForm({ target, fixing, onSaved }: RecordFormProps) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { online, syncNow } = usePhoneSync();
  const [drafts, setDrafts] = useState<ItemDraft[]>(() => (fixing ? draftsFromOutbox(target, fixing) : emptyDrafts(target)));
  const [note, setNote] = useState(fixing?.record.note ?? '');
  const [problems, setProblems] = useState<Map<number | 'form', string>>(new Map());
  const [saving, setSaving] = useState(false);
  const photoCount = drafts.reduce((n, d) => n + (d.result === 'abnormal' ? d.photos.length : 0), 0);

  const patch = (seq: number, change: Partial<ItemDraft>) => setDrafts((all) => all.map((d) => (d.seq === seq ? { ...d, ...change } : d)));

  const save = async () => {
    const built = buildRecord(target, drafts, crypto.randomUUID(), note, new Date());
    if (!built.ok) {
      setProblems(built.problems);
      message.error(built.problems.values().next().value ?? '请检查填写内容');
      return;
    }
    setProblems(new Map());
    setSaving(true);
    try {
      await saveToOutbox(checkDb(), user.id, dualRecordKind, built.record, built.photos, target.title);
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
          </Typography.Paragraph>
          <div className="phone-result-buttons">
            <Button
              type={d.result === 'normal' ? 'primary' : 'default'}
              onClick={() => patch(d.seq, { result: 'normal' })}
              data-testid={`item-${d.seq}-normal`}
            >
              正常
            </Button>
            <Button
              danger
              type={d.result === 'abnormal' ? 'primary' : 'default'}
              onClick={() => patch(d.seq, { result: 'abnormal' })}
              data-testid={`item-${d.seq}-abnormal`}
            >
              异常
            </Button>
          </div>
          {d.result === 'abnormal' ? (
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
              {/* A major hazard is never fixed on the spot: it is confirmed and gets a governance plan. */}
              <Checkbox
                checked={d.major}
                onChange={(e) => patch(d.seq, { major: e.target.checked, fixedOnSpot: e.target.checked ? false : d.fixedOnSpot })}
              >
                重大事故隐患
              </Checkbox>
              <Checkbox checked={d.fixedOnSpot} disabled={d.major} onChange={(e) => patch(d.seq, { fixedOnSpot: e.target.checked })}>
                立行立改（已当场整改）
              </Checkbox>
              {d.fixedOnSpot ? null : (
                <label style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                  {d.major ? '整改期限' : '整改期限（必填）'}
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
            </Space>
          ) : null}
          {problems.has(d.seq) ? <Typography.Text type="danger">{problems.get(d.seq)}</Typography.Text> : null}
        </Card>
      ))}
      <Input.TextArea rows={2} maxLength={1000} placeholder="备注（可不填）" value={note} onChange={(e) => setNote(e.target.value)} />
      {problems.has('form') ? <Typography.Text type="danger">{problems.get('form')}</Typography.Text> : null}
      <Button type="primary" block className="phone-submit" loading={saving} onClick={() => void save()} data-testid="record-save">
        保存记录
      </Button>
    </Space>
  );
}
