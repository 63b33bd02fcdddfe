// Adversarial schemas, through the real CLI: each ends cleanly, with a result or a coded error.
// Never a crash (exit 3, a stack trace) and never a hang (every run has a time limit).
// - huge: 2 000 definitions, each referring to the next (and a ring of them);
// - deeply nested: 3 000 (and 1 300) nested objects, 200 nested arrays, and 99 that still generate;
// - self-referencing: a recursive list, a type that is only itself, $extends cycles, mutual imports;
// - contradictory: bounds the wrong way round, required names that are not properties, enum values
//   of the wrong type, tuple orders naming unknown properties, a choice without choices.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "structgen.js");
/** No run may take longer; a hang fails the test instead of stalling the suite. */
const TIME_LIMIT_MS = 60_000;

let tmp: string;

beforeAll(() => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
    const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-adversarial-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function cli(args: string[]): Promise<Run> {
  const start = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: tmp,
      env: { ...process.env, NO_COLOR: "1", STRUCTGEN_DEBUG: "" },
      timeout: TIME_LIMIT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", fail);
    child.on("close", (status, signal) => done({ status, signal, stdout, stderr, ms: Date.now() - start }));
  });
}

/** Writes a corpus folder of raw texts (so nesting deeper than JSON.stringify likes is fine). */
function corpus(name: string, files: Record<string, string | object>): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, v] of Object.entries(files))
    writeFileSync(path.join(dir, f), typeof v === "string" ? v : JSON.stringify(v));
  return dir;
}

function instance(name: string, value: unknown): string {
  const f = path.join(tmp, `${name}.instance.json`);
  writeFileSync(f, JSON.stringify(value));
  return f;
}

/** Ended by itself, not by the time limit, with 0 or 1, and without a crash report. */
function expectClean(r: Run): void {
  expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
  expect(r.stderr).not.toMatch(/internal error|This is a bug in structgen|\n\s+at \S+ \(/);
  expect([0, 1], `exit ${r.status}\n${r.stderr}`).toContain(r.status);
}

interface Diag {
  code: string;
  severity: string;
}

/** `generate --json` (or any command with --json) that failed on the schemas: the diagnostics printed. */
function diagnostics(r: Run): Diag[] {
  const parsed = JSON.parse(r.stdout) as { diagnostics?: Diag[] } | { diagnostics: Diag[] }[];
  if (Array.isArray(parsed)) return parsed.flatMap((c) => c.diagnostics);
  return parsed.diagnostics ?? [];
}

const generate = (dir: string) =>
  cli(["generate", "--schemas", dir, "--out", path.join(tmp, "out", path.basename(dir)), "--json"]);

/** Generation refused with an error diagnostic carrying `code`. */
async function expectRejected(dir: string, code: string): Promise<void> {
  const r = await generate(dir);
  expectClean(r);
  expect(r.status, r.stdout + r.stderr).toBe(1);
  const errors = diagnostics(r)
    .filter((d) => d.severity === "error")
    .map((d) => d.code);
  expect(errors, r.stdout).toContain(code);
}

/** `{"type":"object","properties":{"a": … }}` nested `depth` times around a string, as text. */
function nestedObjects(depth: number): string {
  return `{"name":"Deep",${'"type":"object","properties":{"a":{'.repeat(depth)}"type":"string"${"}}".repeat(depth)}}`;
}

function nestedArrays(depth: number): string {
  return `{"name":"Deep",${'"type":"array","items":{'.repeat(depth)}"type":"string"${"}".repeat(depth)}}`;
}

/** 2 000 object definitions, T0 → T1 → … → T1999 (and back to T0 when `ring`). */
function chain(n: number, ring: boolean): object {
  const definitions: Record<string, object> = {};
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? i + 1 : ring ? 0 : undefined;
    definitions[`T${i}`] = {
      type: "object",
      properties: {
        id: { type: "string" },
        n: { type: "int32" },
        ...(next !== undefined ? { next: { type: { $ref: `#/definitions/T${next}` } } } : {}),
      },
      required: ["id"],
    };
  }
  return { name: "Huge", $root: "#/definitions/T0", definitions };
}

