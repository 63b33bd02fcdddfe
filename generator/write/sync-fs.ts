// The writer's file-system calls made synchronously behind the promise interface the writer uses (and
// tests inject failures through): a run stages and renames hundreds of small files, and a trip through
// the thread pool for each call costs more than the call. Errors reject as the async calls' would.
import fs from "node:fs";
import type { WriterFs } from "./transaction.js";

const later =
  <A extends unknown[], R>(f: (...args: A) => R) =>
  async (...args: A): Promise<R> =>
    f(...args);

// Each wrapper reads fs's function when called, so a test's preloaded hook can replace it.
export const syncFs = {
  writeFile: later((p: string, data: string | Buffer) => fs.writeFileSync(p, data)),
  rename: later((from: string, to: string) => fs.renameSync(from, to)),
  link: later((from: string, to: string) => fs.linkSync(from, to)),
  copyFile: later((from: string, to: string, mode?: number) => fs.copyFileSync(from, to, mode)),
  mkdir: later((p: string, options?: fs.MakeDirectoryOptions) => fs.mkdirSync(p, options)),
  rm: later((p: string, options?: fs.RmOptions) => fs.rmSync(p, options)),
  rmdir: later((p: string) => fs.rmdirSync(p)),
  unlink: later((p: string) => fs.unlinkSync(p)),
  readFile: later((p: string, encoding?: BufferEncoding) => fs.readFileSync(p, encoding)),
  readdir: later((p: string) => fs.readdirSync(p)),
  lstat: later((p: string) => fs.lstatSync(p)),
} as unknown as WriterFs;
