// check answers "fresh" from hashes only when generate would write exactly what is there. The
// tampering cases: an output edited by hand, an input edited, an option changed, the generator's
// code changed (a copy of dist/ with one file changed); and a damaged cache or manifest, an input
// added or removed. Whether check rendered shows in its progress lines (stages), which the answer
// from hashes never has.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBuilt, MINI, ROOT, runCli } from "../cli/helpers.js";

let tmp: string;
let n = 0;
beforeAll(() => {
  ensureBuilt();
  tmp = path.join(os.tmpdir(), `structgen-check-hashes-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Project {
  dir: string;
  out: string;
  cache: string;
  run(args: string[], bin?: string): { status: number | null; stdout: string; stderr: string; rendered: boolean };
}

/** A project: api/shop (the mini corpus), structgen.config.json, output in gen/, its own cache folder. */
function project(config: Record<string, unknown> = {}): Project {
  const dir = path.join(tmp, `p${n++}`);
  mkdirSync(path.join(dir, "api", "shop"), { recursive: true });
  for (const f of readdirSync(MINI)) cpSync(path.join(MINI, f), path.join(dir, "api", "shop", f));
  writeFileSync(path.join(dir, "structgen.config.json"), JSON.stringify({ schemas: "api", out: "gen", ...config }));
  const cache = path.join(dir, "cache");
  return {
    dir,
    out: path.join(dir, "gen", "shop"),
    cache,
    run(args, bin = BIN) {
      const env = { STRUCTGEN_CACHE_DIR: cache, STRUCTGEN_TEST_PROGRESS: "plain" };
      const r = runCli(args, { cwd: dir, env, bin });
      return {
        status: r.status,
        stdout: r.stdout,
        stderr: r.stderr,
        rendered: /: (load|emit|compare) \[/.test(r.stderr),
      };
    },
  };
}

const fresh = (p: Project, bin?: string) => {
  const r = p.run(["check"], bin);
  expect(r.stdout, r.stderr).toBe("shop: up to date\n");
  expect(r.status).toBe(0);
  return r;
};
const stale = (p: Project, ...lines: RegExp[]) => {
  const r = p.run(["check"]);
  expect(r.status, r.stdout + r.stderr).toBe(1);
  for (const l of lines) expect(r.stdout).toMatch(l);
  return r;
};
const generated = (p: Project) => {
  const r = p.run(["generate"]);
  expect(r.status, r.stderr).toBe(0);
};
/** Files older than the hash index's racy window, so their hashes are remembered by status. */
const settle = () => new Promise((r) => setTimeout(r, 2200));

describe("check answers from hashes", () => {
  it("nothing changed: fresh without rendering; --no-cache renders and agrees", () => {
    const p = project();
    generated(p);
    expect(fresh(p).rendered).toBe(false);
    const full = p.run(["check", "--no-cache"]);
    expect([full.status, full.stdout, full.rendered]).toEqual([0, "shop: up to date\n", true]);
  });

  it("--json is the same from hashes as from a full render, foreign files included", () => {
    const p = project();
    generated(p);
    writeFileSync(path.join(p.out, "mine.txt"), "a file of the user's");
    const fast = p.run(["check", "--json"]);
    const slow = p.run(["check", "--json", "--no-cache"]);
    expect(fast.rendered).toBe(false);
    expect(slow.rendered).toBe(true);
    expect(fast.stdout).toBe(slow.stdout);
    expect(JSON.parse(fast.stdout)).toMatchObject([{ corpus: "shop", differences: [], foreign: ["mine.txt"] }]);
  });

  it("an output edited by hand is stale, also with its size, inode and modification time kept", async () => {
    const p = project();
    generated(p);
    await settle();
    fresh(p); // the index now remembers every file by its status
    const file = path.join(p.out, "types.ts");
    const before = statSync(file, { bigint: true });
    // touch -r copies timestamps to the nanosecond (utimes from JavaScript rounds them).
    const stamp = path.join(p.dir, "stamp");
    writeFileSync(stamp, "");
    expect(spawnSync("touch", ["-r", file, stamp]).status).toBe(0);
    writeFileSync(file, readFileSync(file, "utf8").replace("export interface Order", "export interface Ordex"));
    expect(spawnSync("touch", ["-r", stamp, file]).status).toBe(0);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    stale(p, /changed +types\.ts/);
    generated(p);
    fresh(p);
  });

  it("an input edited is stale", () => {
    const p = project();
    generated(p);
    const order = path.join(p.dir, "api", "shop", "order.json");
    writeFileSync(order, readFileSync(order, "utf8").replace("An order in a tiny shop.", "An order."));
    const r = stale(p, /changed +docs\/types\/Order\.md/);
    expect(r.rendered).toBe(true);
  });

  it("an option changed is stale", () => {
    const p = project();
    generated(p);
    writeFileSync(
      path.join(p.dir, "structgen.config.json"),
      JSON.stringify({ schemas: "api", out: "gen", emit: ["types"] }),
    );
    stale(p, /extra +schema\.json/);
  });

  it("an input added or removed is stale", () => {
    const p = project();
    generated(p);
    const extra = path.join(p.dir, "api", "shop", "extra.json");
    writeFileSync(extra, JSON.stringify({ name: "Extra", type: "object", properties: { a: { type: "string" } } }));
    stale(p, /missing +docs\/types\/Extra\.md/);
    generated(p);
    fresh(p);
    rmSync(extra);
    stale(p, /extra +docs\/types\/Extra\.md/);
  });

  it("a corrupted cache is ignored: still exact, from hashes once it is rebuilt", async () => {
    const p = project();
    generated(p);
    await settle();
    fresh(p);
    for (const f of readdirSync(p.cache, { recursive: true }).map(String)) {
      const full = path.join(p.cache, f);
      if (statSync(full).isFile()) writeFileSync(full, readFileSync(full).subarray(0, 40));
    }
    // The damaged record proves nothing: check renders (exact), records again, then answers from hashes.
    expect(fresh(p).rendered).toBe(true);
    expect(fresh(p).rendered).toBe(false);
    const file = path.join(p.out, "schema.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"title"', '"titel"'));
    stale(p, /changed +schema\.json/);
  });

  it("a truncated or hand-edited manifest is stale, and generate repairs it", () => {
    const p = project();
    generated(p);
    const manifest = path.join(p.out, ".structgen-manifest.json");
    const text = readFileSync(manifest, "utf8");
    writeFileSync(manifest, text.slice(0, text.length >> 1));
    stale(p, /\.structgen-manifest\.json/);
    generated(p);
    fresh(p);
    const edited = JSON.parse(readFileSync(manifest, "utf8")) as { files: Record<string, string> };
    edited.files["types.ts"] = "0".repeat(64);
    writeFileSync(manifest, `${JSON.stringify(edited, null, 2)}\n`);
    expect(stale(p).rendered).toBe(true);
  });

  it("what an interrupted run left (a staging folder) is stale", () => {
    const p = project();
    generated(p);
    mkdirSync(path.join(p.out, ".structgen-tmp-99999"));
    stale(p, /extra +\.structgen-tmp-99999/);
  });
});

describe("what the answer from hashes loads", () => {
  it("no stage of the pipeline, no emitter, no parser or validator library", () => {
    const p = project();
    generated(p);
    const log = path.join(p.dir, "imports.log");
    const r = runCli(["check"], {
      cwd: p.dir,
      env: { STRUCTGEN_CACHE_DIR: p.cache, STRUCTGEN_IMPORT_LOG: log },
      nodeArgs: ["--import", path.join(ROOT, "test", "fixtures", "cli", "record-imports.mjs")],
    });
    expect(r.stdout).toBe("shop: up to date\n");
    const loaded = [...new Set(readFileSync(log, "utf8").trim().split("\n"))];
    // The manifest's banner text is the one piece of emit/ it needs.
    const heavy = loaded.filter((u) =>
      /node_modules|\/dist\/(pipeline|index)\.js$|\/dist\/(resolve|ir)\/|\/dist\/emit\/(?!banner\.js)/.test(u),
    );
    expect(loaded.filter((u) => /\/dist\/cache\/(fresh|inputs)\.js$/.test(u))).toHaveLength(2);
    expect(heavy).toEqual([]);
    expect(
      loaded.filter((u) => /\/dist\/reconcile\/(index|sources\/(botocore|aws-sdk|recorded))\.js$/.test(u)),
    ).toEqual([]);
  });
});

describe("the generator's own code is an input", () => {
  /** A copy of the package (bin, dist, package.json, config schema) sharing node_modules. */
  function copyPackage(): string {
    const pkg = path.join(tmp, `pkg${n++}`);
    for (const f of ["bin", "dist", "package.json", "structgen.config.schema.json"]) {
      cpSync(path.join(ROOT, f), path.join(pkg, f), { recursive: true });
    }
    symlinkSync(path.join(ROOT, "node_modules"), path.join(pkg, "node_modules"));
    return path.join(pkg, "bin", "structgen.js");
  }

  it("a copy of the package elsewhere answers from hashes; with one file changed, it renders", () => {
    const p = project();
    generated(p);
    const bin = copyPackage();
    expect(fresh(p, bin).rendered).toBe(false);
    // A change that alters no output: check must still not trust the old digest.
    const main = path.join(path.dirname(bin), "..", "dist", "emit", "typescript", "declaration.js");
    writeFileSync(main, `${readFileSync(main, "utf8")}\n// changed\n`);
    expect(fresh(p, bin).rendered).toBe(true);
  });

  it("a changed generator that writes something else finds the output stale", () => {
    const p = project();
    generated(p);
    const bin = copyPackage();
    const banner = path.join(path.dirname(bin), "..", "dist", "emit", "banner.js");
    writeFileSync(banner, readFileSync(banner, "utf8").replace("Do not edit", "Please do not edit"));
    const r = p.run(["check"], bin);
    expect(r.status, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/changed +types\.ts/);
  });
});

describe("where the cache lives", () => {
  it("never inside the output folder (exit 2), and --no-cache writes none", () => {
    const p = project();
    const inside = runCli(["generate"], { cwd: p.dir, env: { STRUCTGEN_CACHE_DIR: path.join(p.dir, "gen", "c") } });
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain("USAGE_CACHE_IN_OUTPUT");
    const off = p.run(["generate", "--no-cache"]);
    expect(off.status, off.stderr).toBe(0);
    expect(() => readdirSync(p.cache)).toThrow();
    // No record of that run in the cache: the first check renders (and records), the next one answers
    // from hashes.
    expect(fresh(p).rendered).toBe(true);
    expect(fresh(p).rendered).toBe(false);
  });
});
