// Another service reconciled through its structgen.config.json alone: a hand-written slice of Amazon
// DynamoDB (test/fixtures/reconcile-other) in the bundled corpus's dialect, with its own
// botocore-style model as the authority. Nothing in the engine knows either service.
import { promises as fs, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type CorpusResult } from "../../generator/index.js";
import type { Decision } from "../../generator/ir/model.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = path.join(ROOT, "test/fixtures/reconcile-other");

interface Issue {
  pointer: string;
  code: string;
  message: string;
}
interface Drift {
  pointer: string;
  kind: string;
  value: unknown;
  known?: string[];
}
type Validate = (value: unknown, options?: { strict?: boolean }) => { valid: boolean; errors: Issue[]; drift: Drift[] };

interface Report {
  corpus: string;
  authority?: string;
  sources: { id: string; kind: string }[];
  summary: { decisions: number; disagreements: number; byKind: Record<string, number> };
  decisions: Decision[];
}

let tmp: string;
let out: string;
let result: CorpusResult;
let report: Report;
let validators: Record<string, Validate>;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-reconcile-other-"));
  const results = await generate({ config: path.join(FIXTURE, "structgen.config.json"), out: tmp });
  expect(results).toHaveLength(1);
  result = results[0]!;
  out = path.join(tmp, "dynamodb-slice");
  report = JSON.parse(await fs.readFile(path.join(out, "reconciliation.json"), "utf8")) as Report;
  validators = (
    (await import(pathToFileURL(path.join(out, "validators.js")).href)) as { validators: Record<string, Validate> }
  ).validators;
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const read = (f: string) => readFileSync(path.join(out, f), "utf8");
/** Whitespace collapsed, so formatting (line wrapping) does not matter. */
const flat = (f: string) => read(f).replace(/\s+/g, " ");
const find = (subject: string, kind: string): Decision => {
  const d = report.decisions.find((x) => x.subject === subject && x.kind === kind);
  if (!d) throw new Error(`no ${kind} decision on ${subject}`);
  return d;
};
const v = (type: string): Validate => {
  const f = validators[type];
  if (!f) throw new Error(`no validator for ${type}`);
  return f;
};

const table = () => ({
  TableName: "Music",
  TableStatus: "ACTIVE",
  CreationDateTime: 1700000000.25,
  TableArn: "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
  TableId: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
  TableClass: "STANDARD",
  ContributorInsightsMode: "ON",
});

