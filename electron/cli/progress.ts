// A progress line on stderr for long CLI commands: rewritten in place on a terminal, and
// absent when stderr is a pipe or a file, where a log needs only the final result line.
import { remainingText } from '../../shared/annex/progress';

export interface ProgressLine {
  /** Step `done` + 1 of `total` is about to start, named `what`; says how long the rest may take. */
  step(done: number, total: number, what: string): void;
  /** Shows `text` as it is (a caller that words its own progress, as the geography import does). */
  show(text: string): void;
  /** Clears the line so the command's own message starts on a clean line. */
  end(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): ProgressLine {
  if (!stream.isTTY) return { step: () => undefined, show: () => undefined, end: () => undefined };
  const started = now();
  let shown = false;
  const show = (text: string) => {
    stream.write(`\r\x1b[2K${text}`);
    shown = true;
  };
  return {
    step(done, total, what) {
      show(`[${done + 1}/${total}] ${what}${remainingText(now() - started, done, total)}`);
    },
    show,
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export interface ElapsedLine {
  /** Clears the line so the command's own message starts on a clean line. */
  end(): void;
}

/**
 * For one long call that reports no steps (an import reads, checks and writes in one
 * transaction): what is happening and the time so far, rewritten every second on a terminal.
 * Ctrl-C stops the process; the import's transaction is then never committed, so nothing is
 * half-written.
 */
export function elapsedLine(what: string, stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now, everyMs = 1000): ElapsedLine {
  if (!stream.isTTY) return { end: () => undefined };
  const started = now();
  const draw = () => stream.write(`\r\x1b[2K${what}（已用 ${Math.round((now() - started) / 1000)} 秒，按 Ctrl+C 取消，不会写入任何数据）`);
  draw();
  const timer = setInterval(draw, everyMs);
  timer.unref();
  return {
    end() {
      clearInterval(timer);
      stream.write('\r\x1b[2K');
    },
  };
}

