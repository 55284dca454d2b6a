// A reader that stops early (`| head -1`, a pager closed with q) is not a failure of the
// command: it got what it asked for. Node reports the closed pipe as an EPIPE error on stdout,
// which would surface as "错误：write EPIPE" (or an exit without a word); the command ends
// quietly instead, with status 0 like a whole read. Nothing is half-written by this: stdout is
// written only after a command's work is done (imports and edits commit before they print).

export function endQuietlyWhenStdoutCloses(stdout: NodeJS.WriteStream = process.stdout, exit: (code: number) => void = process.exit): void {
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit(0);
    else throw err;
  });
}
