import { passwordPolicy, passwordProblem } from '@anzhi/core';
import type { FormRule } from 'antd';

export const passwordPolicyText = `至少${passwordPolicy.minLength}位，含大写字母、小写字母、数字、符号中的至少${passwordPolicy.minClasses}类`;

/** An antd rule running the same policy check as the server. */
export function passwordPolicyRule(username?: () => string | undefined): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') throw new Error('请输入新密码');
      const problem = passwordProblem(value, username?.());
      if (problem) throw new Error(problem);
    },
  };
}

export function confirmPasswordRule(field: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (!value) throw new Error('请再次输入新密码');
      if (value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  });
}

/** A random password satisfying the policy, for administrators creating or resetting accounts. */
export function generatePassword(length = 12): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%&*?'];
  const all = sets.join('');
  const random = (n: number) => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    return buf[0] % n;
  };
  const chars = sets.map((s) => s[random(s.length)]);
  while (chars.length < length) chars.push(all[random(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
