// zod's own messages are English; the planner reads these instead. The field is named by
// the dispatcher (the issue's path), so each message says only what is wrong with it.
import type { z } from 'zod';

const KIND: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否（true/false）',
  object: '一组字段（对象）',
  array: '列表',
  null: '空值',
  date: '日期',
};

function kindOf(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  return KIND[typeof input] ?? typeof input;
}

function bound(issue: { origin?: string; inclusive?: boolean }, limit: unknown, atLeast: boolean): string {
  const n = String(limit);
  switch (issue.origin) {
    case 'string':
      return atLeast ? (n === '1' ? '不能为空' : `至少 ${n} 个字`) : `最多 ${n} 个字`;
    case 'array':
    case 'set':
      return atLeast ? `至少 ${n} 项` : `最多 ${n} 项`;
    default:
      if (atLeast) return issue.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`;
      return issue.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`;
  }
}

export const chineseIssues: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少此项' : `应为${KIND[issue.expected] ?? issue.expected}，收到的是${kindOf(issue.input)}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'too_small':
      return bound(issue, issue.minimum, true);
    case 'too_big':
      return bound(issue, issue.maximum, false);
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'invalid_union':
      return '不符合任何一种允许的写法';
    case 'invalid_key':
      return '字段名不正确';
    case 'invalid_element':
      return '含有不正确的项';
    default:
      return '取值不正确';
  }
};
