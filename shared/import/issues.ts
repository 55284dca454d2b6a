// What the import tells the planner: every issue names the sheet, the row as Excel shows
// it, the column header and the value, and says in Chinese what is wrong and what to do.
export type Severity = 'error' | 'warning' | 'info';

export interface ImportIssue {
  severity: Severity;
  sheet: string;
  /** Excel row number (1-based); null for the file or a whole column. */
  row: number | null;
  /** Column letter and header, e.g. 'D 一年级 / 学生数'; '' when the issue is about a row or file. */
  column: string;
  value: string;
  code: string;
  message: string;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Collects issues, keeping each (code, row, column) once and the list bounded. */
export class IssueList {
  readonly items: ImportIssue[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;

  constructor(
    readonly sheet: string,
    private readonly cap = 20000,
  ) {}

  add(severity: Severity, code: string, message: string, at: { row?: number | null; column?: string; value?: string } = {}): void {
    const key = `${code}|${at.row ?? ''}|${at.column ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.items.length >= this.cap) {
      this.dropped++;
      return;
    }
    this.items.push({ severity, sheet: this.sheet, row: at.row ?? null, column: at.column ?? '', value: at.value ?? '', code, message });
  }

  error(code: string, message: string, at?: { row?: number | null; column?: string; value?: string }): void {
    this.add('error', code, message, at);
  }
  warning(code: string, message: string, at?: { row?: number | null; column?: string; value?: string }): void {
    this.add('warning', code, message, at);
  }
  info(code: string, message: string, at?: { row?: number | null; column?: string; value?: string }): void {
    this.add('info', code, message, at);
  }

  /** Adds a closing note when the cap cut the list. */
  finish(): ImportIssue[] {
    if (this.dropped > 0) {
      this.items.push({
        severity: 'info', sheet: this.sheet, row: null, column: '', value: '', code: 'ISSUES_TRUNCATED',
        message: `另有 ${this.dropped} 条问题未列出（只列出前 ${this.cap} 条）。请先改正已列出的问题后重新检查。`,
      });
    }
    return this.items;
  }

  hasErrors(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }
}

export function countBySeverity(issues: readonly ImportIssue[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}

const VALUE_MESSAGES = {
  NOT_A_NUMBER: (what: string) => `${what}应为数字，这里不是。请改为阿拉伯数字（如 45）；没有数据请留空。`,
  NOT_INTEGER: (what: string) => `${what}应为整数，这里有小数。请核对原表。`,
  NEGATIVE: (what: string) => `${what}不能为负数。请核对原表。`,
  TOO_LONG: (what: string) => `内容过长，不可能是${what}。请检查是否选错了列，或文件是否损坏。`,
  BAD_CODE: (what: string) => `${what}只能由数字和字母组成（最多 20 位），这里不是。请核对是否填错了列。`,
  BAD_YEAR: (what: string) => `${what}应为 1949–2100 之间的四位年份（如 2024 或“2024年”）。请更正。`,
} as const;

export function valueMessage(problem: keyof typeof VALUE_MESSAGES, what: string): string {
  return VALUE_MESSAGES[problem](what);
}