describe("huge", () => {
  it.concurrent("2 000 definitions, each referring to the next: validators compile and give results", async () => {
    const dir = corpus("huge-chain", { "huge.struct.json": chain(2000, false) });
    const good = instance("huge-good", { id: "a", n: 1, next: { id: "b", next: { id: "c" } } });
    const bad = instance("huge-bad", { id: "a", next: { id: "b", next: { id: 3 } } });
    const r = await cli(["validate", "--schemas", dir, "--json", good, bad]);
    expectClean(r);
    expect(r.status, r.stderr).toBe(1);
    const results = JSON.parse(r.stdout) as { valid: boolean; errors: { pointer: string; code: string }[] }[];
    expect(results.map((x) => x.valid)).toEqual([true, false]);
    expect(results[1]!.errors).toContainEqual(
      expect.objectContaining({ pointer: "/next/next/id", code: "INSTANCE_STRING_EXPECTED" }),
    );
  });

  it.concurrent("a ring of 2 000 definitions ends with a coded error, not a stack overflow", async () => {
    const dir = corpus("huge-ring", { "ring.struct.json": chain(2000, true) });
    const r = await cli(["validate", "--schemas", dir, "--json", instance("ring", { id: "a" })]);
    expectClean(r);
    if (r.status === 1 && r.stdout.includes('"diagnostics"'))
      expect(diagnostics(r).map((d) => d.code)).toContain("EMIT_VALIDATOR_FAILED");
    else expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ valid: true })]);
  });
});

