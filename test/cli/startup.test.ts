// Light start-up: what `--help` and `validate` load (recorded by a module hook), and --version naming
// structgen's own version wherever it runs.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, FIXTURES, MINI, ROOT, runCli } from "./helpers.js";

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-startup-"));
  writeFileSync(path.join(tmp, "valid.json"), JSON.stringify({ Username: "a", UserAttributes: [] }));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The module URLs a command line resolves, relative to the repository (node: built-ins as they are). */
function modulesLoaded(args: string[], name: string): string[] {
  const log = path.join(tmp, `${name}.log`);
  const r = runCli(args, {
    cwd: tmp,
    env: { STRUCTGEN_IMPORT_LOG: log },
    nodeArgs: ["--import", path.join(FIXTURES, "record-imports.mjs")],
  });
  expect(r.status, r.stderr).toBeLessThan(2);
  const root = new URL(`file://${ROOT}`).href;
  return [...new Set(readFileSync(log, "utf8").trim().split("\n"))].map((u) => u.replace(root, "")).sort();
}

const HEAVY = /node_modules|\/(pipeline|index)\.js$|\/(load|resolve|reconcile|emit|write|ir)\//;

describe("start-up loads only what the command needs", () => {
  it("--help loads the dispatcher and the commands' tables, nothing of the pipeline or any dependency", () => {
    const loaded = modulesLoaded(["--help"], "help");
    expect(loaded.filter((m) => HEAVY.test(m))).toEqual([]);
    expect(loaded).toContain("dist/cli/validate.js");
  });

  it("a command's --help loads that command only", () => {
    const loaded = modulesLoaded(["generate", "--help"], "generate-help");
    expect(loaded.filter((m) => HEAVY.test(m))).toEqual([]);
    expect(loaded.filter((m) => /dist\/cli\/(check|reconcile|validate)\.js$/.test(m))).toEqual([]);
  });

  it("validate with the bundled validators loads the validators module and nothing else of structgen's", () => {
    const loaded = modulesLoaded(["validate", "--type", "GetUserResponse", "valid.json"], "validate");
    expect(loaded.filter((m) => HEAVY.test(m))).toEqual([]);
    expect(loaded.filter((m) => /dist\/cli\/(check|generate|reconcile)\.js$/.test(m))).toEqual([]);
    expect(loaded).toContain("dist/validators-module.js");
    expect(loaded.filter((m) => /dist\/cli\/(help|print)\.js$/.test(m))).toEqual([]);
    expect(loaded.filter((m) => m.startsWith("generated/"))).toEqual([
      "generated/cognito-idp/runtime.js",
      "generated/cognito-idp/validators.js",
    ]);
  });

  it("validate --schemas does load the pipeline (it compiles the corpus in memory)", () => {
    const loaded = modulesLoaded(["validate", "--schemas", MINI, "-"], "validate-schemas");
    expect(loaded).toContain("dist/pipeline.js");
  });
});

describe("--version", () => {
  const own = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

  it("prints structgen's version, not the version of the project it runs in", () => {
    const consumer = path.join(tmp, "consumer");
    mkdirSync(consumer);
    writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "9.9.9-consumer" }));
    for (const args of [["--version"], ["validate", "--version"], ["generate", "--version"]]) {
      const r = runCli(args, { cwd: consumer });
      expect(r.status, args.join(" ")).toBe(0);
      expect(r.stdout).toBe(`${own}\n`);
    }
  });

  it("also through an installed bin link (node_modules/.bin/structgen in the consumer)", () => {
    const consumer = path.join(tmp, "linked");
    mkdirSync(path.join(consumer, "node_modules", ".bin"), { recursive: true });
    writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "linked", version: "7.7.7" }));
    const link = path.join(consumer, "node_modules", ".bin", "structgen");
    symlinkSync(path.join(ROOT, "bin", "structgen.js"), link);
    const r = spawnSync(process.execPath, [link, "--version"], { cwd: consumer, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${own}\n`);
  });
});
