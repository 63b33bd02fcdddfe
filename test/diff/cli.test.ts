// `structgen diff` as a person or a CI job runs it: exit codes, --fail-on, the three formats,
// coded usage errors, and git revisions read without touching the work tree.
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiffReport } from "../../generator/diff/report.js";
import { FIXTURES, ROOT } from "./corpora.js";

const BIN = path.join(ROOT, "bin", "structgen.js");
const BASE = path.join(FIXTURES, "core", "base");
const RELEASE = path.join(FIXTURES, "release");
let tmp: string;

function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, [BIN, "diff", ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, STRUCTGEN_DEBUG: "", ...opts.env },
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r;
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "diff.js"))) {
    const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-diff-cli-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("structgen diff", () => {
  it("identical inputs report no change and exit 0, even with --fail-on warning", () => {
    const r = cli([BASE, BASE, "--fail-on", "warning"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("base: no changes");
  });

  it("a release: removed, added, retyped and newly required members, a new enum value, a loosened constraint", () => {
    const r = cli([BASE, RELEASE, "--json"]);
    expect(r.status).toBe(0); // no --fail-on: the report alone
    const report = JSON.parse(r.stdout) as DiffReport;
    const got = report.corpora[0]!.changes.map((c) => [c.subject, c.kind, c.read, c.write, c.severity]);
    expect(got).toEqual([
      ["Order.gift", "member-added", "safe", "safe", "safe"],
      ["Order.id", "constraint-loosened", "warning", "safe", "warning"],
      ["Order.note", "member-removed", "breaking", "breaking", "breaking"],
      ["Order.placed", "member-required", "safe", "breaking", "breaking"],
      ["Order.secret", "type-changed", "breaking", "breaking", "breaking"],
      ["Status", "enum-value-added", "breaking", "safe", "breaking"],
    ]);
    expect(report.counts).toEqual({ breaking: 4, warning: 1, safe: 1 });
    expect(report.corpora[0]!.changes.every((c) => c.direction === "unknown")).toBe(true);
  });

  it("--fail-on breaking exits 1 when a change breaks someone; --fail-on warning too", () => {
    expect(cli([BASE, RELEASE, "--fail-on", "breaking"]).status).toBe(1);
    expect(cli([BASE, RELEASE, "--fail-on", "warning"]).status).toBe(1);
    const loosened = path.join(FIXTURES, "core", "constraint-loosened");
    const only = path.join(tmp, "loosened");
    cpSync(BASE, only, { recursive: true });
    cpSync(loosened, only, { recursive: true });
    expect(cli([BASE, only, "--fail-on", "breaking"]).status).toBe(0);
    expect(cli([BASE, only, "--fail-on", "warning"]).status).toBe(1);
  });

  it("prints text grouped by severity, and Markdown for a pull request", () => {
    const text = cli([BASE, RELEASE]).stdout;
    expect(text.indexOf("Breaking (4)")).toBeLessThan(text.indexOf("Warning (1)"));
    expect(text.indexOf("Warning (1)")).toBeLessThan(text.indexOf("Safe (1)"));
    expect(text).toContain("Direction unknown");
    expect(text).not.toContain("\u001b[");
    const md = cli([BASE, RELEASE, "--format", "markdown"]).stdout;
    expect(md).toMatch(/^## structgen diff\n/);
    expect(md).toContain("#### Breaking (4)");
    expect(md).toContain("| `Status` | enum value added | `returned` | **breaking** | safe | direction unknown |");
  });

  it("colours only when FORCE_COLOR asks (the output here is a pipe)", () => {
    expect(cli([BASE, RELEASE], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout).toContain(
      "\u001b[31mBreaking (4)",
    );
  });

  it("a side whose schemas have errors exits 1 with the diagnostics, naming the side", () => {
    const broken = path.join(ROOT, "test", "fixtures", "cli", "broken-corpus");
    const r = cli([BASE, broken]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`structgen diff: ${broken} does not build`);
    expect(r.stderr).toContain("JSON_SYNTAX");
  });

  it.each([
    ["no NEW", [BASE], "USAGE_BAD_ARGUMENT"],
    ["an unknown format", [BASE, BASE, "--format", "yaml"], "USAGE_BAD_ARGUMENT"],
    ["--json with --format markdown", [BASE, BASE, "--json", "--format", "markdown"], "USAGE_BAD_ARGUMENT"],
    ["an unknown --fail-on", [BASE, BASE, "--fail-on", "safe"], "USAGE_BAD_ARGUMENT"],
    ["a missing folder", [BASE, "no/such/folder"], "USAGE_DIFF_INPUT"],
    ["a folder without schemas", [BASE, "generator"], "USAGE_DIFF_INPUT"],
    ["an unknown corpus", [BASE, RELEASE, "--corpus", "nope"], "USAGE_BAD_ARGUMENT"],
    ["an unknown revision", ["git:no-such-rev", "schemas"], "USAGE_GIT_REVISION"],
  ])("a usage error exits 2 with a code: %s", (_t, args, code) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    // With --json the diagnostics are JSON on standard output; otherwise text on standard error.
    expect(args.includes("--json") ? r.stdout : r.stderr).toContain(code);
    expect(r.stderr).not.toContain("bug in structgen");
  });
});

describe("structgen diff git:<rev>", () => {
  let repo: string;
  let tmpdir: string;
  beforeAll(() => {
    // A project whose config names evidence outside the schemas folder (evidence/…).
    repo = path.join(tmp, "repo");
    tmpdir = path.join(tmp, "tmpdir");
    cpSync(path.join(FIXTURES, "dialect", "base", "shop"), path.join(repo, "schemas", "shop"), { recursive: true });
    cpSync(path.join(FIXTURES, "dialect", "base", "sources", "botocore"), path.join(repo, "evidence"), {
      recursive: true,
    });
    const config = JSON.parse(readFileSync(path.join(FIXTURES, "dialect", "base", "structgen.config.json"), "utf8"));
    config.corpora.shop.sources[0].path = "evidence/service-2.json";
    config.schemas = "schemas";
    delete config.$schema;
    writeFileSync(path.join(repo, "structgen.config.json"), JSON.stringify(config, null, 2));
    mkdirSync(tmpdir);
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "shop v1");
    // v2: a newer model lists another receipt state; the corpus files are unchanged.
    cpSync(
      path.join(FIXTURES, "dialect", "evidence-receipt-state", "sources", "botocore", "service-2.json"),
      path.join(repo, "evidence", "service-2.json"),
    );
    git(repo, "commit", "-qam", "shop v2: newer model");
  });

  const run = (args: string[]) => cli(args, { cwd: repo, env: { TMPDIR: tmpdir } });

  it("git:HEAD~1 against the work tree shows an evidence change, and leaves nothing behind", () => {
    const r = run(["git:HEAD~1", "schemas", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as DiffReport;
    expect(report.old).toBe("git:HEAD~1:schemas");
    expect(report.corpora[0]!.changes).toMatchObject([
      {
        subject: "ReceiptStateType",
        kind: "enum-value-added",
        new: "DISPUTED",
        direction: "read",
        severity: "warning",
      },
    ]);
    expect(readdirSync(tmpdir)).toEqual([]);
    expect(git(repo, "status", "--porcelain")).toBe("");
  });

  it("two revisions, and a path after the revision", () => {
    expect(JSON.parse(run(["git:HEAD~1", "git:HEAD", "--json"]).stdout).corpora[0].changes).toHaveLength(1);
    expect(
      JSON.parse(run(["git:HEAD~1:schemas", "git:HEAD:schemas", "--json"]).stdout).corpora[0].changes,
    ).toHaveLength(1);
    expect(run(["git:HEAD", "schemas"]).stdout).toContain("shop: no changes");
    expect(JSON.parse(run(["git:HEAD~1", "schemas", "--corpus", "shop", "--json"]).stdout).corpora).toHaveLength(1);
    expect(run(["git:HEAD~1", "schemas", "--fail-on", "warning"]).status).toBe(1);
    expect(readdirSync(tmpdir)).toEqual([]);
  });

  it("interrupted while it works, it removes its copy of the revision and dies of the signal", async () => {
    const child = spawn(process.execPath, [BIN, "diff", "git:HEAD~1", "schemas"], {
      cwd: repo,
      env: { ...process.env, TMPDIR: tmpdir },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, signal) => done(signal)));
    let seen = false;
    for (let i = 0; i < 2000 && !seen && child.exitCode === null; i++) {
      seen = readdirSync(tmpdir).some((f) => f.startsWith("structgen-diff-"));
      if (!seen) await new Promise((r) => setTimeout(r, 5));
    }
    if (seen) child.kill("SIGINT");
    const signal = await exited;
    expect(seen).toBe(true); // the copy existed while it worked
    expect(signal).toBe("SIGINT");
    expect(readdirSync(tmpdir)).toEqual([]);
  });

  it("a folder the revision lacks, and a folder outside any repository, are usage errors", () => {
    const r = run(["git:HEAD~1:nowhere", "schemas"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("USAGE_GIT_REVISION");
    const outside = cli(["git:HEAD", BASE], { cwd: tmpdir });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain("USAGE_GIT_REVISION");
  });
});
