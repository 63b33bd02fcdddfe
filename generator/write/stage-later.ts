// Staged files created on libuv's threads while this one goes on emitting. Creating a file costs the
// kernel far more than writing it (here about 0.2 ms of system time each, and a cold run creates
// hundreds), so the writer asks for each new file to be opened in the background, and writes its
// text once it is open. Only under the run's staging folder; settle() waits for all of them, and
// the writer settles before it commits and before a failed run cleans the staging folder up.
import { closeSync, mkdirSync, open, writeFileSync } from "node:fs";
import path from "node:path";
import type { Text } from "../joined.js";
import { writeAndHash } from "./stage-worker.js";
import { stagedPath } from "./transaction.js";

/** Opens in flight at most: each holds a descriptor and its file's text. */
const IN_FLIGHT = 256;

export class LaterStager {
  private pending: Promise<void>[] = [];
  private failure: unknown;
  private readonly made = new Set<string>();
  /** Files asked for since the last breathe(). */
  private fresh = 0;

  constructor(private readonly outDir: string) {}

  /** Stages `text` as `p`'s new content; a failure is thrown by the next settle(). */
  async stage(p: string, text: string): Promise<void> {
    if (this.pending.length >= IN_FLIGHT) await this.settle();
    const file = this.folderFor(p);
    this.fresh++;
    this.pending.push(
      new Promise<void>((resolve) => {
        open(file, "w", (e, fd) => {
          if (e) this.failure ??= e;
          else {
            try {
              writeFileSync(fd, text);
            } catch (e) {
              // write(2) errors (ENOSPC, EFBIG) carry no path: name the file, as stageFile does.
              (e as NodeJS.ErrnoException).path ??= file;
              this.failure ??= e;
            } finally {
              closeSync(fd);
            }
          }
          resolve();
        });
      }),
    );
  }

  /**
   * Stages `text` as `p`'s new content on the worker thread (stage-worker.ts: parts that are the last
   * text's for the same output are not encoded again); the sha-256 of its bytes
   * once written. A failure is thrown by the next settle() too.
   */
  async stageHashed(p: string, text: Text): Promise<{ sha: Promise<string> }> {
    if (this.pending.length >= IN_FLIGHT) await this.settle();
    const sha = writeAndHash(this.folderFor(p), text, path.join(this.outDir, p));
    this.pending.push(
      sha.then(
        () => undefined,
        (e: unknown) => void (this.failure ??= e),
      ),
    );
    // Settled before the plan waits for it: its failure is thrown by settle(), not unhandled.
    sha.catch(() => undefined);
    return { sha };
  }

  /** The staged file of `p`, its folder made. */
  private folderFor(p: string): string {
    const file = stagedPath(this.outDir, p);
    const dir = path.dirname(file);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    return file;
  }

  /**
   * Lets the files opened so far be written (a turn of the event loop), without waiting for the rest;
   * nothing to wait for when no file was asked for since the last time (a rebuild stages a few files).
   */
  async breathe(): Promise<void> {
    if (this.fresh === 0) return;
    this.fresh = 0;
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Waits until every file asked for is written; throws the first failure. */
  async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
    if (this.failure !== undefined) throw this.failure;
  }
}
