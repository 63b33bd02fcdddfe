// The progress line: nothing for runs under a second; then, on a terminal, one line redrawn in place (and
// cleared at the end); elsewhere, a plain line per stage (no carriage returns, so logs stay readable).

import type { ProgressEvent } from "../run.js";

export interface ProgressStream {
  write(s: string): unknown;
  columns?: number;
}

export interface ProgressOptions {
  stream: ProgressStream;
  tty: boolean;
  /** Nothing is shown before this much time has passed since the start. */
  delayMs: number;
  now?: () => number;
}

export interface Progress {
  onProgress(event: ProgressEvent): void;
  /** Stops the timers and clears the line; call before printing anything else. */
  done(): void;
}

const CLEAR_LINE = "\r\u001b[K";

export function createProgress({ stream, tty, delayMs, now = () => Date.now() }: ProgressOptions): Progress {
  const start = now();
  let current: string | undefined;
  let printed: string | undefined;
  let drawn = false;
  let redraw: ReturnType<typeof setInterval> | undefined;
  const due = () => now() - start >= delayMs;
  const show = () => {
    if (current === undefined) return;
    const text = `structgen: ${current} [${((now() - start) / 1000).toFixed(1)} s]`;
    if (tty) {
      // One row only: a wrapped line cannot be redrawn with \r.
      const width = Math.max(10, (stream.columns ?? 80) - 1);
      stream.write(`\r${text.length > width ? `${text.slice(0, width - 1)}…` : text}\u001b[K`);
      drawn = true;
    } else if (printed !== current) {
      stream.write(`${text}\n`);
      printed = current;
    }
  };
  // Stages can be long and synchronous; the timers draw when the event loop is free, events draw in between.
  const first = setTimeout(() => {
    show();
    if (tty) redraw = setInterval(show, 250).unref();
  }, delayMs).unref();
  return {
    onProgress(event) {
      current = `${event.corpus}: ${event.stage}`;
      if (due()) show();
    },
    done() {
      clearTimeout(first);
      if (redraw) clearInterval(redraw);
      if (drawn) stream.write(CLEAR_LINE);
      drawn = false;
      current = undefined;
    },
  };
}

/**
 * The progress for a command run from the CLI, on stderr; none with --quiet. STRUCTGEN_TEST_PROGRESS=tty or
 * plain (used by the tests only) forces that mode and shows it from the start.
 */
export function cliProgress(quiet: boolean): Progress | undefined {
  if (quiet) return undefined;
  const forced = process.env["STRUCTGEN_TEST_PROGRESS"];
  const tty = forced === "tty" || (forced !== "plain" && process.stderr.isTTY === true);
  return createProgress({ stream: process.stderr, tty, delayMs: forced === "tty" || forced === "plain" ? 0 : 1000 });
}
