/**
 * Account security rules, in the spirit of 等级保护 level 3 (GB/T 22239-2019 身份鉴别): complex passwords,
 * lockout after repeated failures, idle session timeout. The numbers are the ones the foundation issue fixes.
 */
export const passwordPolicy = {
  minLength: 8,
  maxLength: 128,
  minClasses: 3,
  maxFailedAttempts: 5,
  lockMinutes: 15,
  idleMinutes: 30,
} as const;

const classes: Array<[RegExp, string]> = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '符号'],
];

/** Returns a Chinese message saying what is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < passwordPolicy.minLength) return `密码至少需要 ${passwordPolicy.minLength} 位`;
  if (password.length > passwordPolicy.maxLength) return `密码不能超过 ${passwordPolicy.maxLength} 位`;
  const present = classes.filter(([re]) => re.test(password)).length;
  if (present < passwordPolicy.minClasses) {
    return `密码需包含大写字母、小写字母、数字、符号中的至少 ${passwordPolicy.minClasses} 类`;
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

export interface LockState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more wrong password: the fifth failure locks the account for 15 minutes. */
export function afterFailedLogin(state: LockState, now: Date): LockState {
  const count = isLocked(state, now) ? state.failedLoginCount : state.failedLoginCount + 1;
  if (count >= passwordPolicy.maxFailedAttempts) {
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + passwordPolicy.lockMinutes * 60_000) };
  }
  return { failedLoginCount: count, lockedUntil: state.lockedUntil };
}

export function isSessionIdle(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > passwordPolicy.idleMinutes * 60_000;
}
