import path from 'node:path';
import { z } from 'zod';
import type { S3Settings } from './lib/storage-s3.ts';

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
  ANZHI_S3_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+\/?$/, 'ANZHI_S3_URL 应为对象存储地址 http(s)://主机[:端口]，如 http://127.0.0.1:9000')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ANZHI_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'ANZHI_S3_BUCKET 应为存储桶名称：3–63 位小写字母、数字、点或连字符')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ANZHI_S3_ACCESS_KEY: z.string().trim().optional(),
  ANZHI_S3_SECRET_KEY: z.string().optional(),
  ANZHI_S3_REGION: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]*$/, 'ANZHI_S3_REGION 应为区域名称，如 us-east-1、cn-hangzhou')
    .optional()
    .transform((r) => r || 'us-east-1'),
  ANZHI_REPORT_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{32}$/, 'ANZHI_REPORT_KEY 应为 32 位十六进制字符（128 位 SM4 密钥，可用 npx anzhi report-key 生成）')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ANZHI_REPORT_KEY_FILE: z
    .string()
    .trim()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A streaming replica for statistics, exports and the dashboard; PostgreSQL only (ADR 0017). */
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
  /** An S3-compatible object store for uploaded files; off (the local folder `${dataDir}/files`) when not set. */
  s3: S3Settings | undefined;
  /** The SM4 key of reporters' identities (issue 15): given, in a file, or made in `${dataDir}/keys` on first start. */
  reportKey: string | undefined;
  reportKeyFile: string | undefined;
}

const S3_VARS = ['ANZHI_S3_URL', 'ANZHI_S3_BUCKET', 'ANZHI_S3_ACCESS_KEY', 'ANZHI_S3_SECRET_KEY'] as const;

/** All four or none: half a configuration would silently keep the files on the local disk. */
function s3Of(e: z.infer<typeof schema>): S3Settings | undefined {
  const { ANZHI_S3_URL: url, ANZHI_S3_BUCKET: bucket, ANZHI_S3_ACCESS_KEY: accessKeyId, ANZHI_S3_SECRET_KEY: secretAccessKey } = e;
  const given = S3_VARS.filter((v) => e[v]);
  if (given.length === 0) return undefined;
  if (!url || !bucket || !accessKeyId || !secretAccessKey) {
    const missing = S3_VARS.filter((v) => !e[v]).join('、');
    throw new Error(`环境变量配置有误：\n  ANZHI_S3_*: 使用对象存储须同时设置 ${S3_VARS.join('、')}；缺少 ${missing}`);
  }
  return { url: url.replace(/\/$/, ''), bucket, accessKeyId, secretAccessKey, region: e.ANZHI_S3_REGION };
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
    s3: s3Of(e),
    reportKey: e.ANZHI_REPORT_KEY,
    reportKeyFile: e.ANZHI_REPORT_KEY_FILE ? path.resolve(e.ANZHI_REPORT_KEY_FILE) : undefined,
  };
}
