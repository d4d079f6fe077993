import { z } from 'zod';
import { pageQuery } from '../common/common.contract.ts';

export const auditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()),
  ip: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditListQuery = pageQuery.extend({
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  actorUserId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true, error: '应为 ISO 8601 时间，如 2026-01-01T00:00:00+08:00' }).optional(),
  to: z.iso.datetime({ offset: true, error: '应为 ISO 8601 时间，如 2026-01-01T00:00:00+08:00' }).optional(),
});

/** Where the chain ended when it was last seen whole: its event count, last id and last hash. */
export const auditHead = z.object({
  count: z.number().int().nonnegative(),
  lastId: z.number().int().nonnegative(),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditHead = z.infer<typeof auditHead>;

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Set when the newest events are gone: how many, the newest missing id, and which record of the head says so. */
  truncated: z.object({ missing: z.number().int(), lastId: z.number().int(), source: z.string() }).optional(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;

export const auditEntityLabels: Record<string, string> = {
  user: '用户',
  unit: '成员单位',
  region: '行政区划',
  session: '登录',
  system: '系统',
  enterprise: '企业',
  settings: '系统设置',
  job: '外发队列任务',
};
export const auditActionLabels: Record<string, string> = {
  create: '新增',
  update: '修改',
  disable: '停用',
  enable: '启用',
  login: '登录',
  logout: '退出',
  login_failed: '登录失败',
  locked: '账号锁定',
  change_password: '修改密码',
  reset_password: '重置密码',
  unlock: '解锁',
  restore: '恢复数据',
  backup: '备份数据',
  seed_demo: '载入演示数据',
  import: '导入',
  reset: '恢复默认',
  retry: '重试',
};
