import type { ErrorCode } from '../../shared/api';

/** An error meant for the planner: its message is Chinese and says what to do. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function noProject(): AppError {
  return new AppError('NO_PROJECT', '请先打开或新建一个规划项目。');
}
