// A regular file's bytes at the size its one fstat gave, as readFileSync reads it (no second fstat,
// no extra read to see the end), into a buffer reused between reads: no allocation per file.
import { readSync } from "node:fs";

/** A reused buffer; the bytes of a read are good until the next read into the same pool. */
export interface ReadPool {
  buffer: Buffer;
}

export const readPool = (bytes: number): ReadPool => ({ buffer: Buffer.allocUnsafe(bytes) });

/** The bytes of the open file `fd`, `size` of them (fewer if it shrank meanwhile). */
export function readSized(fd: number, size: number, pool: ReadPool): Buffer {
  if (size > pool.buffer.length) pool.buffer = Buffer.allocUnsafe(Math.max(pool.buffer.length * 2, size));
  let length = 0;
  while (length < size) {
    const n = readSync(fd, pool.buffer, length, size - length, null);
    if (n === 0) break;
    length += n;
  }
  return pool.buffer.subarray(0, length);
}
