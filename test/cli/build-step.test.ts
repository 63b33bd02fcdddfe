// structgen as a build step, from the command line: a config file alone is enough, a second run
// touches nothing, an --out that would touch the inputs is refused (exit 2), I/O failures are
// the user's (exit 1), and check reports what it cannot read instead of hanging or crashing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, promises as fs, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli as run, ensureBuilt, ROOT } from "../hostile/helpers.js";

const MINI = path.join(ROOT, "test", "fixtures", "cli", "mini-corpus");
let tmp: string;
let n = 0;
beforeAll(() => {
  ensureBuilt();
  tmp = path.join(os.tmpdir(), `structgen-build-step-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A consumer project: api/shop holds the mini corpus; structgen.config.json holds `config`. */
function project(config?: unknown): string {
  const dir = path.join(tmp, `p${n++}`);
  mkdirSync(path.join(dir, "api", "shop"), { recursive: true });
  for (const f of readdirSync(MINI)) writeFileSync(path.join(dir, "api", "shop", f), readFileSync(path.join(MINI, f)));
  if (config !== undefined) writeFileSync(path.join(dir, "structgen.config.json"), JSON.stringify(config, null, 2));
  return dir;
}
const cli = (args: string[], cwd: string) => run(args, { cwd });
const mtimes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .sort()
      .map((f) => [f, statSync(path.join(dir, f)).mtimeMs]),
  );

describe("a config file is enough", () => {
  it("generate with only structgen.config.json (found from a subfolder); a second run writes nothing", () => {
    const dir = project({
      $schema: "./node_modules/structgen/structgen.config.schema.json",
      schemas: "api",
      out: "src/generated",
    });
    mkdirSync(path.join(dir, "src", "app"), { recursive: true });
    const first = cli(["generate"], path.join(dir, "src", "app"));
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^shop: 3 types, (\d+) files in \S+ \(\1 written, 0 unchanged, 0 removed\)\n$/);
    const out = path.join(dir, "src", "generated", "shop");
    expect(readdirSync(out)).toContain("validators.js");
    const before = mtimes(out);
    const second = cli(["generate"], dir);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/\(0 written, (\d+) unchanged, 0 removed\)/);
    expect(mtimes(out)).toEqual(before);
    expect(cli(["check"], dir).status).toBe(0);
  }, 60_000);

  it("emit selects the outputs; --config names a config elsewhere; --out overrides it", () => {
    const dir = project();
    mkdirSync(path.join(dir, "config"));
    writeFileSync(
      path.join(dir, "config", "types-only.json"),
      JSON.stringify({ schemas: "../api", emit: ["types", "jsonSchema"] }),
    );
    const r = cli(["generate", "--config", "config/types-only.json", "--out", "types"], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, "types", "shop")).sort()).toEqual([
      ".structgen-manifest.json",
      "schema.json",
      "types.ts",
    ]);
    const missing = cli(["generate", "--config", "config/nope.json"], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("USAGE_CONFIG_NOT_FOUND");
  }, 60_000);

  it("an invalid config exits 1 with CONFIG_INVALID at file:line:column", () => {
    const dir = project();
    writeFileSync(path.join(dir, "structgen.config.json"), `{\n  "schemas": "api",\n  "format": "tabs"\n}\n`);
    const r = cli(["generate"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'structgen.config.json:3:13 (/format): error CONFIG_INVALID: structgen.config.json: /format: must be one of "house", "prettier"',
    );
  });

  it("an old schemas/structgen.json exits 1 with CONFIG_LEGACY_FILE and the config to write", () => {
    const dir = project();
    writeFileSync(path.join(dir, "api", "structgen.json"), JSON.stringify({ corpora: { shop: {} } }));
    const r = cli(["generate", "--schemas", "api"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error CONFIG_LEGACY_FILE: ${path.join("api", "structgen.json")} is no longer read`);
    expect(r.stderr).toContain('Put in it: {"schemas":"api","corpora":{"shop":{}}}');
    expect(r.stderr).not.toContain("internal error");
  });

  it("reconcile reads the reconciliation settings from --config", () => {
    const fixture = path.join(ROOT, "test", "fixtures", "reconcile-other");
    const r = cli(
      ["reconcile", "--config", path.join(fixture, "structgen.config.json"), "--kind", "enum-members"],
      tmp,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^dynamodb-slice: \d+ disagreements, \d+ decisions \(sources: json-structure, botocore\)/);
  }, 60_000);
});

