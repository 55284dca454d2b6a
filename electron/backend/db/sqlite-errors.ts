// What a SQLite error means for the planner: what happened and what to do, never the
// database's own code or text. Every write runs in a transaction, so when one of these is
// thrown nothing of the operation has been kept; the messages say so.
import type { ErrorCode } from '../../../shared/api';
import { COUNTY_TABLES } from './county-tables';

export interface SqliteFailure {
  code: ErrorCode;
  message: string;
}

const TABLE_LABEL: Record<string, string> = {
  townships: '乡镇', schools: '学校', enrolment: '在校生记录', staff: '教职工记录', population: '人口记录', births: '出生人口记录',
  school_totals: '学校合计', county_births: '全县出生人口', plans: '规划', plan_projects: '规划项目', plan_targets: '规划指标',
  plan_areas: '片区划分', scenarios: '预测情景', developments: '新建住宅项目', mapping_templates: '列对应模板', imports: '导入记录',
};

/** 乡镇（街道） for `townships.name`, from the record declarations where the table is a county table. */
function columnLabel(table: string, column: string): string {
  const t = (COUNTY_TABLES as Record<string, { columns: readonly { column: string; field: string }[] } | undefined>)[table];
  const field = t?.columns.find((c) => c.column === column)?.field;
  const labels: Record<string, string> = { code: '代码', name: '名称' };
  return labels[field ?? column] ?? column;
}

/** `townships.name` pairs named in a constraint message ("UNIQUE constraint failed: townships.name"). */
function constrained(text: string): { table: string; columns: string[] } | null {
  const m = /constraint failed: ([\w.]+(?:, [\w.]+)*)/i.exec(text);
  if (!m?.[1]) return null;
  const pairs = m[1].split(', ').map((p) => p.split('.'));
  const table = pairs[0]?.[0] ?? '';
  return { table, columns: pairs.map((p) => p[1] ?? '').filter(Boolean) };
}

const UNCHANGED = '数据未改动。';
const RESTORE = '请在“设置 → 备份与恢复”中恢复最近的备份';

/**
 * The planner's message for a SQLite error, or null when `err` is not one. `doing` names the
 * operation and its record (修改乡镇“城关镇”（410101001）), so the message says which.
 */
export function sqliteFailure(err: unknown, doing?: string): SqliteFailure | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const text = err instanceof Error ? err.message : '';
  const what = doing ? `${doing}未完成` : '操作未完成';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const c = constrained(text);
    const record = (c && TABLE_LABEL[c.table]) ?? '记录';
    const cols = c ? c.columns.map((col) => columnLabel(c.table, col)).join('、') : '代码或名称';
    return {
      code: 'CONFLICT',
      message: `${what}：${cols}与已有的${record}重复，每个${record}的${cols}必须不同。${UNCHANGED}请换一个${cols}，或先修改那个已有的${record}。`,
    };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'CONFLICT', message: `${what}：它引用的记录不存在，或还有其他数据引用着要改动的记录。${UNCHANGED}请先处理那些相关数据。` };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    const c = constrained(text);
    const cols = c?.columns.length ? `（${c.columns.map((col) => columnLabel(c.table, col)).join('、')}）` : '';
    return { code: 'INVALID_INPUT', message: `${what}：有数值不符合要求${cols}，例如为空、为负数或不在允许的选项中。${UNCHANGED}请检查填写的内容。` };
  }
  if (code === 'SQLITE_FULL') {
    return { code: 'IO_ERROR', message: `磁盘空间不足，操作未完成，${UNCHANGED}请清理磁盘空间，或把项目文件复制到空间充足的位置后再试。` };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { code: 'FILE_LOCKED', message: `项目文件正被另一个程序使用，请稍后再试。${what}，${UNCHANGED}` };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return { code: 'IO_ERROR', message: `项目文件是只读的，无法保存修改。请检查文件权限或复制到可写的位置。${what}，${UNCHANGED}` };
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return { code: 'IO_ERROR', message: `项目文件已损坏，${what}。${RESTORE}；损坏的文件请保留，以便检查原因。` };
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return {
      code: 'IO_ERROR',
      message: `读写项目文件时磁盘出错，${what}，${UNCHANGED}若文件在 U 盘或网络盘上，请确认它仍然连接，或把文件复制到本机硬盘后再试。`,
    };
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return { code: 'IO_ERROR', message: `无法打开项目文件或它的临时文件，${what}。请确认文件所在的文件夹仍然存在并且可以写入。` };
  }
  if (code === 'SQLITE_NOMEM') return { code: 'IO_ERROR', message: `内存不足，${what}，${UNCHANGED}请关闭其他程序后再试。` };
  if (code === 'SQLITE_TOOBIG') return { code: 'INVALID_INPUT', message: `要保存的内容过大，${what}，${UNCHANGED}请缩短过长的文字后再试。` };
  if (code === 'SQLITE_INTERRUPT') return { code: 'IO_ERROR', message: `操作被中断，${what}，${UNCHANGED}请重试。` };
  return { code: 'IO_ERROR', message: `读写项目文件出错，${what}，${UNCHANGED}请重试；如反复出现，${RESTORE}。` };
}
