// schemas/structgen.json: which corpora a folder holds, their evidence sources, policies and
// overrides. Checked against schemas/structgen.schema.json (ajv loads only when a config exists).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { diagnostic, StructgenError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseJson } from "../load/parse-json.js";
import type { SourceKind } from "./evidence.js";

export interface SourceConfig {
  id: string;
  kind: SourceKind;
  path?: string;
  package?: string;
  /** aws-sdk: recorded facts (a JSON file, relative to the config) read when the package is not installed. */
  facts?: string;
  description?: string;
  optional?: boolean;
}

export interface Policies {
  enumMembers: "union" | "authority";
  openEnums: boolean;
  knownValuesFromProse: boolean;
  timestamps: "protocol" | "schema";
  repairBooleanEnums: boolean;
  deprecatedFromProse: boolean;
  required: "authority" | "schema";
  constraints: "authority" | "schema";
  addMissingMembers: boolean;
  sensitive: "union" | "schema";
}

export const DEFAULT_POLICIES: Policies = {
  enumMembers: "union",
  openEnums: true,
  knownValuesFromProse: true,
  timestamps: "protocol",
  repairBooleanEnums: true,
  deprecatedFromProse: true,
  required: "authority",
  constraints: "authority",
  addMissingMembers: true,
  sensitive: "union",
};

export type OverrideFact = "required" | "enum" | "knownValues" | "deprecated" | "sensitive" | "pattern" | "minLength" | "maxLength" | "timestamp";

export interface Override {
  subject: string;
  fact: OverrideFact;
  value: unknown;
  reason: string;
  /** Where the override is written, for the report. */
  at?: { file: string; pointer: string; line: number; column: number };
}

export interface CorpusConfig {
  name: string;
  /** Absolute or cwd-relative input folder. */
  input: string;
  /** Folder the config's relative paths start from. */
  base: string;
  sources: SourceConfig[];
  authority?: string;
  policies: Policies;
  overrides: Override[];
}

export const CONFIG_FILE = "structgen.json";

/** Reads <dir>/structgen.json when present; undefined otherwise. */
export async function readConfig(dir: string): Promise<CorpusConfig[] | undefined> {
  const file = path.join(dir, CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = parseJson(CONFIG_FILE, await readFile(file, "utf8"));
  if (!parsed.ok) throw new StructgenError(parsed.diagnostics);
  const value = parsed.doc.value as { corpora?: Record<string, Record<string, unknown>> };
  const errors = await schemaErrors(value);
  if (errors.length > 0) {
    throw new StructgenError(
      errors.map((e): Diagnostic => diagnostic("CONFIG_INVALID", { reason: `${e.instancePath || "/"} ${e.message ?? "is invalid"}` }, parsed.doc.locate(e.instancePath))),
    );
  }
  return Object.keys(value.corpora ?? {})
    .sort()
    .map((name) => {
      const c = value.corpora![name]! as Partial<CorpusConfig> & { input?: string; overrides?: Override[] };
      return {
        name,
        input: path.join(dir, c.input ?? name),
        base: dir,
        sources: (c.sources ?? []) as SourceConfig[],
        ...(c.authority ? { authority: c.authority } : {}),
        policies: { ...DEFAULT_POLICIES, ...(c.policies ?? {}) },
        overrides: (c.overrides ?? []).map((o, i) => ({ ...o, at: parsed.doc.locate(`/corpora/${name}/overrides/${i}`) })),
      };
    });
}

async function schemaErrors(value: unknown): Promise<{ instancePath: string; message?: string }[]> {
  const [ajvModule, schemaText] = await Promise.all([
    import("ajv/dist/2020.js"),
    readFile(new URL("../../schemas/structgen.schema.json", import.meta.url), "utf8"),
  ]);
  const Ajv2020 = ajvModule.default.default ?? ajvModule.default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(schemaText));
  return validate(value) ? [] : (validate.errors ?? []);
}
