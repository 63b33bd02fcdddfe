// Inputs that attack limits rather than syntax: nesting thousands of levels deep, tens of
// megabytes, files that cannot be read, FIFOs, symlink loops. Each ends with a coded answer in
// bounded time: never a hang, a crash (exit 3) or a stack trace. Corpora are written at run time.
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, plantPreviousOutput, snapshot, STACK_LINE, type CliResult } from "./helpers.js";

const S = "https://json-structure.org/meta/core/v0/#";
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-limits-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A corpus folder holding the given files (name → text). */
function corpus(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, "schemas", name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  return dir;
}

const GOOD = JSON.stringify({ $schema: S, name: "Good", type: "string" });

/** A run that is not a crash: exit 0 or 1, no stack trace, no internal error, within its timeout. */
function expectNoCrash(r: CliResult): void {
  expect(r.signal, `killed after ${Math.round(r.ms)} ms (timeout): ${r.stderr.slice(0, 2000)}`).toBeNull();
  expect([0, 1], r.stderr.slice(0, 2000)).toContain(r.status);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stdout).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toContain("internal error");
}

/** A run that failed the way a broken corpus must: exit 1, one of `codes` at file:line:column. */
function expectCoded(r: CliResult, file: string, codes: string[]): void {
  expectNoCrash(r);
  expect(r.status, r.stderr.slice(0, 2000)).toBe(1);
  const m = new RegExp(
    `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+)(?: \\([^\\n]*\\))?: error ([A-Z_]+): `,
    "m",
  ).exec(r.stderr);
  expect(m, r.stderr.slice(0, 2000)).not.toBeNull();
  expect(codes).toContain(m![3]);
}

/** generate `dir` into an output root that already holds a previous output, which must survive. */
function generateOver(dir: string, timeout = 60_000): { r: CliResult; intact: () => void } {
  const name = path.basename(dir);
  const out = path.join(tmp, "out", name);
  const previous = path.join(out, name);
  const before = plantPreviousOutput(previous);
  const r = cli(["generate", "--schemas", dir, "--out", out], { timeout });
  return {
    r,
    intact: () => {
      expect(snapshot(previous)).toEqual(before);
      expect(readdirSync(out)).toEqual([name]);
    },
  };
}

const nestedObjects = (n: number) => {
  let s: Record<string, unknown> = { type: "string" };
  for (let i = 0; i < n; i++) s = { type: "object", properties: { p: s } };
  return JSON.stringify({ $schema: S, name: "Deep", ...s });
};
const nestedArrays = (n: number) => {
  let s: Record<string, unknown> = { type: "string" };
  for (let i = 0; i < n; i++) s = { type: "array", items: s };
  return JSON.stringify({ $schema: S, name: "Deep", ...s });
};

describe("nesting thousands of levels deep", () => {
  it("regression: 20 000 nested arrays in JSON", () => {
    const depth = 20_000;
    const dir = corpus("deep-json", {
      "good.json": GOOD,
      "deep.json": `{\n  "$schema": "${S}",\n  "name": "Deep",\n  "type": "string",\n  "examples": ${"[".repeat(depth)}${"]".repeat(depth)}\n}\n`,
      "bare.json": "[".repeat(depth) + "]".repeat(depth),
    });
    const { r, intact } = generateOver(dir);
    expectCoded(r, "deep.json", ["JSON_SYNTAX", "SCHEMA_MAX_DEPTH_EXCEEDED"]);
    expectCoded(r, "bare.json", ["JSON_SYNTAX", "SCHEMA_MAX_DEPTH_EXCEEDED"]);
    intact();
  });

  it("regression: 2 000 nested object properties in a schema", () => {
    const { r, intact } = generateOver(corpus("deep-schema", { "deep.json": nestedObjects(2_000), "good.json": GOOD }));
    expectCoded(r, "deep.json", ["JSON_SYNTAX", "SCHEMA_MAX_DEPTH_EXCEEDED"]);
    intact();
  });

  it.each([
    ["150 nested objects", "objects-150", () => nestedObjects(150)],
    ["250 nested arrays", "arrays-250", () => nestedArrays(250)],
    ["400 nested maps", "maps-400", () => nestedArrays(400).replaceAll('"array","items"', '"map","values"')],
  ])("regression: %s (prettier or ajv overflowed the stack: exit 3)", (_, name, text) => {
    const { r, intact } = generateOver(corpus(name, { "deep.json": text() }));
    expectNoCrash(r);
    if (r.status === 1) {
      expectCoded(r, "deep.json", ["SCHEMA_MAX_DEPTH_EXCEEDED", "JSON_SYNTAX"]);
      intact();
    }
  });

  it("nesting a real schema might use (20 objects in arrays in maps) generates", () => {
    let s: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 20; i++)
      s = { type: "object", properties: { list: { type: "array", items: { type: "map", values: s } } } };
    const { r } = generateOver(corpus("deep-ok", { "deep.json": JSON.stringify({ $schema: S, name: "Deep", ...s }) }));
    expect(r.status, r.stderr).toBe(0);
  });
});

