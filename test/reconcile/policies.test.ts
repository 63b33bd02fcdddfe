// reconcile() policy by policy: small JSON Structure corpora (resolved for real) against
// hand-built evidence, so each policy's effect on the IR and its recorded decision are checked
// in isolation.
import { describe, expect, it } from "vitest";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import { hasErrors } from "../../generator/diagnostics/diagnostic.js";
import type { Decision, EnumMember, Member, Model, NamedType, TypeNode } from "../../generator/ir/model.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { DEFAULT_POLICIES, type Override, type Policies } from "../../generator/reconcile/config.js";
import type { Evidence, MemberClaim, Observation, ShapeClaim, SourceKind } from "../../generator/reconcile/evidence.js";
import { reconcile, type ReconcileMemo } from "../../generator/reconcile/index.js";
import { buildMemos } from "../../generator/cache/build-memo.js";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { resolve } from "../../generator/resolve/index.js";

// ---------------------------------------------------------------- corpus builders

const S = "https://json-structure.org/meta/core/v0/#";

/** One file in the OpenAPI-derived dialect of the bundled corpus. */
function doc(name: string, body: Record<string, unknown>): [string, string] {
  return [
    `${name}.json`,
    JSON.stringify(
      {
        ...body,
        $schema: S,
        $id: `https://example.com/json-structure/${name}.json`,
        name,
        description: `${name} schema`,
      },
      null,
      2,
    ),
  ];
}

/** A member as the dialect writes it: a reference plus the member's own description. */
const ref = (target: string, description?: string) => ({
  allOf: [{ $ref: `#/components/schemas/${target}` }, ...(description !== undefined ? [{ description }] : [])],
});

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  properties,
  ...(required.length ? { required } : {}),
});

function build(files: [string, string][]): Model {
  const { corpus, diagnostics } = corpusFromTexts("test", Object.fromEntries(files));
  expect(diagnostics).toEqual([]);
  const model = resolve(corpus);
  expect(hasErrors(model.diagnostics)).toBe(false);
  return model;
}

// ---------------------------------------------------------------- evidence builders

function evidence(id: string, kind: SourceKind, shapes: ShapeClaim[], observations?: Observation[]): Evidence {
  return {
    source: { id, kind, description: `${id} (test)` },
    shapes: new Map(
      shapes.map((s) => [
        s.name,
        { ...s, at: { file: `${id}.json`, pointer: `/shapes/${s.name}`, line: 1, column: 1 } },
      ]),
    ),
    ...(observations ? { observations } : {}),
  };
}
const botocore = (...shapes: ShapeClaim[]) => evidence("botocore", "botocore", shapes);
const awsSdk = (...shapes: ShapeClaim[]) => evidence("aws-sdk", "aws-sdk", shapes);

const str = (name: string, extra: Partial<ShapeClaim> = {}): ShapeClaim => ({ name, kind: "string", ...extra });
const enumShape = (name: string, values: string[]): ShapeClaim => ({ name, kind: "enum", enum: values });
const struct = (name: string, members: Record<string, MemberClaim>): ShapeClaim => ({ name, kind: "object", members });

// ---------------------------------------------------------------- model accessors

function type(model: Model, name: string): NamedType {
  const t = model.types.find((x) => x.sourceName === name);
  if (!t) throw new Error(`no type ${name}; have ${model.types.map((x) => x.sourceName).join(", ")}`);
  return t;
}
function member(model: Model, typeName: string, name: string): Member {
  const n = type(model, typeName).node;
  if (n.kind !== "object") throw new Error(`${typeName} is a ${n.kind}`);
  const m = n.members.find((x) => x.name === name);
  if (!m) throw new Error(`${typeName} has no member ${name}; has ${n.members.map((x) => x.name).join(", ")}`);
  return m;
}
function enumMembers(model: Model, name: string): EnumMember[] {
  const n = type(model, name).node;
  if (n.kind !== "enum") throw new Error(`${name} is a ${n.kind}, not an enum`);
  return n.members;
}
const values = (ms: readonly EnumMember[] | undefined): unknown[] => (ms ?? []).map((m) => m.value);
/** "source:claim" for each fact about `about` on an enum member or known value. */
const factsOf = (m: EnumMember | undefined, about: string): string[] =>
  (m?.attrs.facts ?? []).filter((f) => f.about === about).map((f) => `${f.source}:${f.claim ?? ""}`);

const decisions = (model: Model): Decision[] => model.reconciliation?.decisions ?? [];
function decision(model: Model, subject: string, kind: string): Decision {
  const found = decisions(model).filter((d) => d.subject === subject && d.kind === kind);
  if (found.length !== 1)
    throw new Error(
      `expected one ${kind} decision on ${subject}, found ${found.length}; have ${decisions(model)
        .map((d) => `${d.kind}@${d.subject}`)
        .join(", ")}`,
    );
  return found[0]!;
}
const kindsOn = (model: Model, subject: string): string[] =>
  decisions(model)
    .filter((d) => d.subject === subject)
    .map((d) => d.kind)
    .sort();
const claimSources = (d: Decision): string[] => d.claims.map((c) => c.source);

// ---------------------------------------------------------------- the table

interface Case {
  name: string;
  files: [string, string][];
  evidence: Evidence[];
  authority?: string;
  policies?: Partial<Policies>;
  overrides?: Override[];
  check(model: Model, input: Model): void;
}