describe("a DynamoDB slice, reconciled through its structgen.config.json", () => {
  it("generates the corpus the config names, with only non-error diagnostics", () => {
    expect(result.corpus).toBe("dynamodb-slice");
    expect(result.outDir).toBe(out);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual([
      "SCHEMA_ENUM_MEMBER_TYPE_MISMATCH",
      "SCHEMA_ENUM_MEMBER_TYPE_MISMATCH",
      "SCHEMA_TYPELESS_ERROR_SHAPE",
    ]);
    // 9 corpus files + 2 shapes imported from botocore for added/adopted members.
    expect(readdirSync(path.join(FIXTURE, "dynamodb-slice")).filter((f) => f.endsWith(".json"))).toHaveLength(9);
    expect(result.types).toBe(11);
    // No aws-sdk source, so no SDK views.
    expect(() => statSync(path.join(out, "sdk.ts"))).toThrow();
    expect(statSync(path.join(out, "types.strict.ts")).isFile()).toBe(true);
  });

  it("reconciliation.json: sources, authority and exactly the expected decisions", () => {
    expect(report.corpus).toBe("dynamodb-slice");
    expect(report.authority).toBe("botocore");
    expect(report.sources.map((s) => `${s.id}/${s.kind}`)).toEqual([
      "json-structure/json-structure",
      "botocore/botocore",
    ]);
    expect(report.decisions.map((d) => `${d.kind} ${d.subject}`)).toEqual([
      "boolean-enum-repair ContributorInsightsMode",
      "boolean-enum-repair ContributorInsightsMode",
      "timestamp Date",
      "member-shape DescribeTableInput.TableName",
      "required DescribeTableInput.TableName",
      "type-missing ErrorMessage",
      "type-missing TableArn",
      "deprecated TableDescription.StreamLabel",
      "known-values TableDescription.TableClass",
      "member-missing TableDescription.TableId",
      "enum-prose TableDescription.TableStatus",
      "type-missing TableId",
      "constraint:pattern TableName",
      "enum-members TableStatus",
    ]);
    expect(report.summary.decisions).toBe(14);
    expect(report.summary.byKind).toMatchObject({ "boolean-enum-repair": 2, "type-missing": 3 });
  });

  it("reconciliation.json: the decisions say what was decided and why", () => {
    expect(find("TableStatus", "enum-members")).toMatchObject({
      rule: "enumMembers=union",
      decision: expect.stringMatching(
        /^members: CREATING, UPDATING, DELETING, ACTIVE, INACCESSIBLE_ENCRYPTION_CREDENTIALS, ARCHIVING, ARCHIVED;/,
      ),
    });
    expect(find("TableStatus", "enum-members").claims[1]).toMatchObject({
      source: "botocore",
      at: { file: "sources/botocore/service-2.json", pointer: "/shapes/TableStatus" },
    });
    expect(find("Date", "timestamp").decision).toContain("epoch seconds");
    expect(find("DescribeTableInput.TableName", "required")).toMatchObject({
      decision: "required",
      rule: "required=authority",
    });
    expect(find("DescribeTableInput.TableName", "member-shape").decision).toBe("shape TableArn (the newer model)");
    expect(find("TableDescription.TableId", "member-missing").decision).toBe("added from botocore");
    expect(find("TableId", "type-missing").decision).toBe("imported from botocore (an added member needs it)");
    expect(find("ErrorMessage", "type-missing").decision).toBe("not added: nothing in the corpus refers to it");
    expect(find("TableDescription.StreamLabel", "deprecated").claims.map((c) => c.source)).toEqual([
      "json-structure",
      "botocore",
    ]);
    expect(find("TableDescription.TableClass", "known-values").decision).toMatch(
      /^known values STANDARD, STANDARD_INFREQUENT_ACCESS;/,
    );
    expect(find("TableDescription.TableStatus", "enum-prose").claims.map((c) => c.claim)).toContain(
      "prose lists CREATING, UPDATING, DELETING, ACTIVE; omits INACCESSIBLE_ENCRYPTION_CREDENTIALS, ARCHIVING, ARCHIVED",
    );
    expect(find("TableName", "constraint:pattern").decision).toBe('pattern "[a-zA-Z0-9_.-]+" (the newer model)');
  });

  it("types.ts: repaired and widened enums, epoch-seconds numbers, added and deprecated members", () => {
    const t = flat("types.ts");
    expect(t).toContain('export type ContributorInsightsMode = "OFF" | "ON";');
    expect(t).toContain(
      'export type TableStatus = "ACTIVE" | "ARCHIVED" | "ARCHIVING" | "CREATING" | "DELETING" | "INACCESSIBLE_ENCRYPTION_CREDENTIALS" | "UPDATING";',
    );
    expect(t).toContain("export type TableStatusOpen = TableStatus | (string & {});");
    expect(t).toContain("export type Date_ = number;");
    expect(t).toContain("CreationDateTime?: Date_;");
    expect(t).toContain("TableStatus?: TableStatusOpen;");
    expect(t).toMatch(/export interface DescribeTableInput \{ (?:\/\*\*(?:(?!\*\/).)*\*\/ )?TableName: TableArn; \}/);
    expect(t).toContain("TableId?: TableId;");
    expect(t).toContain('TableClass?: "STANDARD" | "STANDARD_INFREQUENT_ACCESS" | (string & {});');
    expect(t).toMatch(/@deprecated This parameter is no longer supported\. \*\/ StreamLabel\?: String_;/);
    expect(t).not.toMatch(/\bfalse\b|\btrue\b/);
    const strict = flat("types.strict.ts");
    expect(strict).toContain("TableStatus?: TableStatus;");
    expect(strict).toContain('TableClass?: "STANDARD" | "STANDARD_INFREQUENT_ACCESS";');
  });

  it("validators: epoch numbers accepted, RFC 3339 strings and booleans rejected", () => {
    expect(v("TableDescription")(table())).toEqual({ valid: true, errors: [], drift: [] });
    const iso = v("TableDescription")({ ...table(), CreationDateTime: "2023-11-14T22:13:20Z" });
    expect(iso.valid).toBe(false);
    expect(iso.errors.map((e) => `${e.pointer} ${e.code}`)).toEqual(["/CreationDateTime INSTANCE_NUMBER_EXPECTED"]);
    const bool = v("TableDescription")({ ...table(), ContributorInsightsMode: true });
    expect(bool.valid).toBe(false);
    expect(bool.errors.map((e) => e.pointer)).toEqual(["/ContributorInsightsMode"]);
  });

  it("validators: an unknown enum value is drift, an error in strict mode", () => {
    const r = v("TableDescription")({ ...table(), TableStatus: "MIGRATING" });
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.drift).toEqual([
      {
        pointer: "/TableStatus",
        kind: "unknown-value",
        value: "MIGRATING",
        known: [
          "ACTIVE",
          "ARCHIVED",
          "ARCHIVING",
          "CREATING",
          "DELETING",
          "INACCESSIBLE_ENCRYPTION_CREDENTIALS",
          "UPDATING",
        ],
      },
    ]);
    const strict = v("TableDescription")({ ...table(), TableStatus: "MIGRATING" }, { strict: true });
    expect(strict.valid).toBe(false);
    expect(strict.errors.map((e) => `${e.pointer} ${e.code}`)).toEqual(["/TableStatus INSTANCE_ENUM_MISMATCH"]);
    // A value botocore added is not drift.
    expect(v("TableDescription")({ ...table(), TableStatus: "ARCHIVED" }).drift).toEqual([]);
    // Known values from prose drift the same way.
    expect(v("TableDescription")({ ...table(), TableClass: "PREMIUM" }).drift.map((d) => d.pointer)).toEqual([
      "/TableClass",
    ]);
  });

  it("validators: required and constraints from the authority", () => {
    expect(v("DescribeTableInput")({}).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      "/TableName INSTANCE_REQUIRED_PROPERTY_MISSING",
    ]);
    expect(v("DescribeTableInput")({ TableName: "arn:aws:dynamodb:us-east-1:123456789012:table/Music" }).valid).toBe(
      true,
    );
    expect(v("DescribeTableInput")({ TableName: "" }).errors.map((e) => e.code)).toEqual([
      "INSTANCE_STRING_MIN_LENGTH",
    ]);
    expect(v("TableDescription")({ ...table(), TableName: "???" }).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual(
      ["/TableName INSTANCE_STRING_PATTERN_MISMATCH"],
    );
    expect(
      v("TableDescription")({ ...table(), TableId: "not-a-uuid" }).errors.map((e) => `${e.pointer} ${e.code}`),
    ).toEqual(["/TableId INSTANCE_STRING_PATTERN_MISMATCH"]);
  });
});

describe("the engine has no service names", () => {
  it("generator/ never mentions Cognito or its shapes (code and comments)", () => {
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else
          readFileSync(p, "utf8")
            .split("\n")
            .forEach((line, i) => {
              if (/Cognito|cognito|UserStatus|MFA/.test(line))
                hits.push(`${path.relative(ROOT, p)}:${i + 1}: ${line.trim()}`);
            });
      }
    };
    walk(path.join(ROOT, "generator"));
    expect(hits).toEqual([]);
  });
});
