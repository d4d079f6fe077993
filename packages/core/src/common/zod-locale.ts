import { type core, z } from 'zod';

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
  bigint: '整数',
  null: '空',
};

const formatNames: Record<string, string> = {
  email: '有效的电子邮件地址',
  url: '有效的网址',
  date: '日期（如 2026-03-01）',
  datetime: '日期时间（如 2026-03-01T08:00:00Z）',
  time: '时间（如 08:30）',
  uuid: 'UUID',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
};

type Issue = core.$ZodRawIssue;

function sizeOf(origin: string, n: number | bigint): string {
  if (origin === 'string') return `${n} 个字符`;
  if (origin === 'array' || origin === 'set' || origin === 'map') return `${n} 项`;
  if (origin === 'file') return `${n} 字节`;
  return String(n);
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = sizeOf(issue.origin, issue.maximum);
  if (issue.origin === 'date') return `不能晚于 ${new Date(Number(issue.maximum)).toISOString().slice(0, 10)}`;
  if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'int') {
    return issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`;
  }
  return `不能超过 ${max}`;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = sizeOf(issue.origin, issue.minimum);
  if (issue.origin === 'date') return `不能早于 ${new Date(Number(issue.minimum)).toISOString().slice(0, 10)}`;
  if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'int') {
    return issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`;
  }
  if (Number(issue.minimum) === 1 && issue.origin === 'string') return '不能为空';
  return `至少 ${min}`;
}

function showValue(v: unknown): string {
  return typeof v === 'string' ? `“${v}”` : String(v);
}

/** The Chinese message for every kind of zod issue: users never see type-system words or English. */
export function chineseIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return `应为${typeNames[issue.expected] ?? '有效的值'}`;
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      if (issue.format === 'regex' || !(issue.format in formatNames)) return '格式不正确';
      return `应为${formatNames[issue.format]}`;
    case 'invalid_value':
      if (issue.values.length === 1) return `应为 ${showValue(issue.values[0])}`;
      return `应为以下之一：${issue.values.map(showValue).join('、')}`;
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的倍数`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    default:
      return '取值无效';
  }
}

/** Validation messages in Chinese, for every issue a schema can raise (a schema's own message still wins). */
export function useChineseValidationMessages(): void {
  z.config({ localeError: chineseIssueMessage, customError: undefined });
}

useChineseValidationMessages();
