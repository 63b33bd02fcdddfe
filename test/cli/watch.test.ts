// generate --watch with real file changes: the CLI runs in a temporary project; an edited schema is
// picked up within a second or two and only the outputs it changes are rewritten; a broken schema
// is reported and watching goes on; the fix recovers; a change to the config is read; Ctrl-C exits 0
// and leaves no staging folder or lock.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBuilt, MINI, runCli } from "./helpers.js";

let tmp: string;
let n = 0;
const children: ChildProcess[] = [];
beforeAll(() => {
  ensureBuilt();
  tmp = path.join(os.tmpdir(), `structgen-watch-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Watched {
  dir: string;
  out: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the stream's text once `pattern` matches what arrived after `from` characters. */
  next(stream: "stdout" | "stderr", pattern: RegExp, from: number): Promise<string>;
  exited: Promise<number | null>;
}

function start(config: Record<string, unknown> = {}): Watched {
  const dir = path.join(tmp, `p${n++}`);
  mkdirSync(path.join(dir, "api", "shop"), { recursive: true });
  writeFileSync(path.join(dir, "api", "shop", "order.json"), readFileSync(path.join(MINI, "order.json")));
  writeFileSync(path.join(dir, "structgen.config.json"), JSON.stringify({ schemas: "api", out: "gen", ...config }));
  const child = spawn(process.execPath, [BIN, "generate", "--watch"], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: "1", STRUCTGEN_CACHE_DIR: path.join(dir, "cache") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const text = { stdout: "", stderr: "" };
  const waiters: (() => void)[] = [];
  for (const s of ["stdout", "stderr"] as const) {
    child[s]!.on("data", (d: Buffer) => {
      text[s] += d.toString("utf8");
      for (const w of waiters.splice(0)) w();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    dir,
    out: path.join(dir, "gen", "shop"),
    child,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    exited,
    next(stream, pattern, from) {
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(
          () => reject(new Error(`no ${pattern} on ${stream} within 20 s; got:\n${text.stdout}\n${text.stderr}`)),
          20_000,
        );
        const look = () => {
          const m = pattern.exec(text[stream].slice(from));
          if (m) {
            clearTimeout(timeout);
            resolve(m[0]);
          } else waiters.push(look);
        };
        look();
      });
    },
  };
}

/** Every file below `dir` with its inode and modification time. */
const stamps = (dir: string) =>
  new Map(
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(path.join(dir, f)).isFile())
      .map((f) => {
        const st = statSync(path.join(dir, f));
        return [f.split(path.sep).join("/"), `${st.ino}:${st.mtimeMs}`] as const;
      }),
  );
const changedFiles = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([f, s]) => before.get(f) !== s).map(([f]) => f);

const SUMMARY = /shop: 3 types, (\d+) files? written(, \d+ removed)? \[\d+ ms\]\n/;

describe("generate --watch", () => {
  it("regenerates what an edit changes, survives a broken schema, and exits 0 on Ctrl-C leaving nothing", async () => {
    const w = start();
    await w.next("stdout", SUMMARY, 0);
    await w.next("stderr", /watching for changes/, 0);
    const before = stamps(w.out);
    expect(before.size).toBeGreaterThan(5);

    // A description of Line, one of three types: only the files that show it are rewritten.
    const order = path.join(w.dir, "api", "shop", "order.json");
    const text = readFileSync(order, "utf8");
    let mark = w.stdout().length;
    const t0 = Date.now();
    writeFileSync(order, text.replace('"Line": {', '"Line": {\n      "description": "One line of an order.",'));
    const line = await w.next("stdout", SUMMARY, mark);
    expect(Date.now() - t0).toBeLessThan(5000);
    const after = stamps(w.out);
    const rewritten = changedFiles(before, after);
    expect(rewritten).toContain("docs/types/Line.md");
    expect(rewritten).not.toContain("docs/types/Status.md");
    expect(line).toContain(`${rewritten.filter((f) => f !== ".structgen-manifest.json").length} files written`);
    for (const [f, s] of after) if (!rewritten.includes(f)) expect(before.get(f), f).toBe(s);

    // A broken schema: the error is shown, the process keeps watching, the output stays as it was.
    const broken = stamps(w.out);
    let errMark = w.stderr().length;
    writeFileSync(order, "{ not json");
    await w.next("stderr", /JSON_SYNTAX[\s\S]*generate failed \[\d+ ms\]; watching for changes\n/, errMark);
    expect(w.child.exitCode).toBeNull();
    expect(stamps(w.out)).toEqual(broken);

    // Fixed: the next run recovers.
    mark = w.stdout().length;
    writeFileSync(order, text);
    await w.next("stdout", SUMMARY, mark);
    expect(readFileSync(path.join(w.out, "docs", "types", "Line.md"), "utf8")).not.toContain("One line of an order.");

    // The config is read again when it changes.
    mark = w.stdout().length;
    errMark = w.stderr().length;
    writeFileSync(
      path.join(w.dir, "structgen.config.json"),
      JSON.stringify({ schemas: "api", out: "gen", emit: ["types"] }),
    );
    await w.next("stdout", /shop: 3 types, 0 files written, \d+ removed/, mark);
    expect(readdirSync(w.out).sort()).toEqual([".structgen-manifest.json", "types.ts"]);

    w.child.kill("SIGINT");
    expect(await w.exited).toBe(0);
    const left = readdirSync(w.out).filter((f) => f.startsWith(".structgen-") && f !== ".structgen-manifest.json");
    expect(left).toEqual([]);
    expect(w.stderr().slice(errMark)).toBe("");
  }, 90_000);

  it("a burst of changes that ends where it started runs nothing; SIGTERM during a run waits for it", async () => {
    const w = start();
    await w.next("stdout", SUMMARY, 0);
    const order = path.join(w.dir, "api", "shop", "order.json");
    const text = readFileSync(order, "utf8");
    const mark = w.stdout().length;
    writeFileSync(order, `${text} `);
    writeFileSync(order, text);
    writeFileSync(path.join(w.dir, "api", "shop", ".order.json.swp"), "editor state");
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.stdout().slice(mark)).toBe("");

    // SIGTERM right after a change: the run it starts finishes, then the process exits 0.
    writeFileSync(order, text.replace("An order in a tiny shop.", "An order."));
    await new Promise((r) => setTimeout(r, 150));
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    const left = readdirSync(w.out).filter((f) => f.startsWith(".structgen-") && f !== ".structgen-manifest.json");
    expect(left).toEqual([]);
    // Whole runs only: when it reported one, the output is exactly what generate writes.
    if (SUMMARY.test(w.stdout().slice(mark))) {
      const check = runCli(["check"], { cwd: w.dir, env: { STRUCTGEN_CACHE_DIR: path.join(w.dir, "cache") } });
      expect(check.stdout).toBe("shop: up to date\n");
    }
  }, 60_000);
});
