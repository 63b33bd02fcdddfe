// The bundled corpus reconciled with its configured sources (botocore, boto3 pages, the AWS SDK):
// the specific repairs the project exists for, and a check computed independently from the raw
// files that every disagreement between the JSON Structure files and botocore has a decision.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Decision, EnumMember, Member, Model, NamedType } from "../../generator/ir/model.js";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CORPUS = path.join(ROOT, "schemas/cognito-idp");
const BOTOCORE = path.join(ROOT, "schemas/sources/cognito-idp/botocore/service-2.json");
const REPORT = path.join(ROOT, "generated/cognito-idp/reconciliation.json");

let model: Model;
beforeAll(async () => {
  const corpora = await discoverCorpora(path.join(ROOT, "schemas"));
  const cognito = corpora.find((c) => c.name === "cognito-idp");
  if (!cognito) throw new Error(`no cognito-idp corpus; found ${corpora.map((c) => c.name).join(", ")}`);
  model = await buildModel(cognito);
});

function type(name: string): NamedType {
  const t = model.types.find((x) => x.sourceName === name);
  if (!t) throw new Error(`no type ${name}`);
  return t;
}
function member(typeName: string, name: string): Member {
  const n = type(typeName).node;
  if (n.kind !== "object") throw new Error(`${typeName} is a ${n.kind}`);
  const m = n.members.find((x) => x.name === name);
  if (!m) throw new Error(`${typeName} has no member ${name}`);
  return m;
}
function enumMembers(name: string): EnumMember[] {
  const n = type(name).node;
  if (n.kind !== "enum") throw new Error(`${name} is a ${n.kind}`);
  return n.members;
}
/** "source:claim" for every fact about `about`. */
const facts = (m: EnumMember | undefined, about: string) =>
  (m?.attrs.facts ?? []).filter((f) => f.about === about).map((f) => `${f.source}:${f.claim}`);
const decisions = (): Decision[] => model.reconciliation?.decisions ?? [];
const has = (subject: string, kind: string) => decisions().some((d) => d.subject === subject && d.kind === kind);

