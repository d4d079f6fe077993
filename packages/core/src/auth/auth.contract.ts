import { z } from 'zod';
import { roles } from '../org/org.dict.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});
export type LoginBody = z.infer<typeof loginBody>;

export const changePasswordBody = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const currentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  regionCodes: z.array(z.string()),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  /** An enterprise account's own enterprise (the only one it may see). */
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  permissions: z.array(z.string()),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const sessionBody = z.object({ user: currentUser });