const config = (c: Pick<Case, "authority" | "policies" | "overrides">) => ({
  ...(c.authority !== undefined ? { authority: c.authority } : {}),
  policies: { ...DEFAULT_POLICIES, ...(c.policies ?? {}) },
  overrides: c.overrides ?? [],
});

// A corpus whose MFA-like enum went through a YAML conversion: OFF/ON became false/true.
const booleanEnumFiles = [doc("PoolMode", { type: "string", enum: [false, true, "OPTIONAL"] })];

const cases: Case[] = [
  {
    name: "boolean enum repair: false/true become the authority's OFF/ON",
    files: booleanEnumFiles,
    evidence: [botocore(enumShape("PoolMode", ["OFF", "ON", "OPTIONAL"]))],
    authority: "botocore",
    check(model) {
      expect(values(enumMembers(model, "PoolMode"))).toEqual(["OFF", "ON", "OPTIONAL"]);
      const repairs = decisions(model).filter((d) => d.kind === "boolean-enum-repair");
      expect(repairs).toHaveLength(2);
      for (const d of repairs) {
        expect(d).toMatchObject({ subject: "PoolMode", rule: "repairBooleanEnums", disagreement: true });
        expect(claimSources(d)).toEqual(["json-structure", "botocore"]);
      }
      expect(repairs.map((d) => d.decision).sort()).toEqual([
        'false is "OFF" (a YAML conversion read the service\'s OFF as a boolean)',
        'true is "ON" (a YAML conversion read the service\'s ON as a boolean)',
      ]);
      const off = enumMembers(model, "PoolMode").find((m) => m.value === "OFF");
      expect(factsOf(off, "enum")).toContain('botocore:repaired boolean false to "OFF"');
      // The repair does not hide that the authority lists the value.
      expect(factsOf(off, "enum")).toContain("botocore:lists");
      expect(factsOf(off, "enum")).not.toContain("json-structure:omits");
      // After the repair the corpus and the authority agree: no membership decision.
      expect(kindsOn(model, "PoolMode")).toEqual(["boolean-enum-repair", "boolean-enum-repair"]);
    },
  },
  {
    name: "boolean enum repair off: booleans stay, the union adds OFF/ON and records it",
    files: booleanEnumFiles,
    evidence: [botocore(enumShape("PoolMode", ["OFF", "ON", "OPTIONAL"]))],
    authority: "botocore",
    policies: { repairBooleanEnums: false },
    check(model) {
      expect(values(enumMembers(model, "PoolMode"))).toEqual(["OPTIONAL", "OFF", "ON"]);
      expect(decisions(model).some((d) => d.kind === "boolean-enum-repair")).toBe(false);
      expect(decision(model, "PoolMode", "enum-members").rule).toBe("enumMembers=union");
    },
  },
  {
    name: "boolean enum repair needs an authority",
    files: booleanEnumFiles,
    evidence: [botocore(enumShape("PoolMode", ["OFF", "ON", "OPTIONAL"]))],
    check(model) {
      expect(decisions(model).some((d) => d.kind === "boolean-enum-repair")).toBe(false);
      // OFF comes from the union, not from a repair: the corpus omits it and nothing was repaired.
      const off = enumMembers(model, "PoolMode").find((m) => m.value === "OFF");
      expect(factsOf(off, "enum")).toEqual(["json-structure:omits", "botocore:lists"]);
      expect(model.reconciliation?.authority).toBeUndefined();
    },
  },
  {
    name: "enum union: every source's values, each member's facts say who lists or omits it",
    files: [doc("Status", { type: "string", enum: ["ACTIVE", "DELETING"] })],
    evidence: [
      botocore(enumShape("Status", ["ACTIVE", "DELETING", "ARCHIVED"])),
      awsSdk(enumShape("Status", ["ACTIVE", "ARCHIVED", "DELETING", "UPDATING"])),
    ],
    authority: "botocore",
    check(model) {
      const ms = enumMembers(model, "Status");
      expect(values(ms)).toEqual(["ACTIVE", "DELETING", "ARCHIVED", "UPDATING"]);
      const by = (v: string) => ms.find((m) => m.value === v);
      expect(factsOf(by("ARCHIVED"), "enum")).toEqual(
        expect.arrayContaining(["json-structure:omits", "botocore:lists", "aws-sdk:lists"]),
      );
      expect(factsOf(by("UPDATING"), "enum")).toEqual(
        expect.arrayContaining(["json-structure:omits", "botocore:omits", "aws-sdk:lists"]),
      );
      expect(factsOf(by("ACTIVE"), "enum")).toEqual(expect.arrayContaining(["botocore:lists", "aws-sdk:lists"]));
      expect(factsOf(by("ACTIVE"), "enum")).not.toContain("json-structure:omits");
      const d = decision(model, "Status", "enum-members");
      expect(d).toMatchObject({ rule: "enumMembers=union", disagreement: true });
      expect(d.decision).toMatch(/^members: ACTIVE, DELETING, ARCHIVED, UPDATING; open at run time/);
      expect(d.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        "json-structure: lists ACTIVE, DELETING",
        "botocore: lists ACTIVE, DELETING, ARCHIVED",
        "aws-sdk: lists ACTIVE, ARCHIVED, DELETING, UPDATING",
      ]);
    },
  },
  {
    name: "enum members from the authority alone when enumMembers=authority",
    files: [doc("Status", { type: "string", enum: ["ACTIVE", "DELETING"] })],
    evidence: [
      botocore(enumShape("Status", ["ACTIVE", "ARCHIVED"])),
      awsSdk(enumShape("Status", ["ACTIVE", "UPDATING"])),
    ],
    authority: "botocore",
    policies: { enumMembers: "authority" },
    check(model) {
      expect(values(enumMembers(model, "Status"))).toEqual(["ACTIVE", "ARCHIVED"]);
      expect(decision(model, "Status", "enum-members").rule).toBe("enumMembers=authority");
    },
  },
  {
    name: "open flag: enums are open by default, with or without other evidence",
    files: [doc("Status", { type: "string", enum: ["ACTIVE"] }), doc("Lonely", { type: "string", enum: ["X_Y"] })],
    evidence: [botocore(enumShape("Status", ["ACTIVE", "ARCHIVED"]))],
    authority: "botocore",
    check(model) {
      for (const name of ["Status", "Lonely"]) {
        const n = type(model, name).node;
        expect(n.kind === "enum" && n.open).toBe(true);
      }
      expect(decision(model, "Status", "enum-members").decision).toContain("open at run time");
    },
  },
  {
    name: "open flag: openEnums=false closes every enum",
    files: [doc("Status", { type: "string", enum: ["ACTIVE"] }), doc("Lonely", { type: "string", enum: ["X_Y"] })],
    evidence: [botocore(enumShape("Status", ["ACTIVE", "ARCHIVED"]))],
    authority: "botocore",
    policies: { openEnums: false },
    check(model) {
      for (const name of ["Status", "Lonely"]) {
        const n = type(model, name).node;
        expect(n.kind === "enum" && n.open).toBe(false);
      }
      expect(decision(model, "Status", "enum-members").decision).not.toContain("open at run time");
    },
  },
  {
    name: "required from the authority, with a decision",
    files: [
      doc("Name", { type: "string" }),
      doc("GetThingResponse", object({ ThingName: ref("Name"), Owner: ref("Name") }, ["Owner"])),
    ],
    evidence: [
      botocore(
        str("Name"),
        struct("GetThingResponse", {
          ThingName: { shape: "Name", required: true },
          Owner: { shape: "Name", required: true },
        }),
      ),
    ],
    authority: "botocore",
    check(model) {
      expect(member(model, "GetThingResponse", "ThingName").required).toBe(true);
      const d = decision(model, "GetThingResponse.ThingName", "required");
      expect(d).toMatchObject({ decision: "required", rule: "required=authority", disagreement: true });
      expect(d.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        "json-structure: optional",
        "botocore: required",
      ]);
      expect(member(model, "GetThingResponse", "ThingName").attrs.facts).toContainEqual(
        expect.objectContaining({ about: "required", source: "botocore", claim: "required" }),
      );
      // Where the sources agree there is nothing to decide.
      expect(kindsOn(model, "GetThingResponse.Owner")).toEqual([]);
    },
  },
  {
    name: "required=schema keeps the corpus's word but still records the disagreement",
    files: [doc("Name", { type: "string" }), doc("GetThingResponse", object({ ThingName: ref("Name") }))],
    evidence: [botocore(str("Name"), struct("GetThingResponse", { ThingName: { shape: "Name", required: true } }))],
    authority: "botocore",
    policies: { required: "schema" },
    check(model) {
      expect(member(model, "GetThingResponse", "ThingName").required).toBe(false);
      expect(decision(model, "GetThingResponse.ThingName", "required")).toMatchObject({
        decision: "optional",
        rule: "required=schema",
      });
    },
  },
  {
    name: "timestamp: the JSON protocol's epoch seconds become the encoding",
    files: [doc("DateType", { type: "datetime" })],
    evidence: [botocore({ name: "DateType", kind: "timestamp", timestampWire: "epoch-seconds" })],
    authority: "botocore",
    check(model, input) {
      const n = type(model, "DateType").node;
      expect(n).toMatchObject({ kind: "primitive", primitive: "datetime", encoding: "epoch-seconds" });
      expect(type(input, "DateType").node).not.toHaveProperty("encoding");
      const d = decision(model, "DateType", "timestamp");
      expect(d).toMatchObject({ rule: "timestamps=protocol", disagreement: true });
      expect(d.decision).toContain("epoch seconds");
      expect(claimSources(d)).toEqual(["json-structure", "botocore"]);
    },
  },
  {
    name: "timestamp: an RFC 3339 protocol changes nothing",
    files: [doc("DateType", { type: "datetime" })],
    evidence: [botocore({ name: "DateType", kind: "timestamp", timestampWire: "rfc3339" })],
    authority: "botocore",
    check(model) {
      expect(type(model, "DateType").node).not.toHaveProperty("encoding");
      expect(kindsOn(model, "DateType")).toEqual([]);
    },
  },
  {
    name: "timestamps=schema keeps RFC 3339",
    files: [doc("DateType", { type: "datetime" })],
    evidence: [botocore({ name: "DateType", kind: "timestamp", timestampWire: "epoch-seconds" })],
    authority: "botocore",
    policies: { timestamps: "schema" },
    check(model) {
      expect(type(model, "DateType").node).not.toHaveProperty("encoding");
      expect(kindsOn(model, "DateType")).toEqual([]);
    },
  },
  {
    name: "constraint:pattern from the authority (unicode when it uses \\p{…})",
    files: [doc("TableName", { type: "string", maxLength: 255 })],
    evidence: [botocore(str("TableName", { max: 255, pattern: "[\\p{L}0-9_.-]+" }))],
    authority: "botocore",
    check(model) {
      const n = type(model, "TableName").node;
      expect(n.kind === "primitive" && n.constraints.pattern).toEqual({ source: "[\\p{L}0-9_.-]+", unicode: true });
      expect(n.kind === "primitive" && n.constraints.maxLength).toBe(255);
      const d = decision(model, "TableName", "constraint:pattern");
      expect(d).toMatchObject({ rule: "constraints=authority", disagreement: true });
      expect(d.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        "json-structure: none",
        'botocore: "[\\\\p{L}0-9_.-]+"',
      ]);
      // Equal bounds are no disagreement.
      expect(kindsOn(model, "TableName")).toEqual(["constraint:pattern"]);
    },
  },
  {
    name: "constraints=schema records the pattern but does not adopt it",
    files: [doc("TableName", { type: "string" })],
    evidence: [botocore(str("TableName", { pattern: "[a-z]+" }))],
    authority: "botocore",
    policies: { constraints: "schema" },
    check(model) {
      const n = type(model, "TableName").node;
      expect(n.kind === "primitive" && n.constraints.pattern).toBeUndefined();
      expect(decision(model, "TableName", "constraint:pattern").decision).toBe("pattern kept as the corpus has it");
    },
  },
  {
    name: "member-missing: the member is added and its shape imported from the authority",
    files: [doc("Name", { type: "string" }), doc("DescribeThingOutput", object({ ThingName: ref("Name") }))],
    evidence: [
      botocore(
        str("Name"),
        struct("DescribeThingOutput", {
          ThingName: { shape: "Name" },
          Mode: { shape: "BillingMode", required: true, doc: "How you pay." },
        }),
        enumShape("BillingMode", ["PROVISIONED", "PAY_PER_REQUEST"]),
      ),
    ],
    authority: "botocore",
    check(model) {
      const m = member(model, "DescribeThingOutput", "Mode");
      expect(m.required).toBe(true);
      expect(m.attrs.doc).toBe("How you pay.");
      expect(m.type).toMatchObject({ kind: "ref", name: "BillingMode" });
      expect(m.attrs.facts.map((f) => `${f.source}:${f.about}:${f.claim}`)).toEqual([
        "botocore:member:declares",
        "json-structure:member:omits",
      ]);
      const imported = type(model, "BillingMode");
      expect(imported.node).toMatchObject({ kind: "enum", open: true });
      expect(values(enumMembers(model, "BillingMode"))).toEqual(["PROVISIONED", "PAY_PER_REQUEST"]);
      expect(imported.attrs.facts).toContainEqual(
        expect.objectContaining({ about: "type", source: "botocore", claim: "imported: not in the corpus" }),
      );
      const d = decision(model, "DescribeThingOutput.Mode", "member-missing");
      expect(d).toMatchObject({ decision: "added from botocore", rule: "addMissingMembers=true", disagreement: true });
      expect(d.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        "json-structure: no such member",
        "botocore: member of shape BillingMode, required",
      ]);
      expect(decision(model, "BillingMode", "type-missing").decision).toBe(
        "imported from botocore (an added member needs it)",
      );
    },
  },
  {
    name: "member-missing with addMissingMembers=false: recorded, not added",
    files: [doc("Name", { type: "string" }), doc("DescribeThingOutput", object({ ThingName: ref("Name") }))],
    evidence: [
      botocore(str("Name"), struct("DescribeThingOutput", { ThingName: { shape: "Name" }, Extra: { shape: "Name" } })),
    ],
    authority: "botocore",
    policies: { addMissingMembers: false },
    check(model) {
      const n = type(model, "DescribeThingOutput").node;
      expect(n.kind === "object" && n.members.map((m) => m.name)).toEqual(["ThingName"]);
      expect(decision(model, "DescribeThingOutput.Extra", "member-missing")).toMatchObject({
        decision: "not added",
        rule: "addMissingMembers=false",
      });
    },
  },
  {
    name: "member-shape: the authority's newer shape is adopted (and imported)",
    files: [doc("StringType", { type: "string" }), doc("Thing", object({ Arn: ref("StringType") }))],
    evidence: [
      botocore(
        str("StringType"),
        str("ThingArn", { min: 20, max: 1024 }),
        struct("Thing", { Arn: { shape: "ThingArn" } }),
      ),
    ],
    authority: "botocore",
    check(model) {
      const m = member(model, "Thing", "Arn");
      expect(m.type).toMatchObject({ kind: "ref", name: "ThingArn" });
      expect(type(model, "ThingArn").node).toMatchObject({
        kind: "primitive",
        primitive: "string",
        constraints: { minLength: 20, maxLength: 1024 },
      });
      const d = decision(model, "Thing.Arn", "member-shape");
      expect(d).toMatchObject({
        decision: "shape ThingArn (the newer model)",
        rule: "constraints=authority",
        disagreement: true,
      });
      expect(d.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        "json-structure: shape StringType",
        "botocore: shape ThingArn",
      ]);
      // The imported type brings its own constraints: no constraint "disagreement" with a corpus that lacks it.
      expect(kindsOn(model, "ThingArn")).toEqual(["type-missing"]);
    },
  },
  {
    name: "known values from prose on a string member",
    files: [
      doc("StringType", { type: "string" }),
      doc(
        "Settings",
        object({
          Channel: ref("StringType", "The delivery channel. Valid values are <code>SMS</code> and <code>EMAIL</code>."),
        }),
      ),
    ],
    evidence: [
      botocore(
        str("StringType"),
        struct("Settings", {
          Channel: {
            shape: "StringType",
            doc: "<p>The channel. Valid values are <code>SMS</code>, <code>EMAIL</code> and <code>VOICE_CALL</code>.</p>",
            proseValues: ["SMS", "EMAIL", "VOICE_CALL"],
          },
        }),
      ),
    ],
    authority: "botocore",
    check(model) {
      const t = member(model, "Settings", "Channel").type;
      expect(t.kind).toBe("primitive");
      const known = t.kind === "primitive" ? t.knownValues : undefined;
      expect(values(known)).toEqual(["SMS", "EMAIL", "VOICE_CALL"]);
      const voice = known?.find((k) => k.value === "VOICE_CALL");
      expect(factsOf(voice, "known-value")).toEqual(["json-structure:omits", "botocore:lists"]);
      expect(factsOf(known?.[0], "known-value")).toEqual(["json-structure:lists", "botocore:lists"]);
      const d = decision(model, "Settings.Channel", "known-values");
      expect(d).toMatchObject({ rule: "knownValuesFromProse", disagreement: true });
      expect(d.decision).toBe(
        "known values SMS, EMAIL, VOICE_CALL; any other string is accepted (drift), rejected in strict mode",
      );
      // The shared StringType is not touched: only this member gets known values.
      expect(type(model, "StringType").node).not.toHaveProperty("knownValues");
    },
  },
  {
    name: "known values from prose on an array of strings (subject Type.Member[])",
    files: [
      doc("KindList", { type: "array", items: { type: "string" } }),
      doc(
        "Settings",
        object({
          Kinds: ref(
            "KindList",
            "The kinds in use. The possible values in this list are <code>HASH_KEY</code> and <code>RANGE_KEY</code>.",
          ),
        }),
      ),
    ],
    evidence: [],
    check(model) {
      const t = member(model, "Settings", "Kinds").type;
      expect(t.kind).toBe("array");
      const items: TypeNode | undefined = t.kind === "array" ? t.items : undefined;
      expect(items?.kind === "primitive" && values(items.knownValues)).toEqual(["HASH_KEY", "RANGE_KEY"]);
      expect(decision(model, "Settings.Kinds[]", "known-values").disagreement).toBe(false);
      const list = type(model, "KindList").node;
      expect(list.kind === "array" && list.items).not.toHaveProperty("knownValues");
    },
  },
  {
    name: "knownValuesFromProse=false leaves strings plain",
    files: [
      doc("StringType", { type: "string" }),
      doc(
        "Settings",
        object({ Channel: ref("StringType", "Valid values are <code>SMS</code> and <code>EMAIL</code>.") }),
      ),
    ],
    evidence: [],
    policies: { knownValuesFromProse: false },
    check(model) {
      expect(member(model, "Settings", "Channel").type).toMatchObject({ kind: "ref", name: "StringType" });
      expect(decisions(model)).toEqual([]);
    },
  },
  {
    name: "deprecated from prose",
    files: [
      doc("StringType", { type: "string" }),
      doc(
        "Thing",
        object({
          OldOptions: ref(
            "StringType",
            " <i>This response parameter is no longer supported.</i> Use NewOptions instead.",
          ),
          Name: ref("StringType", "The name."),
        }),
      ),
    ],
    evidence: [
      botocore(
        str("StringType"),
        struct("Thing", { OldOptions: { shape: "StringType" }, Name: { shape: "StringType" } }),
      ),
    ],
    authority: "botocore",
    check(model) {
      expect(member(model, "Thing", "OldOptions").attrs.deprecated).toBe(
        "This response parameter is no longer supported.",
      );
      expect(member(model, "Thing", "Name").attrs.deprecated).toBeUndefined();
      const d = decision(model, "Thing.OldOptions", "deprecated");
      expect(d).toMatchObject({
        rule: "deprecatedFromProse",
        decision: "deprecated (from prose; no source flags it)",
        disagreement: true,
      });
      expect(d.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        'json-structure: prose: "This response parameter is no longer supported."',
        "botocore: not marked",
      ]);
    },
  },
  {
    name: "deprecatedFromProse=false: no deprecation",
    files: [
      doc("StringType", { type: "string" }),
      doc("Thing", object({ OldOptions: ref("StringType", "This parameter is no longer supported.") })),
    ],
    evidence: [],
    policies: { deprecatedFromProse: false },
    check(model) {
      expect(member(model, "Thing", "OldOptions").attrs.deprecated).toBeUndefined();
      expect(decisions(model)).toEqual([]);
    },
  },
  {
    name: "enum-prose: prose listing fewer values than the enum is evidence only",
    files: [
      doc("TableStatus", { type: "string", enum: ["CREATING", "ACTIVE", "ARCHIVED"] }),
      doc(
        "Table",
        object({
          Status: ref(
            "TableStatus",
            "<p>The status. Can be one of the following:</p> <ul> <li> <p>CREATING - Being created.</p> </li> <li> <p>ACTIVE - Ready.</p> </li> </ul>",
          ),
        }),
      ),
    ],
    evidence: [],
    check(model) {
      expect(values(enumMembers(model, "TableStatus"))).toEqual(["CREATING", "ACTIVE", "ARCHIVED"]);
      const d = decision(model, "Table.Status", "enum-prose");
      expect(d).toMatchObject({
        rule: "enumMembers",
        disagreement: true,
        decision: "prose is evidence, not a definition: members stay CREATING, ACTIVE, ARCHIVED",
      });
      expect(d.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        "json-structure: prose lists CREATING, ACTIVE; omits ARCHIVED",
      ]);
    },
  },
  {
    name: "type-missing and type-extra",
    files: [
      doc("Name", { type: "string" }),
      doc("LegacyName", { type: "string" }),
      doc("Thing", object({ Name: ref("Name"), Legacy: ref("LegacyName") })),
    ],
    evidence: [
      botocore(
        str("Name"),
        struct("Thing", { Name: { shape: "Name" }, Legacy: { shape: "LegacyName" } }),
        str("LegacyName"),
        { name: "ThingInUseException", kind: "object", error: true, members: {} },
      ),
    ],
    authority: "botocore",
    check(model) {
      const missing = decision(model, "ThingInUseException", "type-missing");
      expect(missing).toMatchObject({
        rule: "types",
        decision: "not added: nothing in the corpus refers to it",
        disagreement: true,
      });
      expect(missing.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        "json-structure: no such type",
        "botocore: object (error)",
      ]);
      expect(model.types.some((t) => t.sourceName === "ThingInUseException")).toBe(false);
      expect(decisions(model).filter((d) => d.kind === "type-extra")).toEqual([]);
    },
  },
  {
    name: "type-extra: a corpus type the authority lacks is kept",
    files: [doc("Name", { type: "string" }), doc("NameV1", { type: "string" })],
    evidence: [botocore(str("Name"))],
    authority: "botocore",
    check(model) {
      expect(decision(model, "NameV1", "type-extra")).toMatchObject({ rule: "types", decision: "kept" });
      expect(type(model, "NameV1")).toBeTruthy();
      expect(kindsOn(model, "Name")).toEqual([]);
    },
  },
  {
    name: "observations: a recorded value nobody lists is added to the enum; a known one only gets a fact",
    files: [
      doc("TableStatus", { type: "string", enum: ["CREATING", "ACTIVE"] }),
      doc("Table", object({ Status: ref("TableStatus") })),
    ],
    evidence: [
      evidence(
        "recorded",
        "recorded",
        [],
        [
          {
            subject: "Table.Status",
            value: "INACCESSIBLE_ENCRYPTION_CREDENTIALS",
            at: { file: "recorded/a.json", pointer: "/response/Status", line: 0, column: 0 },
          },
          { subject: "Table.Status", value: "ACTIVE" },
          { subject: "Nowhere.Status", value: "X" },
        ],
      ),
    ],
    check(model) {
      const ms = enumMembers(model, "TableStatus");
      expect(values(ms)).toEqual(["CREATING", "ACTIVE", "INACCESSIBLE_ENCRYPTION_CREDENTIALS"]);
      expect(factsOf(ms[2], "enum")).toEqual(["recorded:observed"]);
      expect(factsOf(ms[1], "enum")).toContain("recorded:observed");
      const d = decision(model, "Table.Status", "observed-value");
      expect(d).toMatchObject({
        rule: "observations",
        decision: '"INACCESSIBLE_ENCRYPTION_CREDENTIALS" added to the enum',
        disagreement: true,
      });
      expect(decisions(model).filter((x) => x.kind === "observed-value")).toHaveLength(1);
    },
  },
  {
    name: "overrides: knownValues, required and deprecated, each with its reason",
    files: [
      doc("StringType", { type: "string" }),
      doc("KindList", { type: "array", items: { type: "string" } }),
      doc(
        "Thing",
        object({
          Preferred: ref("StringType"),
          Name: ref("StringType"),
          Kinds: ref("KindList"),
          Old: ref("StringType"),
        }),
      ),
    ],
    evidence: [],
    overrides: [
      {
        subject: "Thing.Preferred",
        fact: "knownValues",
        value: ["FAST", "SLOW"],
        reason: "It holds one entry of the Kinds list.",
      },
      {
        subject: "Thing.Kinds[]",
        fact: "knownValues",
        value: ["FAST", "SLOW", "MEDIUM"],
        reason: "The service console lists exactly these.",
      },
      { subject: "Thing.Name", fact: "required", value: true, reason: "Every response observed carries it." },
      { subject: "Thing.Old", fact: "deprecated", value: "Use Kinds.", reason: "The service announced its removal." },
    ],
    check(model) {
      const pref = member(model, "Thing", "Preferred").type;
      expect(pref.kind === "primitive" && values(pref.knownValues)).toEqual(["FAST", "SLOW"]);
      expect(type(model, "StringType").node).not.toHaveProperty("knownValues");
      const kinds = member(model, "Thing", "Kinds").type;
      expect(kinds.kind === "array" && kinds.items.kind === "primitive" && values(kinds.items.knownValues)).toEqual([
        "FAST",
        "SLOW",
        "MEDIUM",
      ]);
      const list = type(model, "KindList").node;
      expect(list.kind === "array" && list.items).not.toHaveProperty("knownValues");
      expect(member(model, "Thing", "Name").required).toBe(true);
      expect(member(model, "Thing", "Old").attrs.deprecated).toBe("Use Kinds.");

      const kv = decision(model, "Thing.Preferred", "override:knownValues");
      expect(kv).toMatchObject({
        rule: "override",
        reason: "It holds one entry of the Kinds list.",
        decision: 'knownValues = ["FAST","SLOW"]',
        disagreement: false,
      });
      expect(kv.claims.map((c) => `${c.source}: ${c.claim}`)).toEqual([
        "reconciled: none",
        'override: ["FAST","SLOW"]',
      ]);
      expect(decision(model, "Thing.Kinds[]", "override:knownValues").reason).toBe(
        "The service console lists exactly these.",
      );
      const req = decision(model, "Thing.Name", "override:required");
      expect(req).toMatchObject({
        rule: "override",
        reason: "Every response observed carries it.",
        decision: "required = true",
      });
      expect(req.claims[0]).toMatchObject({ source: "reconciled", claim: "optional" });
      expect(decision(model, "Thing.Old", "override:deprecated")).toMatchObject({
        reason: "The service announced its removal.",
        decision: 'deprecated = "Use Kinds."',
      });
      expect(member(model, "Thing", "Name").attrs.facts).toContainEqual(
        expect.objectContaining({
          source: "override",
          about: "required",
          claim: "Every response observed carries it.",
        }),
      );
    },
  },
  {
    name: "regression: a constraint override on a member of a named type wrote into that type's constraints",
    files: [
      doc("NameType", { type: "string", maxLength: 5 }),
      doc("NameList", { type: "array", items: { $ref: "#/components/schemas/NameType" } }),
      doc("Thing", object({ Name: ref("NameType"), Names: ref("NameList") })),
      doc("Other", object({ Name: ref("NameType") })),
    ],
    evidence: [],
    overrides: [
      { subject: "Thing.Name", fact: "maxLength", value: 10, reason: "Thing's names run longer." },
      { subject: "Thing.Name", fact: "pattern", value: "^[a-z]+$", reason: "Thing's names are lower case." },
      { subject: "Thing.Names[]", fact: "minLength", value: 2, reason: "Listed names have two characters." },
      // On a named array type's items: kept on that type (its copy was dropped, so knownValues were lost).
      { subject: "NameList[]", fact: "knownValues", value: ["ann", "bob"], reason: "The console lists these." },
    ],
    check(model) {
      const name = member(model, "Thing", "Name").type;
      expect(name.kind === "primitive" && name.constraints).toMatchObject({
        maxLength: 10,
        pattern: { source: "^[a-z]+$" },
      });
      const names = member(model, "Thing", "Names").type;
      expect(names.kind === "array" && names.items.kind === "primitive" && names.items.constraints).toMatchObject({
        minLength: 2,
        maxLength: 5,
      });
      const list = type(model, "NameList").node;
      expect(list.kind === "array" && list.items.kind === "primitive" && values(list.items.knownValues)).toEqual([
        "ann",
        "bob",
      ]);
      // The named type and its other users keep what the corpus says.
      const own = type(model, "NameType").node;
      expect(own.kind === "primitive" && own.constraints).toEqual({ maxLength: 5 });
      expect(member(model, "Other", "Name").type).toEqual({ kind: "ref", name: "NameType", attrs: expect.anything() });
    },
  },
];

