// The runtime module in each flavour: runtime.js + runtime.d.ts, or runtime.ts. Its messages are
// the catalogue's INSTANCE_* entries, so the catalogue stays the one place codes are defined.
import { catalogue } from "../../diagnostics/catalogue.js";
import { stringLiteral } from "../quote.js";
import { RUNTIME_JS } from "./runtime-js.js";
import { MAX_DEPTH } from "./scope.js";
import { jsToTs } from "./to-ts.js";

/** The result types, declared by runtime.d.ts, runtime.ts and validators.d.ts alike. */
export const PUBLIC_TYPES = `export interface ValidationIssue {
  /** JSON pointer to the offending value. */
  pointer: string;
  /** A stable code from structgen's catalogue, e.g. INSTANCE_REQUIRED_PROPERTY_MISSING. */
  code: string;
  message: string;
}

/** A value the sources do not list, or a member no schema declares: accepted, but worth knowing. */
export interface Drift {
  pointer: string;
  kind: "unknown-value" | "unknown-property";
  value: unknown;
  /** For unknown values: the values the sources list. */
  known?: readonly string[];
}

export interface ValidateOptions {
  /** Reject drift: unknown enum values and members no schema declares. */
  strict?: boolean;
  /** How many errors (and drift entries) to keep; the rest are counted in \`omitted\` (default 100). */
  maxErrors?: number;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
  /** Reported in default mode; in strict mode drift is an error. */
  drift: Drift[];
  /** How many errors were found beyond \`maxErrors\` and left out (absent when none were). */
  omitted?: number;
  /** How many drift entries were left out (absent when none were). */
  driftOmitted?: number;
}
`;

/** The types runtime.d.ts and runtime.ts declare. */
export const RUNTIME_TYPES = `/** A JSON pointer token: a member name or an item index. */
export type Token = string | number;

${PUBLIC_TYPES}
/** Bounds of a number sent as a string, compared exactly. */
export interface Bounds {
  minimum?: string;
  maximum?: string;
  exclusiveMinimum?: string;
  exclusiveMaximum?: string;
}

/** The state of one collecting check (used by generated code). */
export interface Context {
  /** Strict mode. */
  s: boolean;
  /** An instance's top-level "$schema" is ignored (the type declares none). */
  z: boolean;
  e: ValidationIssue[];
  dr: Drift[];
  /** The path of the value being checked. */
  p: Token[];
  /** Errors and drift entries found, kept or not. */
  n: number;
  dn: number;
  max: number;
  /** The selector of the inline choice being checked and its depth: an option does not count it as undeclared. */
  sn: string;
  sd: number;
}

/**
 * A boolean check. q: the depth times 8, plus 4 where a top-level "$schema" is kept, plus the mode
 * (0 default, 1 strict, 2 default and free of drift).
 */
export type Is = (x: unknown, q: number) => boolean;
/** A collecting check of x, the value at the context's path (k undefined) or its member or item k. */
export type Check = (x: unknown, c: Context, k: Token | undefined) => void;
export type Validate = (value: unknown, options?: ValidateOptions) => ValidationResult;
export type Guard = (value: unknown) => boolean;
export type Assert = (value: unknown) => void;
`;

/** The messages table: every INSTANCE_* code of the catalogue. */
function messages(): string {
  const entries = Object.entries(catalogue)
    .filter(([code]) => code.startsWith("INSTANCE_"))
    .map(([code, e]) => {
      // Before and after the one "{…}" placeholder (filled from the check: a limit, values, a pattern).
      const [before, after = ""] = e.message.split(/\{[A-Za-z]+\}/);
      return `  ${code}: [${stringLiteral(before!)}, ${stringLiteral(after)}],`;
    });
  return [
    `/** Messages by code, from structgen's catalogue: the text before and after what the check fills in. */`,
    "/** @type {Record<string, [string, string]>} */",
    "const MESSAGES = {",
    ...entries,
    "};",
  ].join("\n");
}

let js: string | undefined;

/** runtime.js's code (without banner). */
export function runtimeJs(): string {
  js ??= RUNTIME_JS.replace("/* MESSAGES */", messages()).replace("/* MAX_DEPTH */ 512", String(MAX_DEPTH));
  return js;
}

const LINT = "/* eslint-disable */\n";

const typed: { ts?: string; dts?: string } = {};

/** runtime.ts's or runtime.d.ts's code (without banner): derived once, like runtimeJs. */
const typedRuntime = (flavour: "ts" | "dts"): string =>
  (typed[flavour] ??= jsToTs(runtimeJs(), flavour, RUNTIME_TYPES));

export function runtimeFileText(flavour: "js" | "ts" | "dts", banner: string): string {
  if (flavour === "js") return `${banner}${LINT}${runtimeJs()}`;
  if (flavour === "ts") return `${banner}${LINT}${typedRuntime("ts")}`;
  return `${banner}${typedRuntime("dts")}`;
}

/** The runtime as statements to inline into a module (no exports, no types). */
export function inlineRuntime(): string {
  return runtimeJs()
    .split("\n")
    .filter((l) => !/^\/\*\* @typedef /.test(l))
    .map((l) => l.replace(/^export /, ""))
    .join("\n");
}
