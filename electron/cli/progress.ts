// A progress line on stderr for long CLI commands: rewritten in place on a terminal, and
// absent when stderr is a pipe or a file, where a log needs only the final result line.
import { remainingText } from '../../shared/annex/progress';

export interface ProgressLine {
  /** Step `done` + 1 of `total` is about to start, named `what`; says how long the rest may take. */
  step(done: number, total: number, what: string): void;
  /** Clears the line so the command's own message starts on a clean line. */
  end(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): ProgressLine {
  if (!stream.isTTY) return { step: () => undefined, end: () => undefined };
  const started = now();
  let shown = false;
  return {
    step(done, total, what) {
      const text = `[${done + 1}/${total}] ${what}${remainingText(now() - started, done, total)}`;
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