describe("a corpus of tens of megabytes", () => {
  // 300 types keep the run near half a minute; 3 000 types of the same total size take about twice
  // as long (the cost is per type as much as per byte).
  it("regression: 300 object types with long descriptions (≈ 20 MB) generate or fail with a code, in bounded time", () => {
    const dir = path.join(tmp, "schemas", "big");
    mkdirSync(dir, { recursive: true });
    const words =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ";
    const text = (n: number, salt: string) => `${words.repeat(Math.ceil(n / words.length)).slice(0, n)} (${salt})`;
    let bytes = 0;
    for (let i = 0; i < 300; i++) {
      const name = `T${String(i).padStart(4, "0")}`;
      const properties: Record<string, unknown> = {};
      for (let j = 0; j < 5; j++)
        properties[`m${j}`] = { type: j % 2 ? "int32" : "string", description: text(9_500, `${name}.m${j}`) };
      // References within groups of ten, so the corpus is connected but not one long chain.
      if (i % 10)
        properties["group"] = {
          allOf: [
            { $ref: `#/components/schemas/T${String(i - (i % 10)).padStart(4, "0")}` },
            { description: "The group's first type." },
          ],
        };
      const doc = JSON.stringify({
        $schema: S,
        name,
        description: text(20_000, name),
        type: "object",
        properties,
        required: ["m0"],
      });
      bytes += doc.length;
      writeFileSync(path.join(dir, `${name}.json`), doc);
    }
    expect(bytes).toBeGreaterThan(19_000_000);
    const r = cli(["generate", "--schemas", dir, "--out", path.join(tmp, "out-big")], { timeout: 400_000 });
    console.log(
      `[hostile] ${(bytes / 1e6).toFixed(1)} MB corpus of 300 types: exit ${r.status} in ${(r.ms / 1000).toFixed(1)} s`,
    );
    expectNoCrash(r);
    if (r.status === 0) {
      const types = path.join(tmp, "out-big", "big", "types.ts");
      expect(existsSync(types)).toBe(true);
      expect(readdirSync(path.join(tmp, "out-big", "big", "docs", "types"))).toHaveLength(300);
    } else expect(r.stderr).toMatch(/ error [A-Z_]+: /);
  }, 420_000);
});

describe("files that cannot be read", () => {
  it("regression: an unreadable file (chmod 000)", (ctx) => {
    const dir = corpus("unreadable", { "good.json": GOOD, "secret.json": GOOD.replace("Good", "Secret") });
    const secret = path.join(dir, "secret.json");
    chmodSync(secret, 0);
    let readable = true;
    try {
      accessSync(secret, constants.R_OK);
    } catch {
      readable = false;
    }
    if (readable) {
      // root (or CAP_DAC_OVERRIDE) reads a mode-000 file; the cases below cover unreadable entries instead.
      chmodSync(secret, 0o644);
      console.log("[hostile] skipped chmod 000: this process can read a mode-000 file (it runs as root)");
      ctx.skip();
      return;
    }
    const { r, intact } = generateOver(dir);
    chmodSync(secret, 0o644);
    expectCoded(r, "secret.json", ["FILE_UNREADABLE"]);
    expect(r.stderr).toContain("EACCES");
    intact();
  });

  it.each([
    [
      "a dangling symlink",
      "dangling",
      (dir: string) => symlinkSync("nowhere.json", path.join(dir, "x.json")),
      /ENOENT/,
    ],
    ["a symlink to itself", "self-link", (dir: string) => symlinkSync("x.json", path.join(dir, "x.json")), /ELOOP/],
    [
      "a FIFO (reading it would block forever)",
      "fifo",
      (dir: string) => spawnSync("mkfifo", [path.join(dir, "x.json")]),
      /not a regular file/,
    ],
    // Outside the corpus folder, so refused before anything is opened.
    [
      "a symlink to /dev/zero (endless)",
      "dev-zero",
      (dir: string) => symlinkSync("/dev/zero", path.join(dir, "x.json")),
      /outside the corpus folder/,
    ],
  ])("regression: %s named x.json", (_, name, make, reason) => {
    const dir = corpus(name, { "good.json": GOOD });
    make(dir);
    if (name === "fifo" && !existsSync(path.join(dir, "x.json"))) return; // no mkfifo on this system
    const { r, intact } = generateOver(dir, 30_000);
    expectCoded(r, "x.json", name === "dev-zero" ? ["FILE_SYMLINK_OUTSIDE_CORPUS"] : ["FILE_UNREADABLE"]);
    expect(r.stderr).toMatch(reason);
    intact();
  });

  it("regression: a directory named x.json is a folder, not a file", () => {
    const dir = corpus("dir-named-json", { "good.json": GOOD });
    mkdirSync(path.join(dir, "x.json"));
    writeFileSync(path.join(dir, "x.json", "inner.json"), JSON.stringify({ $schema: S, name: "Inner", type: "int32" }));
    const { r } = generateOver(dir);
    expectNoCrash(r);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dir-named-json: 2 types/);
  });

  it("regression: symlink loops (a folder linking to its parent, and to itself) end, reading each file once", () => {
    const dir = corpus("symlink-loop", { "good.json": GOOD });
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "sub", "other.json"), JSON.stringify({ $schema: S, name: "Other", type: "boolean" }));
    symlinkSync("..", path.join(dir, "sub", "up"));
    symlinkSync(".", path.join(dir, "self"));
    symlinkSync(dir, path.join(dir, "sub", "absolute"));
    const { r } = generateOver(dir, 30_000);
    expectNoCrash(r);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/symlink-loop: 2 types/);
    expect(r.ms).toBeLessThan(30_000);
  });
});
