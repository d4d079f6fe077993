import { checkPhotoPart } from '@anzhi/core';
import { type CheckDb, checkRecordTarget, type OutboxRecord } from './offline-db.ts';

/** What one post of a record came to. */
export type PostOutcome =
  | { kind: 'synced'; synced: unknown }
  /** The server refused the record (400/403/404/409/422) with a Chinese reason: retrying will not help. */
  | { kind: 'refused'; message: string }
  /** The session ended (401): stop, keep everything; the app sends the user to sign in. */
  | { kind: 'signed-out' }
  /** No network, a timeout, 429 or 5xx: keep it, try again later. */
  | { kind: 'unreachable' };

export type PostRecord = (row: OutboxRecord) => Promise<PostOutcome>;

export interface SyncSummary {
  synced: number;
  refused: number;
  /** Records still waiting for the network (the round stopped at the first unreachable post). */
  waiting: number;
  /** The round was not run: another one was already under way. */
  skipped?: boolean;
}

/** The multipart body of the record's endpoint: the record as JSON in its field and each item's photos as `photo.<seq>`. */
export function recordForm(row: OutboxRecord): FormData {
  const form = new FormData();
  form.append((row.target ?? checkRecordTarget).field, JSON.stringify(row.record));
  for (const photo of row.photos) form.append(checkPhotoPart(photo.seq), photo.blob, photo.name);
  return form;
}

/** Posts with `fetch` and sorts the answer into an outcome (never throws). */
export async function postRecordOverHttp(row: OutboxRecord): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetch((row.target ?? checkRecordTarget).endpoint, {
      method: 'POST',
      body: recordForm(row),
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { kind: 'synced', synced: body };
  if (response.status === 401) return { kind: 'signed-out' };
  if (response.status === 429 || response.status >= 500) return { kind: 'unreachable' };
  return { kind: 'refused', message: errorText(body) ?? `服务器拒收（${response.status}）` };
}

function errorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const inner = 'error' in body && typeof body.error === 'object' && body.error !== null ? body.error : body;
  const { message, details } = inner as { message?: unknown; details?: unknown };
  if (typeof message !== 'string') return undefined;
  // A validation refusal names the field in its details: show the first one with the summary.
  const first = Array.isArray(details) ? (details[0] as { message?: unknown } | undefined) : undefined;
  return typeof first?.message === 'string' && first.message !== message ? `${message}：${first.message}` : message;
}

let running: Promise<SyncSummary> | null = null;
const skippedRound = (): SyncSummary => ({ synced: 0, refused: 0, waiting: 0, skipped: true });

/**
 * Sends the account's pending records, oldest first, one at a time. Never two rounds at once: a call during a round
 * is answered `skipped`. Accepted records (`created` or `duplicate` — a retried post of the same clientId) leave the
 * outbox; refused ones stay, marked with the server's reason; the round stops at the first unreachable post.
 */
export function syncOutbox(db: CheckDb, userId: number, post: PostRecord = postRecordOverHttp): Promise<SyncSummary> {
  if (running) return Promise.resolve(skippedRound());
  // Two open tabs share the outbox: the Web Locks API keeps them from posting the same records at the same time.
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const guarded: Promise<SyncSummary> = locks
    ? locks
        .request('anzhi-check-sync', { ifAvailable: true }, (lock) => (lock ? runRound(db, userId, post) : Promise.resolve(skippedRound())))
        .then((summary) => summary)
    : runRound(db, userId, post);
  const round = guarded.finally(() => {
    running = null;
  });
  running = round;
  return round;
}

async function runRound(db: CheckDb, userId: number, post: PostRecord): Promise<SyncSummary> {
  const summary: SyncSummary = { synced: 0, refused: 0, waiting: 0 };
  const pending = (await db.outbox.where('userId').equals(userId).sortBy('savedAt')).filter((r) => r.state === 'pending');
  for (const [i, row] of pending.entries()) {
    const outcome = await post(row);
    if (outcome.kind === 'synced') {
      await db.outbox.delete(row.clientId);
      summary.synced++;
    } else if (outcome.kind === 'refused') {
      await db.outbox.update(row.clientId, { state: 'conflict', error: outcome.message, attempts: row.attempts + 1 });
      summary.refused++;
    } else {
      await db.outbox.update(row.clientId, { attempts: row.attempts + 1 });
      summary.waiting = pending.length - i;
      break;
    }
  }
  return summary;
}