describe("deeply nested", () => {
  it.concurrent("3 000 nested objects → SCHEMA_MAX_DEPTH_EXCEEDED", async () => {
    await expectRejected(corpus("deep-3000", { "deep.struct.json": nestedObjects(3000) }), "SCHEMA_MAX_DEPTH_EXCEEDED");
  });

  it.concurrent(
    "1 300 nested objects (once a crash while comparing inlined items) → SCHEMA_MAX_DEPTH_EXCEEDED",
    async () => {
      await expectRejected(
        corpus("deep-1300", { "deep.struct.json": nestedObjects(1300) }),
        "SCHEMA_MAX_DEPTH_EXCEEDED",
      );
    },
  );

  it.concurrent(
    "200 nested arrays (once a crash while formatting the output) → SCHEMA_MAX_DEPTH_EXCEEDED",
    async () => {
      await expectRejected(
        corpus("deep-arrays-200", { "deep.struct.json": nestedArrays(200) }),
        "SCHEMA_MAX_DEPTH_EXCEEDED",
      );
    },
  );

  it.concurrent("99 nested arrays, just inside the limit, generate", async () => {
    const r = await generate(corpus("deep-arrays-99", { "deep.struct.json": nestedArrays(99) }));
    expectClean(r);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});

describe("self-referencing", () => {
  const list = {
    name: "Lists",
    $root: "#/definitions/Node",
    definitions: {
      Node: {
        type: "object",
        properties: { value: { type: "int32" }, next: { type: { $ref: "#/definitions/Node" } } },
        required: ["value"],
      },
    },
  };

  it.concurrent("a recursive linked list generates and validates", async () => {
    const dir = corpus("linked-list", { "list.struct.json": list });
    const g = await generate(dir);
    expectClean(g);
    expect(g.status, g.stdout + g.stderr).toBe(0);
    const good = instance("list-good", { value: 1, next: { value: 2, next: { value: 3 } } });
    const bad = instance("list-bad", { value: 1, next: { value: 2, next: { value: "3" } } });
    const r = await cli(["validate", "--schemas", dir, "--json", good, bad]);
    expectClean(r);
    const results = JSON.parse(r.stdout) as { valid: boolean; errors: { pointer: string; code: string }[] }[];
    expect(results.map((x) => x.valid)).toEqual([true, false]);
    expect(results[1]!.errors).toContainEqual(expect.objectContaining({ pointer: "/next/next/value" }));
  });

  it.concurrent('{"type":{"$ref":"#/definitions/A"}} for A itself → SCHEMA_REF_CIRCULAR', async () => {
    await expectRejected(
      corpus("ref-self", {
        "a.struct.json": {
          name: "Root",
          $root: "#/definitions/A",
          definitions: { A: { type: { $ref: "#/definitions/A" } } },
        },
      }),
      "SCHEMA_REF_CIRCULAR",
    );
  });

  it.concurrent("an alias cycle A → B → A → SCHEMA_REF_CIRCULAR", async () => {
    const definitions = { A: { type: { $ref: "#/definitions/B" } }, B: { type: { $ref: "#/definitions/A" } } };
    await expectRejected(
      corpus("ref-cycle", { "a.struct.json": { name: "Root", $root: "#/definitions/A", definitions } }),
      "SCHEMA_REF_CIRCULAR",
    );
  });

  it.concurrent("an object extending itself → SCHEMA_EXTENDS_INVALID", async () => {
    const definitions = { A: { type: "object", $extends: "#/definitions/A", properties: { a: { type: "string" } } } };
    await expectRejected(
      corpus("extends-self", { "a.struct.json": { name: "Root", $root: "#/definitions/A", definitions } }),
      "SCHEMA_EXTENDS_INVALID",
    );
  });

  it.concurrent("a cycle of $extends (A → B → C → A) → SCHEMA_EXTENDS_INVALID", async () => {
    const definitions = {
      A: { type: "object", $extends: "#/definitions/B", properties: { a: { type: "string" } } },
      B: { type: "object", $extends: "#/definitions/C", properties: { b: { type: "string" } } },
      C: { type: "object", $extends: "#/definitions/A", properties: { c: { type: "string" } } },
    };
    await expectRejected(
      corpus("extends-cycle", { "a.struct.json": { name: "Root", $root: "#/definitions/A", definitions } }),
      "SCHEMA_EXTENDS_INVALID",
    );
  });

  it.concurrent("two documents that $import each other end with a result", async () => {
    const dir = corpus("import-cycle", {
      "a.struct.json": {
        name: "A",
        type: "object",
        $import: "b.struct.json",
        properties: { b: { type: { $ref: "#/definitions/B" } } },
      },
      "b.struct.json": {
        name: "B",
        type: "object",
        $import: "a.struct.json",
        properties: { a: { type: { $ref: "#/definitions/A" } } },
      },
    });
    const r = await cli([
      "validate",
      "--schemas",
      dir,
      "--type",
      "A",
      instance("import-cycle", { b: { a: { b: {} } } }),
    ]);
    expectClean(r);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});

describe("contradictory", () => {
  const doc = (schema: object, uses = true) => ({
    "c.struct.json": { name: "C", ...(uses ? { $uses: ["JSONStructureValidation"] } : {}), ...schema },
  });

  const cases: [string, Record<string, object>, string][] = [
    ["minLength > maxLength", doc({ type: "string", minLength: 10, maxLength: 5 }), "SCHEMA_MIN_GREATER_THAN_MAX"],
    [
      "minLength > maxLength, without $uses",
      doc({ type: "string", minLength: 10, maxLength: 5 }, false),
      "SCHEMA_MIN_GREATER_THAN_MAX",
    ],
    ["minimum > maximum", doc({ type: "int32", minimum: 10, maximum: 1 }), "SCHEMA_MIN_GREATER_THAN_MAX"],
    [
      "minimum > maximum on an int64 (string bounds)",
      doc({ type: "int64", minimum: "9000000000000000000", maximum: "1" }),
      "SCHEMA_MIN_GREATER_THAN_MAX",
    ],
    [
      "minItems > maxItems",
      doc({ type: "array", items: { type: "string" }, minItems: 3, maxItems: 2 }),
      "SCHEMA_MIN_GREATER_THAN_MAX",
    ],
    [
      "a required name not in properties",
      doc({ type: "object", properties: { a: { type: "string" } }, required: ["a", "b"] }),
      "SCHEMA_REQUIRED_PROPERTY_NOT_DEFINED",
    ],
    [
      "a required alternative naming an unknown property",
      doc({ type: "object", properties: { a: { type: "string" } }, required: [["a"], ["zz"]] }),
      "SCHEMA_REQUIRED_PROPERTY_NOT_DEFINED",
    ],
    [
      "a tuple whose order names unknown properties",
      doc({ type: "tuple", properties: { x: { type: "int32" } }, tuple: ["x", "y"] }),
      "SCHEMA_TUPLE_ORDER_INVALID",
    ],
    [
      "a tuple whose order leaves a property out",
      doc({ type: "tuple", properties: { x: { type: "int32" }, y: { type: "int32" } }, tuple: ["x"] }),
      "SCHEMA_TUPLE_ORDER_INVALID",
    ],
    ["a choice without choices", doc({ type: "choice", selector: "kind" }), "SCHEMA_CHOICE_MISSING_CHOICES"],
    ["an enum with a duplicate", doc({ type: "string", enum: ["a", "a"] }), "SCHEMA_ENUM_DUPLICATES"],
  ];
  for (const [what, files, code] of cases) {
    it.concurrent(`${what} → ${code}`, async () => {
      await expectRejected(corpus(`contradictory-${what.replace(/\W+/g, "-")}`, files), code);
    });
  }

  // A boolean in a string enum is a known conversion defect that reconciliation repairs, so a
  // member of the wrong type is a warning, and the schema still generates.
  it.concurrent("an enum whose values do not fit the type → SCHEMA_ENUM_MEMBER_TYPE_MISMATCH (a warning)", async () => {
    const r = await generate(corpus("contradictory-enum-type", doc({ type: "int32", enum: ["one", "two", 3] })));
    expectClean(r);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const warned = diagnostics(r).filter((d) => d.code === "SCHEMA_ENUM_MEMBER_TYPE_MISMATCH");
    expect(warned).toHaveLength(2);
    expect(warned.every((d) => d.severity === "warning")).toBe(true);
  });
});
