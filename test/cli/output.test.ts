// What the CLI prints besides results: the progress line (a unit with a fake stream and clock, and through the
// real CLI with STRUCTGEN_TEST_PROGRESS), --quiet, and colour under NO_COLOR / FORCE_COLOR.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { colourEnabled } from "../../generator/cli/colour.js";
import { createProgress } from "../../generator/cli/progress.js";
import { ensureBuilt, MINI, runCli } from "./helpers.js";

const ESC = "\u001b";
const CLEAR = `\r${ESC}[K`;

function fakeStream(columns?: number) {
  const writes: string[] = [];
  return { writes, stream: { write: (s: string) => writes.push(s), ...(columns ? { columns } : {}) } };
}

describe("the progress renderer", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("on a terminal: silent for the first second, then one line redrawn in place, cleared at the end", () => {
    const { writes, stream } = fakeStream();
    const p = createProgress({ stream, tty: true, delayMs: 1000 });
    p.onProgress({ corpus: "shop", stage: "load" });
    vi.advanceTimersByTime(999);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([`\rstructgen: shop: load [1.0 s]${ESC}[K`]);
    p.onProgress({ corpus: "shop", stage: "emit" });
    expect(writes.at(-1)).toBe(`\rstructgen: shop: emit [1.0 s]${ESC}[K`);
    vi.advanceTimersByTime(250);
    expect(writes.at(-1)).toBe(`\rstructgen: shop: emit [1.3 s]${ESC}[K`);
    p.done();
    expect(writes.at(-1)).toBe(CLEAR);
    expect(writes.join("")).not.toContain("\n");
    const count = writes.length;
    vi.advanceTimersByTime(5000);
    expect(writes).toHaveLength(count);
  });

  it("on a terminal: a run under a second prints nothing at all, not even the clear", () => {
    const { writes, stream } = fakeStream();
    const p = createProgress({ stream, tty: true, delayMs: 1000 });
    for (const stage of ["load", "resolve", "emit", "write"]) p.onProgress({ corpus: "shop", stage });
    vi.advanceTimersByTime(900);
    p.done();
    vi.advanceTimersByTime(5000);
    expect(writes).toEqual([]);
  });

  it("on a terminal: the line never wraps (a wrapped line cannot be redrawn)", () => {
    const { writes, stream } = fakeStream(30);
    const p = createProgress({ stream, tty: true, delayMs: 0 });
    p.onProgress({ corpus: "a-corpus-with-a-very-long-name", stage: "reconcile" });
    const line = writes.at(-1)!.replace("\r", "").replace(`${ESC}[K`, "");
    expect(line.length).toBeLessThanOrEqual(29);
    expect(line.endsWith("…")).toBe(true);
    p.done();
  });

  it("not a terminal: plain lines, one per stage once the run passes a second, never a carriage return", () => {
    const { writes, stream } = fakeStream();
    const p = createProgress({ stream, tty: false, delayMs: 1000 });
    p.onProgress({ corpus: "shop", stage: "load" });
    p.onProgress({ corpus: "shop", stage: "resolve" });
    vi.advanceTimersByTime(1500);
    p.onProgress({ corpus: "shop", stage: "emit" });
    vi.advanceTimersByTime(2000);
    p.onProgress({ corpus: "other", stage: "emit" });
    p.done();
    expect(writes.join("")).toBe(
      "structgen: shop: resolve [1.0 s]\nstructgen: shop: emit [1.5 s]\nstructgen: other: emit [3.5 s]\n",
    );
  });
});

describe("colour", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    ["a terminal", tty, {}, true],
    ["a pipe", pipe, {}, false],
    ["NO_COLOR on a terminal", tty, { NO_COLOR: "1" }, false],
    ["an empty NO_COLOR", tty, { NO_COLOR: "" }, true],
    ["TERM=dumb", tty, { TERM: "dumb" }, false],
    ["FORCE_COLOR=0 on a terminal", tty, { FORCE_COLOR: "0" }, false],
    ["FORCE_COLOR=false", tty, { FORCE_COLOR: "false" }, false],
    ["FORCE_COLOR=1 on a pipe", pipe, { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=3 on a pipe", pipe, { FORCE_COLOR: "3" }, true],
    ["FORCE_COLOR (empty) on a pipe", pipe, { FORCE_COLOR: "" }, true],
    ["FORCE_COLOR=1 beats NO_COLOR", pipe, { FORCE_COLOR: "1", NO_COLOR: "1" }, true],
  ])("%s", (_, stream, env, want) => {
    expect(colourEnabled(stream, env)).toBe(want);
  });
});

