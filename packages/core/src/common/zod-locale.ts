import { z } from 'zod';

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
  bigint: '整数',
};

/**
 * Validation messages in Chinese (zod's zh-CN locale), with the wording for the commonest cases made plainer:
 * users see "必填" and "应为数字", not type-system words.
 */
export function useChineseValidationMessages(): void {
  z.config(z.locales.zhCN());
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type') {
        if (issue.input === undefined) return '必填';
        return `应为${typeNames[issue.expected] ?? issue.expected}`;
      }
      if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
      return undefined;
    },
  });
}

useChineseValidationMessages();
