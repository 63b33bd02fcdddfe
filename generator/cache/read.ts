// Reading many files only to hash them: one reused buffer instead of one allocation per file
// (check's answer from hashes reads every input and output; the garbage would cost more than the
// reading). Regular files only, and a FIFO is never waited on.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

export const FOLLOW = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** As write/tree.ts reads an output folder: a link is not read through. */
export const NO_FOLLOW = FOLLOW | (constants.O_NOFOLLOW ?? 0);

let pool = Buffer.allocUnsafe(1 << 20);

/**
 * `use(bytes)` with the bytes of the regular file at `file`, or why there are none ("ENOENT",
 * "not a regular file", …). `bytes` is valid only during the call.
 */
export function withBytes<T>(file: string, flags: number, use: (bytes: Buffer) => T): T | { reason: string } {
  let fd: number | undefined;
  try {
    fd = openSync(file, flags);
    const st = fstatSync(fd);
    if (!st.isFile()) return { reason: "not a regular file" };
    if (st.size > pool.length) pool = Buffer.allocUnsafe(Math.max(pool.length * 2, st.size));
    // The size fstat reports, as readFileSync reads a regular file (no extra read to see the end).
    let length = 0;
    while (length < st.size) {
      const n = readSync(fd, pool, length, st.size - length, null);
      if (n === 0) break;
      length += n;
    }
    return use(pool.subarray(0, length));
  } catch (e) {
    return { reason: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
