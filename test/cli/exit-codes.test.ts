// Every row of README's exit-code table, through the real command line (exit 3 through main(), since a
// structgen bug cannot be summoned on purpose), and every usage error carries a catalogue code.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { catalogue } from "../../generator/diagnostics/catalogue.js";
import { main } from "../../generator/cli/main.js";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import { defineCommand } from "../../generator/cli/command.js";
import { BROKEN, ensureBuilt, MINI, ROOT, runCli } from "./helpers.js";

let tmp: string;
const at = (name: string) => path.join(tmp, name);
const cli = (args: string[], input = "") => runCli(args, { cwd: tmp, input });

const VALID = { Username: "alice", UserAttributes: [{ Name: "email", Value: "a@example.com" }] };

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-exit-"));
  writeFileSync(at("valid.json"), JSON.stringify(VALID));
  writeFileSync(at("invalid.json"), JSON.stringify({ Username: "" }));
  writeFileSync(at("a-file"), "not a folder\n");
  mkdirSync(at("empty"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** README's table: code → meaning, as written. */
function readmeExitCodes(): Map<number, string> {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| (\d) \| (.+) \|$/gm)];
  return new Map(rows.map((m) => [Number(m[1]), m[2]!]));
}

type Case = [meaning: string, args: string[], code: string | undefined, input?: string];

const CASES: Record<number, Case[]> = {
  0: [
    ["ok: a valid file", ["validate", "--type", "AdminGetUserResponse", "valid.json"], undefined],
    ["ok: help", ["--help"], undefined],
    ["ok: version", ["--version"], undefined],
  ],
  1: [
    ["invalid input (a schema problem)", ["generate", "--schemas", BROKEN, "--out", "out-broken"], "JSON_SYNTAX"],
    [
      "invalid data (a value that fails validation)",
      ["validate", "--type", "AdminGetUserResponse", "invalid.json"],
      undefined,
    ],
    ["invalid data: not JSON", ["validate", "--type", "AdminGetUserResponse", "-"], undefined, "{"],
  ],
  2: [
    ["unknown option", ["validate", "--bogus", "valid.json"], "USAGE_UNKNOWN_OPTION"],
    ["unknown option (before any command)", ["--bogus"], "USAGE_UNKNOWN_OPTION"],
    ["unknown option: a value left out", ["generate", "--out"], "USAGE_OPTION_VALUE"],
    ["unknown command", ["frobnicate"], "USAGE_UNKNOWN_COMMAND"],
    ["no command", [], "USAGE_NO_COMMAND"],
    ["unexpected argument", ["check", "stray"], "USAGE_UNEXPECTED_ARGUMENT"],
    ["unknown type", ["validate", "--type", "NoSuchType", "valid.json"], "USAGE_UNKNOWN_TYPE"],
    ["unknown type: none given, several roots", ["validate", "valid.json"], "USAGE_TYPE_REQUIRED"],
    [
      "unknown corpus",
      ["validate", "--corpus", "nope", "--type", "AdminGetUserResponse", "valid.json"],
      "USAGE_BAD_ARGUMENT",
    ],
    ["unknown corpus (reconcile)", ["reconcile", "--schemas", MINI, "--corpus", "nope"], "USAGE_UNKNOWN_CORPUS"],
    ["no files: validate without a file", ["validate", "--type", "AdminGetUserResponse"], "USAGE_NO_FILES"],
    ["no files: no schema in --schemas", ["generate", "--schemas", "empty", "--out", "out-empty"], "INPUT_NO_SCHEMAS"],
    ["no files: no schema, validate --schemas", ["validate", "--schemas", "empty", "valid.json"], "INPUT_NO_SCHEMAS"],
    [
      "unreadable argument: a missing file",
      ["validate", "--type", "AdminGetUserResponse", "gone.json"],
      "USAGE_UNREADABLE_ARGUMENT",
    ],
    [
      "unreadable argument: a missing --schemas",
      ["generate", "--schemas", "gone", "--out", "o"],
      "USAGE_UNREADABLE_ARGUMENT",
    ],
    ["unreadable argument: --schemas is a file", ["check", "--schemas", "a-file"], "USAGE_UNREADABLE_ARGUMENT"],
    ["unreadable argument: validate --schemas", ["validate", "--schemas", "gone", "-"], "USAGE_UNREADABLE_ARGUMENT"],
    ["unreadable argument: reconcile --schemas", ["reconcile", "--schemas", "gone"], "USAGE_UNREADABLE_ARGUMENT"],
  ],
};

describe("exit codes, as README's table says", () => {
  it("the table has exactly the codes tested here, and row 2 names each kind of usage error tested", () => {
    const table = readmeExitCodes();
    expect([...table.keys()]).toEqual([0, 1, 2, 3]);
    for (const kind of ["unknown option", "unknown type", "no files", "unreadable argument"]) {
      expect(table.get(2)).toContain(kind);
      expect(
        CASES[2]!.some(([meaning]) => meaning.startsWith(kind)),
        kind,
      ).toBe(true);
    }
    expect(table.get(1)).toContain("invalid input");
    expect(table.get(1)).toContain("invalid data");
    expect(table.get(3)).toContain("internal error");
  });

  for (const [exit, cases] of Object.entries(CASES)) {
    it.each(cases)(`exit ${exit}: %s`, (_meaning, args, code, input) => {
      const r = cli(args, input);
      expect(r.status, `${args.join(" ")}\n${r.stderr}`).toBe(Number(exit));
      expect(r.stderr).not.toContain("internal error");
      if (code) {
        expect(code in catalogue, code).toBe(true);
        expect(r.stderr).toContain(`error ${code}: `);
      }
      // Usage errors go to stderr only: stdout stays empty for scripts.
      if (exit === "2") expect(r.stdout).toBe("");
    });
  }
});

describe("exit 3: internal errors", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env["STRUCTGEN_DEBUG"];
  });

  const crashing = {
    crash: async () => ({
      command: defineCommand({
        name: "crash",
        summary: "throws what a bug throws",
        options: [],
        run: async () => (null as unknown as { x: number }).x,
      }),
    }),
    usage: async () => ({
      command: defineCommand({
        name: "usage",
        summary: "throws a coded failure",
        options: [],
        run: async () => {
          throw new StructgenError([]);
        },
      }),
    }),
  };

  function capture(): { stderr: () => string } {
    let text = "";
    vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
      text += String(s);
      return true;
    });
    return { stderr: () => text };
  }

  it("an exception that is not a StructgenError exits 3 and asks for a report", async () => {
    const err = capture();
    expect(await main(["crash"], crashing)).toBe(3);
    expect(err.stderr()).toContain("structgen: internal error: Cannot read properties of null");
    expect(err.stderr()).toContain("This is a bug in structgen");
    expect(err.stderr()).not.toContain("    at ");
  });

  it("STRUCTGEN_DEBUG=1 adds the stack", async () => {
    process.env["STRUCTGEN_DEBUG"] = "1";
    const err = capture();
    expect(await main(["crash"], crashing)).toBe(3);
    expect(err.stderr()).toMatch(/\n {4}at /);
  });

  it("a coded failure is not a bug: exit 1, no report request", async () => {
    const err = capture();
    expect(await main(["usage"], crashing)).toBe(1);
    expect(err.stderr()).not.toContain("bug");
  });
});
