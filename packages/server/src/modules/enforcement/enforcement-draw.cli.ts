// `anzhi draw verify FILE`: re-runs a published 双随机 draw (the JSON of GET /api/v1/public/draws/{id}) without a database.
import fs from 'node:fs';
import { drawRecord, verifyDraw } from '@anzhi/core';

export const drawUsage = '  draw verify FILE       复核公开的双随机抽查（公开页面下载的 JSON）：一致输出 ok，否则输出第一处差异并以 1 退出';

/** A published record is a few MB at most (100,000 targets); anything larger is not one. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Runs `draw <sub> …`; returns the exit code (0 ok, 1 a difference, 2 a file that is not a draw record), or null when
 * the arguments are not a draw command (main prints usage).
 */
export function runDrawCommand(
  args: string[],
  out: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): number | null {
  const [sub, file] = args;
  if (sub !== 'verify' || !file) return null;
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_BYTES) {
      err(`文件超过 ${MAX_BYTES / 1024 / 1024} MB，不是抽查记录：${file}`);
      return 2;
    }
    text = fs.readFileSync(file, 'utf8');
  } catch {
    err(`文件不存在或无法读取：${file}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    err(`文件不是 JSON，无法复核：${file}`);
    return 2;
  }
  const parsed = drawRecord.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    err(`文件不是有效的抽查记录：${first ? `${first.path.join('.') || '（根）'}：${first.message}` : '格式错误'}`);
    return 2;
  }
  const verdict = verifyDraw(parsed.data);
  if (verdict.ok) {
    out('ok');
    return 0;
  }
  out(verdict.difference);
  return 1;
}