describe("through the CLI", () => {
  let tmp: string;
  beforeAll(() => {
    ensureBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-output-"));
    writeFileSync(path.join(tmp, "valid.json"), JSON.stringify({ Username: "a", UserAttributes: [] }));
    writeFileSync(path.join(tmp, "invalid.json"), JSON.stringify({ UserAttributes: [] }));
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { cwd: tmp, env });
  const STAGE_LINE = /^structgen: mini-corpus: (\w+) \[\d+\.\d s\]$/;

  it("not a TTY: plain progress lines per stage (load, resolve, emit, write), no carriage return", () => {
    const r = cli(["generate", "--schemas", MINI, "--out", "plain-out"], { STRUCTGEN_TEST_PROGRESS: "plain" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("\r");
    const lines = r.stderr.trimEnd().split("\n");
    for (const l of lines) expect(l).toMatch(STAGE_LINE);
    expect(lines.map((l) => STAGE_LINE.exec(l)![1])).toEqual(["load", "resolve", "emit", "write"]);
    expect(r.stdout).toMatch(/^mini-corpus: 3 types, \d+ files in \S+ \(\d+ written, \d+ unchanged, \d+ removed\)$/m);
  });

  it("a TTY: the line is redrawn with \\r through every stage of check and cleared at the end", () => {
    expect(cli(["generate", "--schemas", MINI, "--out", "tty-out"]).status).toBe(0);
    // --no-cache: from hashes, check would answer without any stage to show.
    const r = cli(["check", "--no-cache", "--schemas", MINI, "--out", "tty-out"], { STRUCTGEN_TEST_PROGRESS: "tty" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("\n");
    expect(r.stderr.endsWith(CLEAR)).toBe(true);
    const drawn = r.stderr
      .split(`${ESC}[K`)
      .filter((s) => s.length > 1)
      .map((s) => s.replace("\r", ""));
    const stages = [...new Set(drawn.map((l) => STAGE_LINE.exec(l)?.[1]))];
    expect(stages).toEqual(["load", "resolve", "emit", "compare"]);
    expect(r.stdout).toBe("mini-corpus: up to date\n");
  });

  it("stderr that is not a TTY never gets a carriage return; progress there (runs over a second) is plain lines", () => {
    const r = cli(["generate", "--schemas", MINI, "--out", "pipe-out"]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain("\r");
    for (const l of r.stderr.split("\n").filter(Boolean)) expect(l).toMatch(STAGE_LINE);
  });

  it("--quiet prints errors only: no progress, no summary, nothing for valid files", () => {
    const gen = cli(["generate", "--quiet", "--schemas", MINI, "--out", "quiet-out"], {
      STRUCTGEN_TEST_PROGRESS: "tty",
    });
    expect(gen.status).toBe(0);
    expect(gen.stdout + gen.stderr).toBe("");
    const fresh = cli(["check", "--quiet", "--schemas", MINI, "--out", "quiet-out"]);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout + fresh.stderr).toBe("");
    const valid = cli(["validate", "--quiet", "--type", "GetUserResponse", "valid.json"]);
    expect(valid.status).toBe(0);
    expect(valid.stdout + valid.stderr).toBe("");
    const invalid = cli(["validate", "--quiet", "--type", "GetUserResponse", "valid.json", "invalid.json"]);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toBe("invalid.json: /Username: is required [INSTANCE_REQUIRED_PROPERTY_MISSING]\n");
    const usage = cli(["validate", "--quiet", "--type", "GetUser", "valid.json"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("USAGE_UNKNOWN_TYPE");
  });

  it.each([
    ["FORCE_COLOR=1 colours a pipe", { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=1 wins over NO_COLOR", { FORCE_COLOR: "1", NO_COLOR: "1" }, true],
    ["FORCE_COLOR=0", { FORCE_COLOR: "0" }, false],
    ["NO_COLOR=1", { NO_COLOR: "1" }, false],
    ["neither, on a pipe", { NO_COLOR: undefined }, false],
  ])("diagnostics: %s", (_, env, coloured) => {
    const r = cli(["validate", "--type", "GetUser", "valid.json"], env);
    expect(r.status).toBe(2);
    if (coloured) expect(r.stderr).toContain(`${ESC}[31merror${ESC}[0m ${ESC}[1mUSAGE_UNKNOWN_TYPE${ESC}[0m`);
    else expect(r.stderr).not.toContain(ESC);
  });
});
