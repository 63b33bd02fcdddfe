// A corpus's reconciliation settings: its evidence sources, policies and overrides. They are
// written in structgen.config.json under `corpora` (see config/project.ts, which reads the file).
import path from "node:path";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import { escapePointerToken } from "../load/parse-json.js";
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

export type OverrideFact =
  | "required"
  | "enum"
  | "knownValues"
  | "deprecated"
  | "sensitive"
  | "pattern"
  | "minLength"
  | "maxLength"
  | "timestamp";

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
  /** The corpus's input folder (absolute, or relative to the working folder). */
  input: string;
  /** Folder the config's relative paths start from (the config file's folder). */
  base: string;
  sources: SourceConfig[];
  authority?: string;
  policies: Policies;
  overrides: Override[];
}

/** The settings under `corpora` as written (already checked against the config's JSON Schema). */
export interface CorpusSettings {
  input?: string;
  sources?: SourceConfig[];
  authority?: string;
  policies?: Partial<Policies>;
  overrides?: Omit<Override, "at">[];
}

/**
 * One corpus's settings with defaults filled in. `base` is the config file's folder; the input
 * defaults to <schemas>/<name>; overrides keep where they are written (`locate`), for the report.
 */
export function corpusConfig(
  name: string,
  settings: CorpusSettings,
  base: string,
  schemas: string,
  locate: (pointer: string) => SourceLocation,
): CorpusConfig {
  const pointer = `/corpora/${escapePointerToken(name)}`;
  return {
    name,
    input: settings.input !== undefined ? path.join(base, settings.input) : path.join(schemas, name),
    base,
    sources: settings.sources ?? [],
    ...(settings.authority ? { authority: settings.authority } : {}),
    policies: { ...DEFAULT_POLICIES, ...(settings.policies ?? {}) },
    overrides: (settings.overrides ?? []).map((o, i) => ({ ...o, at: locate(`${pointer}/overrides/${i}`) })),
  };
}
