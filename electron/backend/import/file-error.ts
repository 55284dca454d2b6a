// A file that cannot be imported at all: the code names the reason, the message tells the
// planner in Chinese what happened and what to do.
import type { ImportIssue } from '../../../shared/import';

export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export function fileIssue(code: string, message: string, sheet = ''): ImportIssue {
  return { severity: 'error', sheet, row: null, column: '', value: '', code, message };
}