describe("reconcile(): each policy on a small corpus", () => {
  it.each(cases)("$name", (c) => {
    const input = build(c.files);
    const model = reconcile(input, c.evidence, config(c));
    c.check(model, input);
    // Every decision is complete.
    expect(model.reconciliation).toBeDefined();
    for (const d of decisions(model)) {
      expect(d.subject).toMatch(/^\S+$/);
      expect(d.kind).toMatch(/^[a-z][a-z-]*(?::[a-zA-Z]+)?$/);
      expect(d.claims.length).toBeGreaterThan(0);
      for (const cl of d.claims) {
        expect(typeof cl.source).toBe("string");
        expect(cl.claim.length).toBeGreaterThan(0);
      }
      expect(d.decision.length).toBeGreaterThan(0);
      expect(d.rule.length).toBeGreaterThan(0);
      expect(typeof d.disagreement).toBe("boolean");
    }
    // Decisions are sorted by subject, then kind.
    const keys = decisions(model).map((d) => [d.subject, d.kind] as const);
    const sorted = [...keys].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
    );
    expect(keys).toEqual(sorted);
  });
});

describe("reconcile(): the report and the input", () => {
  it("lists the corpus first, then every source, and names the authority", () => {
    const model = reconcile(
      build(booleanEnumFiles),
      [botocore(enumShape("PoolMode", ["OFF", "ON", "OPTIONAL"])), awsSdk()],
      config({ authority: "botocore" }),
    );
    expect(model.reconciliation?.sources.map((s) => `${s.id}/${s.kind}`)).toEqual([
      "json-structure/json-structure",
      "botocore/botocore",
      "aws-sdk/aws-sdk",
    ]);
    expect(model.reconciliation?.authority).toBe("botocore");
  });

  it("an override whose subject matches nothing throws OVERRIDE_UNMATCHED at the override", () => {
    const input = build([doc("StringType", { type: "string" }), doc("Thing", object({ Name: ref("StringType") }))]);
    const at = { file: "structgen.json", pointer: "/corpora/test/overrides/0", line: 12, column: 9 };
    for (const subject of ["Nothing", "Thing.Missing", "Nothing.Name"]) {
      const run = () =>
        reconcile(
          input,
          [],
          config({ overrides: [{ subject, fact: "required", value: true, reason: "A reason long enough.", at }] }),
        );
      expect(run).toThrow(StructgenError);
      try {
        run();
      } catch (e) {
        const d = (e as StructgenError).diagnostics;
        expect(d).toHaveLength(1);
        expect(d[0]).toMatchObject({
          code: "OVERRIDE_UNMATCHED",
          severity: "error",
          params: { subject, fact: "required" },
          at,
        });
      }
    }
  });

  it("a knownValues override whose value is not a list of strings is CONFIG_INVALID", () => {
    const input = build([doc("StringType", { type: "string" }), doc("Thing", object({ Name: ref("StringType") }))]);
    expect(() =>
      reconcile(
        input,
        [],
        config({
          overrides: [{ subject: "Thing.Name", fact: "knownValues", value: "A", reason: "A reason long enough." }],
        }),
      ),
    ).toThrow(/CONFIG_INVALID/);
  });

  it("leaves the input model unmodified (reconcile works on a clone)", () => {
    const input = build([
      doc("PoolMode", { type: "string", enum: [false, true, "OPTIONAL"] }),
      doc("DateType", { type: "datetime" }),
      doc("StringType", { type: "string" }),
      doc(
        "Thing",
        object({
          Mode: ref("PoolMode"),
          Created: ref("DateType"),
          Channel: ref("StringType", "Valid values are <code>SMS</code> and <code>EMAIL</code>."),
        }),
      ),
    ]);
    const before = structuredClone(input);
    const model = reconcile(
      input,
      [
        botocore(
          enumShape("PoolMode", ["OFF", "ON", "OPTIONAL", "AUDIT"]),
          { name: "DateType", kind: "timestamp", timestampWire: "epoch-seconds" },
          str("StringType", { pattern: "[A-Z_]+" }),
          struct("Thing", {
            Mode: { shape: "PoolMode", required: true },
            Created: { shape: "DateType" },
            Channel: { shape: "StringType" },
            Added: { shape: "NewShape" },
          }),
          str("NewShape"),
        ),
      ],
      config({
        authority: "botocore",
        overrides: [{ subject: "Thing.Created", fact: "deprecated", value: true, reason: "A reason long enough." }],
      }),
    );
    // The result really changed…
    expect(values(enumMembers(model, "PoolMode"))).toEqual(["OFF", "ON", "OPTIONAL", "AUDIT"]);
    expect(model.types.length).toBe(input.types.length + 1);
    expect(decisions(model).length).toBeGreaterThan(5);
    // …and the input did not.
    expect(input).toEqual(before);
    expect(input.reconciliation).toBeUndefined();
    expect(values(enumMembers(input, "PoolMode"))).toEqual([false, true, "OPTIONAL"]);
    expect(model.types[0]).not.toBe(input.types[0]);
  });
});

