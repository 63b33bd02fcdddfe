// The command line as a person or a script meets it: `node bin/structgen.js …`, exit codes and output.
import { type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, promises as fs, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROKEN, ensureBuilt, MINI, runCli } from "./helpers.js";

let tmp: string;

function cli(args: string[], opts: { input?: string; cwd?: string } = {}): SpawnSyncReturns<string> {
  return runCli(args, { cwd: opts.cwd ?? tmp, ...(opts.input !== undefined ? { input: opts.input } : {}) });
}

/** A file in the temp folder holding `value` as JSON (or raw text). */
function file(name: string, value: unknown, raw = false): string {
  const p = path.join(tmp, name);
  writeFileSync(p, raw ? String(value) : JSON.stringify(value));
  return p;
}

const GOOD = {
  Username: "alice",
  UserAttributes: [
    { Name: "email", Value: "a@example.com" },
    { Name: "custom:tier", Value: "gold" },
  ],
  UserStatus: "CONFIRMED",
  Enabled: true,
  // Epoch seconds: reconciliation made DateType the service's wire form.
  UserCreateDate: 1714566896.123,
};

const ISSUE_LINE = /^(.+): (\/\S*): (.+) \[([A-Z_]+)\]$/;

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-cli-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("validate with the bundled validators", () => {
  it("exits 0 for a valid file and says so", () => {
    const f = file("good.json", GOOD);
    const r = cli(["validate", "--type", "AdminGetUserResponse", f]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${f}: valid AdminGetUserResponse\n`);
  });

  it('exits 1 for an invalid file with "file: /pointer: message [CODE]" lines', () => {
    const f = file("bad.json", {
      UserAttributes: [{ Name: "a\u0000" }],
      UserCreateDate: "2024-05-01T12:34:56Z",
      Enabled: "yes",
    });
    const r = cli(["validate", "--type", "AdminGetUserResponse", f]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    for (const l of lines) {
      const m = ISSUE_LINE.exec(l);
      expect(m, l).not.toBeNull();
      expect(m![1]).toBe(f);
    }
    expect(lines).toContain(`${f}: /Username: is required [INSTANCE_REQUIRED_PROPERTY_MISSING]`);
    expect(lines).toContain(`${f}: /Enabled: must be a boolean [INSTANCE_BOOLEAN_EXPECTED]`);
    expect(
      lines.some(
        (l) => l.startsWith(`${f}: /UserAttributes/0/Name: `) && l.endsWith("[INSTANCE_STRING_PATTERN_MISMATCH]"),
      ),
    ).toBe(true);
    expect(lines).toContain(`${f}: /UserCreateDate: must be a number [INSTANCE_NUMBER_EXPECTED]`);
  });

  it.each([
    ["null", "null"],
    ["an empty array", "[]"],
    ["a number", "42"],
  ])("exits 1 for %s", (_label, text) => {
    const f = file(`value-${text.length}-${text.charCodeAt(0)}.json`, text, true);
    const r = cli(["validate", "--type", "AdminGetUserResponse", f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("[INSTANCE_OBJECT_EXPECTED]");
  });

  it("exits 1 for a file that is not JSON, with INPUT_NOT_JSON", () => {
    const f = file("not-json.json", "{ nope", true);
    const r = cli(["validate", "--type", "AdminGetUserResponse", f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/not valid JSON.*\[INPUT_NOT_JSON\]/);
  });

  it("checks every file and exits 1 when any is invalid", () => {
    const a = file("multi-good.json", GOOD);
    const b = file("multi-bad.json", { ...GOOD, Username: "" });
    const r = cli(["validate", "--type", "AdminGetUserResponse", a, b]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${a}: valid AdminGetUserResponse`);
    expect(r.stdout).toContain(`${b}: /Username: `);
  });

  it("reads standard input for -", () => {
    const ok = cli(["validate", "--type", "AdminGetUserResponse", "-"], { input: JSON.stringify(GOOD) });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toBe("<stdin>: valid AdminGetUserResponse\n");
    const bad = cli(["validate", "--type", "GetUserResponse", "-"], { input: '{"Username":"alice"}' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("<stdin>: /UserAttributes: is required [INSTANCE_REQUIRED_PROPERTY_MISSING]\n");
  });

  it("exits 2 for an unknown --type and suggests close names", () => {
    const f = file("good2.json", GOOD);
    const r = cli(["validate", "--type", "AdminGetUser", f]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('unknown type "AdminGetUser"');
    expect(r.stderr).toMatch(/did you mean .*AdminGetUserResponse/);
    // Case mistakes are caught too.
    const lower = cli(["validate", "--type", "adminGetUserResponse", f]);
    expect(lower.status).toBe(2);
    expect(lower.stderr).toMatch(/did you mean .*AdminGetUserResponse/);
  });

  it("exits 2 when --type is missing and the corpus has many root types", () => {
    const r = cli(["validate", file("good3.json", GOOD)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--type is required: the corpus has \d+ root types/);
  });

  it("exits 2 with no files", () => {
    const r = cli(["validate", "--type", "AdminGetUserResponse"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no input files");
  });

  it("exits 2 for a file that cannot be read", () => {
    const r = cli(["validate", "--type", "AdminGetUserResponse", path.join(tmp, "does-not-exist.json")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("ENOENT");
  });

  it("exits 2 for an unknown --corpus", () => {
    const r = cli([
      "validate",
      "--corpus",
      "no-such-service",
      "--type",
      "AdminGetUserResponse",
      file("good4.json", GOOD),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("USAGE_BAD_ARGUMENT");
    expect(r.stderr).toContain("cognito-idp");
  });

  it("prints parseable JSON with --json", () => {
    const a = file("json-good.json", GOOD);
    const b = file("json-bad.json", { Username: "a".repeat(129) });
    const r = cli(["validate", "--json", "--type", "AdminGetUserResponse", a, b]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as unknown;
    expect(out).toMatchObject([
      { file: a, type: "AdminGetUserResponse", valid: true, errors: [] },
      {
        file: b,
        type: "AdminGetUserResponse",
        valid: false,
        errors: [{ pointer: "/Username", code: "INSTANCE_STRING_MAX_LENGTH", message: expect.any(String) }],
      },
    ]);
  });

  it("with --json, a usage error is JSON on stdout too: {diagnostics: [...]}, exit 2", () => {
    const r = cli(["validate", "--json", "--type", "AdminGetUser", file("json-usage.json", GOOD)]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(out.diagnostics).toMatchObject([
      { code: "USAGE_UNKNOWN_TYPE", message: expect.stringContaining("AdminGetUserResponse") },
    ]);
  });

  it("--strict rejects an undeclared member and an unknown enum value that the default mode accepts", () => {
    const f = file("extra.json", { ...GOOD, UserAttributes: [{ Name: "email", Value: "x", Verified: true }] });
    const loose = cli(["validate", "--type", "AdminGetUserResponse", f]);
    expect(loose.status).toBe(0);
    // Valid, and the drift it found is printed too.
    expect(loose.stdout).toBe(
      `${f}: valid AdminGetUserResponse\n${f}: /UserAttributes/0/Verified: drift: member no schema declares\n`,
    );
    const strict = cli(["validate", "--strict", "--type", "AdminGetUserResponse", f]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe(
      `${f}: /UserAttributes/0/Verified: is not declared (strict mode) [INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED]\n`,
    );
    const status = file("new-status.json", { ...GOOD, UserStatus: "SOME_NEW_STATUS" });
    expect(cli(["validate", "--type", "AdminGetUserResponse", status]).status).toBe(0);
    const strictStatus = cli(["validate", "--strict", "--type", "AdminGetUserResponse", status]);
    expect(strictStatus.status).toBe(1);
    expect(strictStatus.stdout).toMatch(/: \/UserStatus: must be one of .*"CONFIRMED".* \[INSTANCE_ENUM_MISMATCH\]\n$/);
    const ok = cli(["validate", "--strict", "--type", "AdminGetUserResponse", file("strict-good.json", GOOD)]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("(strict)");
  });
});

describe("validate --schemas (compiled in memory)", () => {
  const order = {
    id: "o-1",
    quantity: 2,
    status: "open",
    lines: [{ sku: "ABC-1234", count: 1 }],
    placed: "2024-01-02T03:04:05Z",
  };

  it("uses the corpus's only root type when --type is omitted", () => {
    const r = cli(["validate", "--schemas", MINI, file("order.json", order)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: valid Order\n$/);
  });

  it("reports violations of the in-memory corpus", () => {
    const f = file("bad-order.json", { id: "", quantity: 0, status: "lost", lines: [{ sku: "abc" }, { count: 1 }] });
    const r = cli(["validate", "--schemas", MINI, f]);
    expect(r.status).toBe(1);
    const got = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => {
        const m = ISSUE_LINE.exec(l);
        expect(m, l).not.toBeNull();
        return `${m![2]} ${m![4]}`;
      });
    expect(got.sort()).toEqual(
      [
        "/id INSTANCE_STRING_MIN_LENGTH",
        "/quantity INSTANCE_NUMBER_MINIMUM",
        "/status INSTANCE_ENUM_MISMATCH",
        "/lines/0/sku INSTANCE_STRING_PATTERN_MISMATCH",
        "/lines/1/sku INSTANCE_REQUIRED_PROPERTY_MISSING",
      ].sort(),
    );
  });

  it("validates against a non-root definition with --type, and writes nothing", async () => {
    const before = await fs.readdir(MINI);
    const r = cli(["validate", "--schemas", MINI, "--type", "Line", "-"], { input: '{"sku":"XYZ-0001"}' });
    expect(r.status, r.stderr).toBe(0);
    expect(await fs.readdir(MINI)).toEqual(before);
    expect(await fs.readdir(tmp)).not.toContain("mini-corpus");
  });

  it("exits 1 with a diagnostic for a broken corpus", () => {
    const r = cli(["validate", "--schemas", BROKEN, "-"], { input: "{}" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/invoice\.json:8:5: error JSON_SYNTAX/);
  });
});

describe("--help and unknown commands", () => {
  it.each([
    ["generate", ["--schemas", "--out", "--json"]],
    ["check", ["--schemas", "--out", "--json"]],
    ["validate", ["--schemas", "--type", "--strict", "--json", "--corpus"]],
  ])("%s --help exits 0 and lists its options", (command, options) => {
    const r = cli([command, "--help"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`structgen ${command}`);
    for (const o of options) expect(r.stdout).toContain(o);
  });

  it("--help lists every command", () => {
    const r = cli(["--help"]);
    expect(r.status).toBe(0);
    for (const c of ["generate", "check", "validate"]) expect(r.stdout).toContain(`structgen ${c}`);
    expect(r.stdout).toContain("Exit codes");
  });

  it("exits 2 for an unknown command, an unknown option and no command", () => {
    for (const args of [["frobnicate"], ["validate", "--no-such-option", "x.json"], []]) {
      const r = cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("structgen");
    }
  });

  it("suggests close names for a misspelt command or option", () => {
    const command = cli(["valdate", "x.json"]);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('unknown command "valdate"; did you mean validate?');
    const option = cli(["validate", "--tpye", "X", "x.json"]);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("unknown option --tpye; did you mean --type?");
    expect(option.stderr).toContain("structgen validate --help");
    const top = cli(["--hlep"]);
    expect(top.status).toBe(2);
    expect(top.stderr).toContain("did you mean --help?");
  });

  it("each command's help is its options table: every option, its value name and default", async () => {
    const { COMMANDS } = await import("../../generator/cli/main.js");
    for (const [name, load] of Object.entries(COMMANDS)) {
      const { command } = await load();
      const r = cli([name, "-h"]);
      expect(r.status, name).toBe(0);
      expect(r.stdout).toContain(command.summary);
      for (const o of command.options) {
        expect(r.stdout, `${name} --${o.name}`).toContain(`--${o.name}${o.value ? ` ${o.value}` : ""}`);
        expect(r.stdout).toContain(o.describe);
        if (o.default !== undefined) expect(r.stdout).toContain(`(default: ${o.default})`);
      }
    }
    const validate = cli(["validate", "--help"]).stdout;
    expect(validate).toContain("structgen validate --type AdminGetUserResponse response.json");
    expect(validate).toContain("cat r.json | structgen validate --type GetUserResponse -");
  });

  it("accepts --name=value, --no-<flag> and a `--` before file names", () => {
    const f = file("dash-dash.json", GOOD);
    const r = cli(["validate", "--type=AdminGetUserResponse", "--strict", "--no-strict", "--", f]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${f}: valid AdminGetUserResponse\n`);
  });

  it("an option without its value is a usage error, even when an option follows", () => {
    for (const args of [
      ["validate", "--type"],
      ["validate", "--type", "--json", "x.json"],
    ]) {
      const r = cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("USAGE_OPTION_VALUE: option --type needs a value");
    }
  });
});

describe("generate and check", () => {
  it("generate of a broken corpus exits 1 with code, file and line:column, and leaves the previous output untouched", async () => {
    const out = path.join(tmp, "broken-out");
    const previous = path.join(out, "broken-corpus");
    await fs.mkdir(path.join(previous, "docs"), { recursive: true });
    await fs.writeFile(path.join(previous, "types.ts"), "// the previous output\n");
    await fs.writeFile(path.join(previous, "docs", "README.md"), "previous docs\n");
    const r = cli(["generate", "--schemas", BROKEN, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("JSON_SYNTAX");
    expect(r.stderr).toContain("invoice.json:8:5");
    expect(r.stderr).not.toContain("internal error");
    expect((await fs.readdir(out)).sort()).toEqual(["broken-corpus"]);
    expect((await fs.readdir(previous)).sort()).toEqual(["docs", "types.ts"]);
    expect(await fs.readFile(path.join(previous, "types.ts"), "utf8")).toBe("// the previous output\n");
    expect(await fs.readFile(path.join(previous, "docs", "README.md"), "utf8")).toBe("previous docs\n");
  });

  it("generate --json reports the diagnostics of a broken corpus as JSON", () => {
    const r = cli(["generate", "--json", "--schemas", BROKEN, "--out", path.join(tmp, "broken-json-out")]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as {
      diagnostics: { code: string; at: { file: string; line: number; column: number } }[];
    };
    expect(out.diagnostics[0]).toMatchObject({ code: "JSON_SYNTAX", at: { file: "invoice.json", line: 8, column: 5 } });
    expect(existsSync(path.join(tmp, "broken-json-out", "broken-corpus"))).toBe(false);
  });

  it("generate with a --schemas folder that does not exist is a usage error (exit 2), not an internal error", () => {
    const r = cli(["generate", "--schemas", path.join(tmp, "no-such-folder"), "--out", path.join(tmp, "nowhere")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("USAGE_UNREADABLE_ARGUMENT");
    expect(r.stderr).toContain("ENOENT");
    expect(r.stderr).not.toContain("internal error");
    expect(existsSync(path.join(tmp, "nowhere"))).toBe(false);
  });

  it("check exits 0 when fresh and 1 after a generated file is edited or removed, or a run's leftovers are there", async () => {
    const out = path.join(tmp, "check-out");
    const gen = cli(["generate", "--schemas", MINI, "--out", out]);
    expect(gen.status, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/^mini-corpus: 3 types, (\d+) files in \S+ \(\1 written, 0 unchanged, 0 removed\)\n$/);
    const dir = path.join(out, "mini-corpus");
    expect(existsSync(path.join(dir, "types.ts"))).toBe(true);

    const fresh = cli(["check", "--schemas", MINI, "--out", out]);
    expect(fresh.status, fresh.stdout + fresh.stderr).toBe(0);
    expect(fresh.stdout).toBe("mini-corpus: up to date\n");

    const types = path.join(dir, "types.ts");
    const original = readFileSync(types, "utf8");
    writeFileSync(types, original.replace("export interface Order", "export interface Orders"));
    const edited = cli(["check", "--schemas", MINI, "--out", out]);
    expect(edited.status).toBe(1);
    expect(edited.stdout).toContain("stale (0 missing, 1 changed, 0 extra)");
    expect(edited.stdout).toMatch(/changed +types\.ts/);
    expect(edited.stdout).toContain("generate");

    const json = cli(["check", "--json", "--schemas", MINI, "--out", out]);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as { differences: unknown[] }[])[0]!.differences).toEqual([
      { path: "types.ts", change: "changed" },
    ]);

    writeFileSync(types, original);
    await fs.rm(path.join(dir, "schema.json"));
    // A file of the user's is not stale output; a killed run's staging folder is.
    await fs.writeFile(path.join(dir, "notes.txt"), "mine\n");
    await fs.mkdir(path.join(dir, ".structgen-tmp-1"));
    const moved = cli(["check", "--schemas", MINI, "--out", out]);
    expect(moved.status).toBe(1);
    expect(moved.stdout).toContain("stale (1 missing, 0 changed, 1 extra)");
    expect(moved.stdout).toMatch(/extra +\.structgen-tmp-1 \(staging folder of an interrupted structgen run\)/);

    // check writes nothing: the stale tree is as we left it.
    expect(existsSync(path.join(dir, "schema.json"))).toBe(false);
    expect(existsSync(path.join(dir, "notes.txt"))).toBe(true);

    // generate repairs it (and leaves the user's file, naming it), and check is happy again.
    const repaired = cli(["generate", "--schemas", MINI, "--out", out]);
    expect(repaired.status).toBe(0);
    expect(repaired.stdout).toMatch(/\(1 written, \d+ unchanged, 0 removed\)/);
    expect(repaired.stderr).toMatch(
      /warning OUTPUT_FOREIGN_FILE: \S*notes\.txt: a file structgen did not write; left where it is/,
    );
    expect(readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("mine\n");
    expect(existsSync(path.join(dir, ".structgen-tmp-1"))).toBe(false);
    expect(cli(["check", "--schemas", MINI, "--out", out]).status).toBe(0);
  });
});