describe("the Cognito corpus, reconciled", () => {
  it("was reconciled with the configured sources, botocore the authority", () => {
    const ids = model.reconciliation?.sources.map((s) => s.id) ?? [];
    expect(ids[0]).toBe("json-structure");
    expect(ids).toEqual(expect.arrayContaining(["botocore", "boto3-docs", "aws-sdk"]));
    expect(model.reconciliation?.authority).toBe("botocore");
    expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("UserStatusType gains EXTERNAL_PROVIDER, listed by botocore and the SDK, omitted by the JSON Structure file", () => {
    const ms = enumMembers("UserStatusType");
    const vals = ms.map((m) => m.value);
    expect(vals).toEqual(expect.arrayContaining(["ARCHIVED", "COMPROMISED", "EXTERNAL_PROVIDER"]));
    const ext = ms.find((m) => m.value === "EXTERNAL_PROVIDER");
    expect(facts(ext, "enum")).toEqual(
      expect.arrayContaining(["botocore:lists", "aws-sdk:lists", "json-structure:omits"]),
    );
    expect(facts(ext, "enum")).not.toContain("json-structure:lists");
    // ARCHIVED is in every source.
    expect(
      facts(
        ms.find((m) => m.value === "ARCHIVED"),
        "enum",
      ),
    ).toEqual(expect.arrayContaining(["botocore:lists", "aws-sdk:lists"]));
    expect(
      facts(
        ms.find((m) => m.value === "ARCHIVED"),
        "enum",
      ),
    ).not.toContain("json-structure:omits");
  });

  it("AdminGetUserResponse.UserMFASettingList items know EMAIL_OTP, SMS_MFA and SOFTWARE_TOKEN_MFA; only botocore lists EMAIL_OTP in prose", () => {
    const t = member("AdminGetUserResponse", "UserMFASettingList").type;
    if (t.kind !== "array" || t.items.kind !== "primitive") throw new Error(`UserMFASettingList is ${t.kind}`);
    const known = t.items.knownValues ?? [];
    expect(known.map((k) => k.value).sort()).toEqual(["EMAIL_OTP", "SMS_MFA", "SOFTWARE_TOKEN_MFA"]);
    const email = known.find((k) => k.value === "EMAIL_OTP")!;
    expect(facts(email, "known-value")).toEqual(
      expect.arrayContaining(["botocore:lists", "json-structure:omits", "boto3-docs:omits"]),
    );
    const boto3 = email.attrs.facts.find((f) => f.source === "boto3-docs");
    expect(boto3?.at?.file).toMatch(/boto3-docs\/admin_get_user\.txt$/);
    const sms = known.find((k) => k.value === "SMS_MFA")!;
    expect(facts(sms, "known-value")).toEqual(
      expect.arrayContaining(["botocore:lists", "json-structure:lists", "boto3-docs:lists"]),
    );
    expect(has("AdminGetUserResponse.UserMFASettingList[]", "known-values")).toBe(true);
  });

  it("DateType is epoch seconds on the wire", () => {
    expect(type("DateType").node).toMatchObject({
      kind: "primitive",
      primitive: "datetime",
      encoding: "epoch-seconds",
    });
    expect(has("DateType", "timestamp")).toBe(true);
  });

  it("AdminGetUserResponse.MFAOptions is deprecated", () => {
    expect(member("AdminGetUserResponse", "MFAOptions").attrs.deprecated).toMatch(/no longer supported/);
    expect(has("AdminGetUserResponse.MFAOptions", "deprecated")).toBe(true);
  });

  it("GetUserResponse.UserAttributes is required", () => {
    expect(member("GetUserResponse", "UserAttributes").required).toBe(true);
  });

  it("UserPoolMfaType members are exactly OFF, ON, OPTIONAL (booleans repaired)", () => {
    expect(enumMembers("UserPoolMfaType").map((m) => m.value)).toEqual(["OFF", "ON", "OPTIONAL"]);
    expect(decisions().filter((d) => d.subject === "UserPoolMfaType" && d.kind === "boolean-enum-repair")).toHaveLength(
      2,
    );
  });
});

// ------------------------------------------------------------------------------------------
// Every disagreement between the JSON Structure files and botocore, computed from the raw files
// with plain JSON reading (no structgen code), must have a decision of the matching kind.

type Json = Record<string, unknown>;
interface Raw {
  js: Map<string, Json>;
  bc: Record<string, Json>;
}

function readRaw(): Raw {
  const js = new Map<string, Json>();
  for (const f of readdirSync(CORPUS)
    .filter((x) => x.endsWith(".json"))
    .sort()) {
    const d = JSON.parse(readFileSync(path.join(CORPUS, f), "utf8")) as Json;
    js.set(d["name"] as string, d);
  }
  const bc = (JSON.parse(readFileSync(BOTOCORE, "utf8")) as { shapes: Record<string, Json> }).shapes;
  return { js, bc };
}

/** Members a JSON Structure file declares. A typeless file is an error shape, which the format gives an optional `message`. */
function jsMembers(d: Json): Set<string> {
  if (d["type"] === undefined) return new Set(["message"]);
  return new Set(Object.keys((d["properties"] as Json | undefined) ?? {}));
}

interface Disagreements {
  /** Enum shapes whose values differ; `booleans` counts boolean members, `strings` whether string members differ beyond them. */
  enums: { shape: string; booleans: number; strings: boolean }[];
  missingMembers: string[];
  required: string[];
  missingTypes: string[];
  extraTypes: string[];
}

function disagreements(raw: Raw): Disagreements {
  const out: Disagreements = { enums: [], missingMembers: [], required: [], missingTypes: [], extraTypes: [] };
  for (const [name, d] of raw.js) {
    const b = raw.bc[name];
    if (!b) {
      out.extraTypes.push(name);
      continue;
    }
    if (Array.isArray(d["enum"]) || Array.isArray(b["enum"])) {
      const ours = (d["enum"] as unknown[] | undefined) ?? [];
      const theirs = new Set((b["enum"] as string[] | undefined) ?? []);
      const strings = ours.filter((v): v is string => typeof v === "string");
      const booleans = ours.filter((v) => typeof v === "boolean").length;
      const differ = booleans > 0 || strings.length !== theirs.size || strings.some((v) => !theirs.has(v));
      if (differ) {
        // Values botocore has beyond the file's strings, other than what its booleans stand for.
        const unexplained = [...theirs].filter((v) => !strings.includes(v)).length - booleans;
        out.enums.push({ shape: name, booleans, strings: unexplained > 0 || strings.some((v) => !theirs.has(v)) });
      }
    }
    if ((b["type"] ?? "structure") === "structure" && b["members"]) {
      const ours = jsMembers(d);
      const theirs = Object.keys(b["members"] as Json);
      for (const m of theirs) if (!ours.has(m)) out.missingMembers.push(`${name}.${m}`);
      const reqOurs = new Set((d["required"] as string[] | undefined) ?? []);
      const reqTheirs = new Set((b["required"] as string[] | undefined) ?? []);
      for (const m of theirs) if (ours.has(m) && reqOurs.has(m) !== reqTheirs.has(m)) out.required.push(`${name}.${m}`);
    }
  }
  for (const name of Object.keys(raw.bc)) if (!raw.js.has(name)) out.missingTypes.push(name);
  return out;
}

describe("every JSON Structure / botocore disagreement has a decision", () => {
  let found: Disagreements;
  beforeAll(() => {
    found = disagreements(readRaw());
  });

  it("finds the known disagreements (so the checks below are not vacuous)", () => {
    expect(found.enums.map((e) => e.shape)).toEqual(expect.arrayContaining(["UserStatusType", "UserPoolMfaType"]));
    expect(found.enums.find((e) => e.shape === "UserPoolMfaType")).toEqual({
      shape: "UserPoolMfaType",
      booleans: 2,
      strings: false,
    });
    expect(found.enums.find((e) => e.shape === "UserStatusType")).toEqual({
      shape: "UserStatusType",
      booleans: 0,
      strings: true,
    });
    expect(found.missingMembers.length).toBeGreaterThan(10);
    expect(found.required.length).toBeGreaterThan(0);
    expect(found.missingTypes.length).toBeGreaterThan(10);
  });

  it("enum values: boolean-enum-repair per boolean, enum-members where the strings differ", () => {
    const problems: string[] = [];
    for (const e of found.enums) {
      const repairs = decisions().filter((d) => d.subject === e.shape && d.kind === "boolean-enum-repair").length;
      if (repairs !== e.booleans) problems.push(`${e.shape}: ${e.booleans} boolean(s), ${repairs} repair decision(s)`);
      if (e.strings && !has(e.shape, "enum-members")) problems.push(`${e.shape}: no enum-members decision`);
    }
    expect(problems).toEqual([]);
  });

  it("members botocore has and the files lack: member-missing", () => {
    expect(found.missingMembers.filter((s) => !has(s, "member-missing"))).toEqual([]);
    // And they were added (addMissingMembers is on).
    for (const s of found.missingMembers) {
      const [t, m] = s.split(".") as [string, string];
      expect(() => member(t, m)).not.toThrow();
    }
  });

  it("required-ness that differs: a required decision, settled as botocore says", () => {
    expect(found.required.filter((s) => !has(s, "required"))).toEqual([]);
    const raw = readRaw();
    for (const s of found.required) {
      const [t, m] = s.split(".") as [string, string];
      const botocoreRequired = ((raw.bc[t]!["required"] as string[] | undefined) ?? []).includes(m);
      expect(member(t, m).required, s).toBe(botocoreRequired);
    }
  });

  it("whole types: type-missing for botocore's extra shapes, type-extra for the files' extra ones", () => {
    expect(found.missingTypes.filter((s) => !has(s, "type-missing"))).toEqual([]);
    expect(found.extraTypes.filter((s) => !has(s, "type-extra"))).toEqual([]);
  });
});

describe("the committed report", () => {
  it("generated/cognito-idp/reconciliation.json parses and holds as many decisions as the model", () => {
    const report = JSON.parse(readFileSync(REPORT, "utf8")) as {
      corpus: string;
      authority?: string;
      summary: { decisions: number };
      decisions: Decision[];
    };
    expect(report.corpus).toBe("cognito-idp");
    expect(report.authority).toBe("botocore");
    expect(report.decisions.length).toBe(decisions().length);
    expect(report.summary.decisions).toBe(decisions().length);
  });
});
