// The chain's head kept outside the events table, and the check that the chain still reaches every recorded head.
import fs from 'node:fs';
import { type AuditHead, type AuditVerifyResult, auditHead } from '@anzhi/core';
import { readHeader } from '../../lib/backup.ts';

/** A head someone recorded (the anchor row, a backup's header, a head file), and where it came from, for messages. */
export interface RecordedHead {
  head: AuditHead;
  source: string;
}

/**
 * The head recorded in a file: an anzhi backup (its header carries the head since backups began to) or a JSON
 * file `{count, lastId, lastHash}` (e.g. copied from the log line "audit chain head").
 */
export async function readRecordedHead(file: string): Promise<RecordedHead> {
  if (!fs.existsSync(file)) throw new Error(`文件不存在：${file}`);
  const bytes = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const header = await readHeader(file);
    if (!header.auditHead) throw new Error(`备份 ${file} 的文件头中没有审计链头（该备份由旧版本生成）`);
    return { head: header.auditHead, source: `备份 ${file}（${header.createdAt}）` };
  }
  const parsed = auditHead.safeParse(JSON.parse(bytes.toString('utf8').trim() || 'null'));
  if (!parsed.success) throw new Error(`${file} 不是审计链头文件：应为 {"count":…,"lastId":…,"lastHash":"…"}`);
  return { head: parsed.data, source: file };
}

/**
 * What the walk saw at each recorded head: the events up to `lastId` must number `count` and end in `lastHash`.
 * Call `seen` for every verified event in order, then `result` at the end of the chain.
 */
export function headChecks(recorded: readonly RecordedHead[]) {
  let broken: AuditVerifyResult | null = null;
  return {
    seen(row: { id: number; hash: string }, position: number): AuditVerifyResult | null {
      for (const { head, source } of recorded) {
        if (broken || row.id !== head.lastId) continue;
        if (row.hash !== head.lastHash || position !== head.count) {
          broken = {
            ok: false,
            checked: position - 1,
            firstBrokenId: row.id,
            reason: `与${source}记载的链头不符：该处应为第 ${head.count} 条、哈希 ${head.lastHash.slice(0, 12)}…（之前的记录被删除、插入或整条链被重写）`,
          };
        }
      }
      return broken;
    },
    /** The chain ended after `checked` events with `last`; a head it never reached means its newest events are gone. */
    result(checked: number, last: { id: number; hash: string } | null): AuditVerifyResult | null {
      for (const { head, source } of recorded) {
        if (head.lastId <= (last?.id ?? 0)) continue;
        const missing = head.count - checked;
        const which =
          missing === 1
            ? `最新的第 ${head.count} 条记录（#${head.lastId}）`
            : `最新的 ${missing} 条记录（第 ${checked + 1}–${head.count} 条，最后一条 #${head.lastId}）`;
        return {
          ok: false,
          checked,
          firstBrokenId: head.lastId,
          reason: `审计记录被截断：${which}已被删除。${source}记载共 ${head.count} 条，现存 ${checked} 条`,
          truncated: { missing, lastId: head.lastId, source },
        };
      }
      return null;
    },
  };
}