describe("never destroy, and I/O failures are the user's (exit codes)", () => {
  it.each([
    ["the schemas folder", "api", "USAGE_OUT_OVERLAPS_INPUT"],
    ["a corpus folder", "api/shop", "USAGE_OUT_OVERLAPS_INPUT"],
    ["the working folder", ".", "USAGE_OUT_IS_WORKING_FOLDER"],
    ["a file", "README.md", "USAGE_OUT_IS_FILE"],
  ])("--out at %s (%s) exits 2 with %s, and nothing is lost", (_label, out, code) => {
    const dir = project();
    writeFileSync(path.join(dir, "README.md"), "# mine\n");
    const before = readdirSync(dir, { recursive: true }).map(String).sort();
    const r = cli(["generate", "--schemas", "api", "--out", out], dir);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`error ${code}`);
    expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual(before);
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe("# mine\n");
  });

  it("regression: --out below a file exits 1 with OUTPUT_NOT_A_FOLDER, the path and a hint (it was exit 3)", () => {
    const dir = project();
    writeFileSync(path.join(dir, "blocker"), "x");
    const r = cli(["generate", "--schemas", "api", "--out", "blocker/out"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error OUTPUT_NOT_A_FOLDER: cannot write blocker\S*: a part of the path is a file/);
    expect(r.stderr).toContain("hint: Point --out at a folder");
    expect(r.stderr).not.toContain("internal error");
  });

  it("a file of the user's where an output goes stops generate with exit 1; the file is kept", () => {
    const dir = project();
    mkdirSync(path.join(dir, "generated", "shop"), { recursive: true });
    writeFileSync(path.join(dir, "generated", "shop", "types.ts"), "// hand-written\n");
    const r = cli(["generate", "--schemas", "api"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error OUTPUT_PATH_TAKEN");
    expect(readFileSync(path.join(dir, "generated", "shop", "types.ts"), "utf8")).toBe("// hand-written\n");
    expect(readdirSync(path.join(dir, "generated", "shop"))).toEqual(["types.ts"]);
  });
});

describe("check reads regular files only", () => {
  it("regression: a symlink to a folder in place of an output: check exits 1 naming it (it was exit 3)", () => {
    const dir = project();
    expect(cli(["generate", "--schemas", "api"], dir).status).toBe(0);
    const types = path.join(dir, "generated", "shop", "types.ts");
    const target = path.join(dir, "elsewhere");
    mkdirSync(target);
    writeFileSync(path.join(target, "x.ts"), "");
    spawnSync("rm", [types]);
    spawnSync("ln", ["-s", target, types]);
    const r = cli(["check", "--schemas", "api"], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/changed +types\.ts \(a symbolic link where generate writes types\.ts\)/);
    expect(r.stderr).not.toContain("internal error");
  }, 60_000);

  it("regression: a FIFO in place of an output does not hang check", () => {
    const dir = project();
    expect(cli(["generate", "--schemas", "api"], dir).status).toBe(0);
    const types = path.join(dir, "generated", "shop", "types.ts");
    spawnSync("rm", [types]);
    expect(spawnSync("mkfifo", [types]).status).toBe(0);
    const r = run(["check", "--schemas", "api"], { cwd: dir, timeout: 30_000 });
    expect(r.signal, "check hung on the FIFO").toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/changed +types\.ts \(a FIFO where generate writes types\.ts\)/);
    expect(existsSync(types)).toBe(true);
  }, 60_000);
});
