// Wrong-usage messages of the command line: Chinese, with the usage line of the command at hand,
// taken from the help text so the two never disagree.

export const INVOCATION = 'npm run cli --';

/** The commands the help text describes, each once: each starts a line indented by exactly two spaces. */
export function commandsIn(help: string): string[] {
  // A command with several forms (inclusion-set) has a line per form: named once.
  return [...new Set(help.split('\n').flatMap((l) => /^ {2}(\S+)/.exec(l)?.[1] ?? []))];
}

/**
 * The usage line(s) of `command` as the help text gives them: its first line and any continuation
 * lines of options (the lines after it that start with “[”), joined into one line.
 */
export function usageLine(help: string, command: string): string | undefined {
  const lines = help.split('\n');
  const start = lines.findIndex((l) => l === `  ${command}` || l.startsWith(`  ${command} `));
  if (start < 0) return undefined;
  const parts = [lines[start]!.trim()];
  for (let i = start + 1; i < lines.length && lines[i]!.trim().startsWith('['); i++) parts.push(lines[i]!.trim());
  return `${INVOCATION} ${parts.join(' ')}`;
}

/** The option named in a node:util parseArgs error, e.g. '--out' from "Option '--out <value>' argument missing". */
function optionIn(message: string): string {
  const quoted = /'(-{1,2}[^' =<,]+)/.exec(message);
  return quoted?.[1] ?? '';
}

/** parseArgs' English error in Chinese, or undefined when `err` is not one of its errors. */
export function argumentErrorMessage(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const message = err instanceof Error ? err.message : '';
  const option = optionIn(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的选项“${option}”`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `选项 ${option} 不带取值`;
    if (/ambiguous/.test(message)) return `选项 ${option} 缺少取值（取值以“-”开头时请写成 ${option}=取值）`;
    return `选项 ${option} 缺少取值`;
  }
  return `无法识别的参数${option ? `“${option}”` : ''}`;
}