// Watch hands reconcile the same evidence objects run after run, and what policies learn of a claim
// is kept by the claim (required's disagreements, whether prose says anything): each run must still
// decide as a run with fresh claims does.
describe("claims seen by an earlier run", () => {
  const corpus = (required: boolean, prose: string) => [
    doc("StringType", { type: "string" }),
    doc("Thing", object({ Name: ref("StringType", prose), Size: ref("StringType") }, required ? ["Name"] : [])),
  ];
  const shared = [
    botocore(
      str("StringType"),
      struct("Thing", {
        Name: { shape: "StringType", required: true },
        Size: { shape: "StringType", required: false, deprecated: "Use Name." },
      }),
    ),
    awsSdk(struct("Thing", { Name: { shape: "StringType", proseValues: ["A", "B"] } })),
  ];
  // Through watch's memo (kept across a test's runs), and without one.
  const run = (files: [string, string][], evidence: Evidence[], memo?: ReconcileMemo) =>
    reconcile(build(files), evidence, config({ authority: "botocore" }), memo ? { memo } : {});

  it("decide as fresh claims do when the corpus changes under them", () => {
    const memo = buildMemos(HashIndex.open()).reconcile;
    const edits: [boolean, string][] = [
      [false, "The name."],
      [true, "The name."],
      [true, "This parameter is no longer supported."],
      [false, "Valid values are <code>C</code> and <code>D</code>."],
      [false, "The name."],
    ];
    for (const [required, prose] of edits) {
      const files = corpus(required, prose);
      const again = run(files, shared, memo);
      const fresh = run(files, structuredClone(shared));
      expect(decisions(again)).toEqual(decisions(fresh));
      expect(again.types).toEqual(fresh.types);
      expect(kindsOn(again, "Thing.Name").includes("required")).toBe(!required);
    }
  });

  it("decide as fresh claims do when a later claim changes and the first is the same object", () => {
    // Extra is imported from botocore (no corpus claim comes first): its first claim is botocore's own.
    const authority = botocore(
      str("StringType"),
      struct("Thing", { Name: { shape: "StringType" }, More: { shape: "Extra" } }),
      struct("Extra", { X: { shape: "StringType", required: true } }),
    );
    const sdk = (required: boolean) => awsSdk(struct("Extra", { X: { shape: "StringType", required } }));
    const memo = buildMemos(HashIndex.open()).reconcile;
    for (const required of [true, false, true, false]) {
      const files = corpus(false, "The name.");
      const again = run(files, [authority, sdk(required)], memo);
      const fresh = run(files, structuredClone([authority, sdk(required)]));
      expect(decisions(again)).toEqual(decisions(fresh));
      expect(kindsOn(again, "Extra.X").includes("required")).toBe(!required);
    }
  });
});
