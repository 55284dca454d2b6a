// A progress line on stderr for long CLI commands: rewritten in place on a terminal, and
// absent when stderr is a pipe or a file, where a log needs only the final result line.

export interface ProgressLine {
  /** Step `done` of `total` is about to start, named `what`; says how long the rest may take. */
  step(done: number, total: number, what: string): void;
  /** Clears the line so the command's own message starts on a clean line. */
  end(): void;
}

export function remainingText(elapsedMs: number, done: number, total: number): string {
  if (done === 0) return '';
  const seconds = Math.ceil(((elapsedMs / done) * (total - done)) / 1000);
  return seconds > 0 ? `，预计还需约 ${seconds} 秒` : '';
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): ProgressLine {
  if (!stream.isTTY) return { step: () => undefined, end: () => undefined };
  const started = now();
  let shown = false;
  return {
    step(done, total, what) {
      const text = `[${done}/${total}] ${what}${remainingText(now() - started, done, total)}`;
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
