import 'fake-indexeddb/auto';
import { type CheckRecordInput, campaignCheckInput, checkRecordInput } from '@anzhi/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type CheckDb, openCheckDb } from './offline-db.ts';
import { saveToOutbox, userOutbox } from './outbox.ts';
import { type PostOutcome, type PostRecord, recordForm, syncOutbox } from './sync.ts';

const record = (clientId: string): CheckRecordInput => ({
  clientId,
  kind: 'task',
  taskPeriodId: 5,
  enterpriseId: 3,
  checkedAt: '2026-12-06T09:30:00+08:00',
  items: [
    { seq: 1, text: '消防通道畅通', result: 'normal', major: false, fixedOnSpot: false },
    { seq: 2, text: '灭火器在有效期内', result: 'abnormal', note: '两具过期', major: false, fixedOnSpot: false, deadline: '2026-12-13' },
  ],
});
const ids = ['0b6d7b43-8f2a-4c1e-9a57-1f0d7d2b9a01', '0b6d7b43-8f2a-4c1e-9a57-1f0d7d2b9a02', '0b6d7b43-8f2a-4c1e-9a57-1f0d7d2b9a03'];
const synced = (clientId: string, status: 'created' | 'duplicate' = 'created'): PostOutcome => ({
  kind: 'synced',
  synced: { clientId, recordId: 1, status, hazardIds: [9] },
});

const dual = { schema: checkRecordInput };
let db: CheckDb;
let n = 0;
async function freshDb(): Promise<CheckDb> {
  db = openCheckDb(`test-${++n}`);
  await saveToOutbox(db, 7, dual, record(ids[0]), [{ seq: 2, name: 'a.jpg', blob: new Blob(['jpeg']) }], '班组日排查', 1);
  await saveToOutbox(db, 7, dual, record(ids[1]), [], '部门周排查', 2);
  await saveToOutbox(db, 8, dual, record(ids[2]), [], '另一账号', 3);
  return db;
}
afterEach(async () => {
  await db?.delete();
});

describe('the outbox sync', () => {
  it('sends only the account’s pending records, oldest first, and removes the accepted ones (created or duplicate)', async () => {
    await freshDb();
    const sent: string[] = [];
    const post: PostRecord = async (row) => {
      sent.push(row.clientId);
      return synced(row.clientId, sent.length === 1 ? 'duplicate' : 'created');
    };
    expect(await syncOutbox(db, 7, post)).toEqual({ synced: 2, refused: 0, waiting: 0 });
    expect(sent).toEqual([ids[0], ids[1]]);
    expect(await userOutbox(db, 7)).toEqual([]);
    expect((await userOutbox(db, 8)).map((r) => r.clientId)).toEqual([ids[2]]);
  });

  it('keeps a refused record with the server’s reason and stops at the first unreachable post, keeping the rest', async () => {
    await freshDb();
    const refused: PostRecord = async () => ({ kind: 'refused', message: '该排查任务不在今日应查之列' });
    expect(await syncOutbox(db, 7, refused)).toMatchObject({ synced: 0, refused: 2 });
    const rows = await userOutbox(db, 7);
    expect(rows.map((r) => [r.state, r.error])).toEqual([
      ['conflict', '该排查任务不在今日应查之列'],
      ['conflict', '该排查任务不在今日应查之列'],
    ]);
    // A refused record is not sent again until the user fixes it.
    let calls = 0;
    await syncOutbox(db, 7, async (row) => {
      calls++;
      return synced(row.clientId);
    });
    expect(calls).toBe(0);

    const db2 = await freshDb();
    let posts = 0;
    expect(
      await syncOutbox(db2, 7, async () => {
        posts++;
        return { kind: 'unreachable' };
      }),
    ).toMatchObject({ synced: 0, waiting: 2 });
    expect(posts).toBe(1);
    expect((await userOutbox(db2, 7)).map((r) => [r.state, r.attempts])).toEqual([
      ['pending', 1],
      ['pending', 0],
    ]);
  });

  it('never runs two rounds at once: a second call while one is under way is skipped, and each record is posted once', async () => {
    await freshDb();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const sent: string[] = [];
    const slow: PostRecord = async (row) => {
      sent.push(row.clientId);
      await gate;
      return synced(row.clientId);
    };
    const first = syncOutbox(db, 7, slow);
    const second = await syncOutbox(db, 7, slow);
    expect(second.skipped).toBe(true);
    release();
    expect(await first).toMatchObject({ synced: 2 });
    expect(sent).toEqual([ids[0], ids[1]]);
  });

  it('posts the record as JSON and each item’s photos as photo.<seq>', async () => {
    await freshDb();
    const [row] = await userOutbox(db, 7);
    const form = recordForm(row);
    expect(JSON.parse(form.get('record') as string)).toMatchObject({ clientId: ids[0], taskPeriodId: 5 });
    expect(form.getAll('photo.2')).toHaveLength(1);
  });

  it('carries records of another kind to their own endpoint and form field (专项检查), with where to fix them', async () => {
    await freshDb();
    const kind = {
      schema: campaignCheckInput,
      target: { endpoint: '/api/v1/campaign-checks', field: 'check' },
      fixPath: '/campaigns/m/check/4/o12',
    };
    const check = {
      clientId: '0b6d7b43-8f2a-4c1e-9a57-1f0d7d2b9a04',
      roundId: 4,
      objectId: 12,
      checkedAt: '2026-12-06T10:00:00+08:00',
      items: [{ seq: 1, key: 'c1', result: 'fail' as const, note: '楼道堆物' }],
    };
    await saveToOutbox(db, 7, kind, check, [{ seq: 1, name: 'b.jpg', blob: new Blob(['jpeg']) }], '东村王某自建房', 4);
    const row = (await userOutbox(db, 7)).find((r) => r.clientId === check.clientId);
    expect(row).toMatchObject({ target: kind.target, fixPath: kind.fixPath, state: 'pending' });
    const form = recordForm(row as NonNullable<typeof row>);
    expect(JSON.parse(form.get('check') as string)).toMatchObject({ roundId: 4, objectId: 12 });
    expect(form.get('record')).toBeNull();
    expect(form.getAll('photo.1')).toHaveLength(1);
    const sent: string[] = [];
    await syncOutbox(db, 7, async (r) => {
      sent.push(r.target?.endpoint ?? 'check-records');
      return synced(r.clientId);
    });
    expect(sent).toEqual(['check-records', 'check-records', '/api/v1/campaign-checks']);
  });
});
