import type { EscalationStep } from './hazard.dict.ts';

/** The 发文字号 character of each escalation letter (督办函 督, 通报 通, 约谈通知书 约, 曝光通知 曝). */
export const escalationDocWords: Record<EscalationStep, string> = { letter: '督', bulletin: '通', summons: '约', exposure: '曝' };

/** The 发文机关代字 of a township's safety office when none is configured: 示例镇 → 示例镇安委办. */
export function defaultDocPrefix(townshipName: string): string {
  return `${townshipName.trim()}安委办`;
}

/**
 * A 发文字号 (GB/T 9704-2012 7.2.4): 发文机关代字, the year in 〔〕 and the sequence number without 第 or leading zeros,
 * e.g. 示例镇安委办督〔2026〕3号. One yearly sequence per issuing office, shared by its letters.
 */
export function documentNumber(prefix: string, step: EscalationStep, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`发文顺序号应为正整数：${seq}`);
  return `${prefix}${escalationDocWords[step]}〔${year}〕${seq}号`;
}
