// Symlinks in a corpus folder. One whose target lies outside the folder (`/`, /etc/passwd, a
// folder or file beside the corpus) is refused with FILE_SYMLINK_OUTSIDE_CORPUS and never read or
// walked; links that stay inside keep working and loops end. The links are made here, in a
// temporary folder inside the repository; the only targets outside it are `/` and /etc/passwd.
import fs, { mkdirSync, promises as fsp, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readCorpus } from "../../generator/load/read-corpus.js";
import { discoverCorpora } from "../../generator/pipeline.js";
import { cli, ensureBuilt, plantPreviousOutput, repoTemp, snapshot, STACK_LINE } from "./helpers.js";

const S = "https://json-structure.org/meta/core/v0/#";
const schema = (name: string) =>
  JSON.stringify({ $schema: S, name, type: "string", description: `${name} lives here` });

let tmp: string;
let corpus: string;
let outside: string;

const OUTSIDE_LINKS = ["passwd.json", "root", "secret.json", "shared", "sneaky.json", "sub/escape", "via.json"];

beforeAll(() => {
  ensureBuilt();
  tmp = repoTemp("symlinks");
  outside = path.join(tmp, "outside"); // beside the corpus folder, not in it
  corpus = path.join(tmp, "corpus");
  mkdirSync(path.join(outside, "deeper"), { recursive: true });
  writeFileSync(path.join(outside, "secret.json"), schema("OutsideSecret"));
  writeFileSync(path.join(outside, "deeper", "types.json"), schema("OutsideType"));
  mkdirSync(path.join(corpus, "sub"), { recursive: true });
  mkdirSync(path.join(corpus, ".store"));
  writeFileSync(path.join(corpus, "good.json"), schema("Good"));
  writeFileSync(path.join(corpus, "sub", "other.json"), schema("Other"));
  writeFileSync(path.join(corpus, ".store", "kept.json"), schema("Kept"));
  // Links that lead out of the corpus folder.
  symlinkSync("/", path.join(corpus, "root"));
  symlinkSync("/etc/passwd", path.join(corpus, "passwd.json"));
  symlinkSync("../outside", path.join(corpus, "shared"));
  symlinkSync(path.join(outside, "secret.json"), path.join(corpus, "secret.json"));
  symlinkSync("../../outside/deeper", path.join(corpus, "sub", "escape"));
  symlinkSync("sub/../../outside/secret.json", path.join(corpus, "sneaky.json"));
  symlinkSync("../../outside/secret.json", path.join(corpus, ".store", "out.json"));
  symlinkSync(".store/out.json", path.join(corpus, "via.json")); // inside, then a second hop out
  // Links that stay inside: a file in a hidden folder (read only through the link), and loops.
  symlinkSync(".store/kept.json", path.join(corpus, "kept.json"));
  symlinkSync("..", path.join(corpus, "sub", "up"));
  symlinkSync(".", path.join(corpus, "self"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/**
 * Every path handed to the fs functions the loader could use, promise-based and synchronous, while `run`
 * runs. The synchronous ones are spied on the module object and synced to its named exports (the loader
 * imports them by name).
 */
async function pathsTouched<T>(run: () => Promise<T>): Promise<{ result: T; paths: string[] }> {
  const paths: string[] = [];
  const spy = <O extends object>(on: O, names: readonly (keyof O & string)[]) => {
    for (const n of names) {
      const original = (on[n] as (...a: unknown[]) => unknown).bind(on);
      vi.spyOn(on, n as never).mockImplementation(((p: unknown, ...rest: unknown[]) => {
        paths.push(String(p));
        return original(p, ...rest);
      }) as never);
    }
  };
  spy(fsp, ["open", "readFile", "readdir", "opendir", "stat", "lstat", "realpath", "readlink", "access"]);
  const sync = ["openSync", "readFileSync", "readdirSync", "opendirSync", "statSync", "lstatSync"] as const;
  spy(fs, [...sync, "realpathSync", "readlinkSync", "accessSync"]);
  syncBuiltinESMExports();
  try {
    return { result: await run(), paths };
  } finally {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  }
}

/** The paths that lie outside `dir` (as given or as its real path). */
function outsideOf(paths: string[], dir: string): string[] {
  const real = realpathSync(dir);
  const within = (r: string, d: string) => r === d || r.startsWith(d + path.sep);
  return paths.filter((p) => !within(path.resolve(dir, p), dir) && !within(path.resolve(dir, p), real));
}

describe("regression: symlinks that leave the corpus are followed", () => {
  it("refuses each link leading out, reads the links that stay in, touches no path outside", async () => {
    const t0 = performance.now();
    const { result, paths } = await pathsTouched(() => readCorpus(corpus, "corpus"));
    expect(performance.now() - t0).toBeLessThan(5_000); // the link to `/` walked the whole disk (87 s)

    expect(result.corpus.documents.map((d) => d.file)).toEqual(["good.json", "kept.json", "sub/other.json"]);
    const refused = result.diagnostics.filter((d) => d.code === "FILE_SYMLINK_OUTSIDE_CORPUS");
    expect(refused.map((d) => d.at!.file).sort()).toEqual(OUTSIDE_LINKS);
    expect(result.diagnostics).toHaveLength(OUTSIDE_LINKS.length);
    for (const d of refused) expect(d).toMatchObject({ severity: "error", at: { line: 1, column: 1, pointer: "" } });
    expect(refused.find((d) => d.at!.file === "passwd.json")!.message).toBe(
      'passwd.json is a symlink to "/etc/passwd", outside the corpus folder: not followed',
    );

    // Every path the loader handed to the file system lies inside the corpus folder, and the spy saw
    // the reads that did happen (so an empty list cannot pass for "nothing outside").
    const real = realpathSync(corpus);
    expect(outsideOf(paths, corpus)).toEqual([]);
    expect(paths).toContain(path.join(real, ".store", "kept.json"));
  });

  it("the CLI fails with a coded error per link, names nothing outside, and writes nothing", () => {
    const out = path.join(tmp, "out");
    const before = plantPreviousOutput(path.join(out, "corpus"));
    const r = cli(["generate", "--schemas", corpus, "--out", out], { timeout: 30_000 });
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status, r.stderr).toBe(1);
    for (const link of OUTSIDE_LINKS)
      expect(r.stderr).toMatch(new RegExp(`^${link}:1:1: error FILE_SYMLINK_OUTSIDE_CORPUS: `, "m"));
    expect(r.stderr).not.toMatch(/OutsideSecret|OutsideType|root:x:0|\/bin\/|\/usr\//);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(snapshot(path.join(out, "corpus"))).toEqual(before);
  });

  it("a folder of corpora: finding the corpora does not follow a link to `/` either", async () => {
    const folder = path.join(tmp, "corpora");
    mkdirSync(path.join(folder, "one"), { recursive: true });
    writeFileSync(path.join(folder, "one", "good.json"), schema("Good"));
    symlinkSync("/", path.join(folder, "one", "root"));
    mkdirSync(path.join(folder, "empty"));
    symlinkSync("/", path.join(folder, "empty", "root")); // no schema inside: not a corpus
    // No config file: what is looked at is the walk alone (the config is looked up from the working folder).
    const { result, paths } = await pathsTouched(() => discoverCorpora(folder, { config: false }));
    expect(result.map((c) => c.name)).toEqual(["one"]);
    expect(outsideOf(paths, folder)).toEqual([]);
    const r = cli(["generate", "--schemas", folder, "--out", path.join(tmp, "out-corpora")], { timeout: 30_000 });
    expect(r.signal, "a walk of the disk (timeout)").toBeNull();
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^root:1:1: error FILE_SYMLINK_OUTSIDE_CORPUS: /m);
  });

  it("a corpus folder that is itself a link elsewhere is read (only the walk inside it is bounded)", async () => {
    const elsewhere = path.join(tmp, "elsewhere");
    mkdirSync(path.join(elsewhere, "real"), { recursive: true });
    writeFileSync(path.join(elsewhere, "real", "a.json"), schema("A"));
    symlinkSync(path.join(elsewhere, "real"), path.join(tmp, "linked-corpus"));
    const { corpus: c, diagnostics } = await readCorpus(path.join(tmp, "linked-corpus"));
    expect(diagnostics).toEqual([]);
    expect(c.name).toBe("linked-corpus");
    expect(c.documents.map((d) => d.file)).toEqual(["a.json"]);
  });

  it("links inside the folder that loop still end, each file read once", async () => {
    const dir = path.join(tmp, "loops");
    mkdirSync(path.join(dir, "a", "b"), { recursive: true });
    writeFileSync(path.join(dir, "a", "b", "t.json"), schema("T"));
    symlinkSync("../..", path.join(dir, "a", "b", "top"));
    symlinkSync(path.join(dir, "a"), path.join(dir, "a", "b", "abs"));
    const { corpus: c, diagnostics } = await readCorpus(dir);
    expect(diagnostics).toEqual([]);
    expect(c.documents.map((d) => d.file)).toEqual(["a/b/t.json"]);
  });
});
