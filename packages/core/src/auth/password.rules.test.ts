import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked, isSessionIdle, passwordProblem } from './password.rules.ts';

describe('password policy (等保三级 身份鉴别, GB/T 22239-2019; issue #2: ≥8 chars, 3 classes)', () => {
  it('rejects short passwords', () => expect(passwordProblem('Ab1!')).toMatch(/至少需要 8 位/));
  it('rejects passwords with only two classes', () => expect(passwordProblem('abcdefgh12')).toMatch(/至少 3 类/));
  it('accepts three classes', () => expect(passwordProblem('Abcdefg12')).toBeNull());
  it('rejects a password containing the username', () => expect(passwordProblem('Zhangsan#2024', 'zhangsan')).toMatch(/用户名/));
});

describe('lockout (5 failures → 15 minutes)', () => {
  const t0 = new Date('2026-01-01T08:00:00Z');
  it('locks on the fifth failure and unlocks after 15 minutes', () => {
    let s = { failedLoginCount: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) s = afterFailedLogin(s, t0);
    expect(isLocked(s, t0)).toBe(false);
    s = afterFailedLogin(s, t0);
    expect(isLocked(s, t0)).toBe(true);
    expect(isLocked(s, new Date(t0.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(s, new Date(t0.getTime() + 15 * 60_000 + 1))).toBe(false);
  });
});

describe('idle sessions expire after 30 minutes', () => {
  const t0 = new Date('2026-01-01T08:00:00Z');
  it('keeps a session used 29 minutes ago', () => expect(isSessionIdle(t0, new Date(t0.getTime() + 29 * 60_000))).toBe(false));
  it('ends a session idle for 31 minutes', () => expect(isSessionIdle(t0, new Date(t0.getTime() + 31 * 60_000))).toBe(true));
});
