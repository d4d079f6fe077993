import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 应以 postgres:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_REPLICA_URL 应以 postgres:// 开头（只读副本的连接地址）')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ANZHI_REPLICA_MAX_LAG_SECONDS: z.coerce
    .number({ error: 'ANZHI_REPLICA_MAX_LAG_SECONDS 应为秒数' })
    .min(0, 'ANZHI_REPLICA_MAX_LAG_SECONDS 不能为负数')
    .default(30),
  ANZHI_METRICS_TOKEN: z
    .string()
    .min(16, 'ANZHI_METRICS_TOKEN 至少 16 个字符（Prometheus 以 Authorization: Bearer 令牌抓取 /api/metrics）')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ANZHI_DATA_DIR: z.string().default('./data'),
  ANZHI_COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  ANZHI_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  ANZHI_BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).default(24),
  ANZHI_BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  ANZHI_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  ANZHI_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'ANZHI_PUBLIC_URL 应为 http(s)://主机[:端口]，末尾不带 /')
    .optional(),
  ANZHI_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'ANZHI_SMTP_URL 应为 smtp://用户名:密码@主机:端口（SSL 用 smtps://）')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ANZHI_SMTP_FROM: z.string().trim().optional(),
  ANZHI_WEBHOOK_URLS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(/[,，]/)
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'ANZHI_WEBHOOK_URLS 应为以逗号分隔的 http(s):// 地址' }))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A streaming replica for statistics, exports and the dashboard; PostgreSQL only (ADR 0015). */
  replicaUrl: string | undefined;
  /** Reads go back to the primary while the replica is further behind than this. */
  replicaMaxLagSeconds: number;
  /** Bearer token for /api/metrics from other hosts; without it only loopback may scrape. */
  metricsToken: string | undefined;
  dataDir: string;
  cookieSecure: 'true' | 'false' | 'auto';
  trustProxy: boolean;
  backupIntervalHours: number;
  backupKeep: number;
  loginRatePerMinute: number;
  logLevel: string;
  /** The address phones reach the platform at, printed in QR codes; default: the address of the request. */
  publicUrl: string | undefined;
  /** E-mail copies of notifications; off when ANZHI_SMTP_URL is not set. */
  smtp: { url: string; from: string } | undefined;
  /** WeCom / DingTalk group robots (or any JSON endpoint) that receive a copy of each notice. */
  webhookUrls: string[];
}

/** Reads the environment once; a bad value stops the program with a list of what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.ANZHI_SMTP_URL && !e.ANZHI_SMTP_FROM) {
    throw new Error('环境变量配置有误：\n  ANZHI_SMTP_FROM: 设置了 ANZHI_SMTP_URL 时须同时设置发件人，如 安治平台 <anzhi@example.gov.cn>');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    replicaUrl: e.DATABASE_REPLICA_URL,
    replicaMaxLagSeconds: e.ANZHI_REPLICA_MAX_LAG_SECONDS,
    metricsToken: e.ANZHI_METRICS_TOKEN,
    dataDir: path.resolve(e.ANZHI_DATA_DIR),
    cookieSecure: e.ANZHI_COOKIE_SECURE,
    trustProxy: e.ANZHI_TRUST_PROXY === 'true',
    backupIntervalHours: e.ANZHI_BACKUP_INTERVAL_HOURS,
    backupKeep: e.ANZHI_BACKUP_KEEP,
    loginRatePerMinute: e.ANZHI_LOGIN_RATE_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.ANZHI_PUBLIC_URL,
    smtp: e.ANZHI_SMTP_URL && e.ANZHI_SMTP_FROM ? { url: e.ANZHI_SMTP_URL, from: e.ANZHI_SMTP_FROM } : undefined,
    webhookUrls: e.ANZHI_WEBHOOK_URLS,
  };
}
