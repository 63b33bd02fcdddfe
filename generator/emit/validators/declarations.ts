// validators.d.ts: typed signatures for validators.js (the JavaScript flavour).
import type { Model } from "../../ir/model.js";
import { bannerLines } from "../banner.js";
import { assembledOf, type EmitOptions } from "../files.js";
import { WIDTH } from "./layout.js";
import { PUBLIC_TYPES } from "./runtime-text.js";
import { headLines } from "./type-code.js";

/** `import { a, b } from "…";` on one line when it fits, else one name per line. */
export function importLines(keyword: string, names: readonly string[], from: string): string[] {
  const flat = `${keyword} { ${names.join(", ")} } from "${from}";`;
  // prettier keeps an import of one name on one line, however long.
  if (flat.length <= WIDTH || names.length === 1) return [flat];
  return [`${keyword} {`, ...names.map((n) => `  ${n},`), `} from "${from}";`];
}

const MODULE_DOC = [
  "/**",
  " * Per type T: validateT(value, { strict?, maxErrors? }) never throws and returns every error and drift",
  " * entry (at most maxErrors of each, default 100; `omitted` and `driftOmitted` count the rest); isT(value)",
  " * stops at the first problem; assertT(value) throws a ValidationError.",
  " */",
];

/** validators.d.ts: a function of the corpus name and the type names, so a memo may keep it whole. */
export function declarations(model: Model, options?: EmitOptions): string {
  const parts = [model.name, ...model.types.map((t) => t.name)];
  return assembledOf(options, `validators-dts\0${model.name}`, parts, ([corpus, ...names]) =>
    declarationsOf(corpus!, names),
  );
}

function declarationsOf(corpus: string, names: readonly string[]): string {
  const lines: string[] = [...MODULE_DOC];
  if (names.length > 0) lines.push(...importLines("import type", names, "./types.js"), "");
  lines.push(
    ...PUBLIC_TYPES.trimEnd().split("\n"),
    "",
    "/** An AWS SDK v3 output in the wire view: Date to epoch seconds, $metadata and undefined members dropped. */",
    "export declare function sdkToWire(value: unknown): unknown;",
    "",
    "/** Thrown by the assert functions; lists every problem. */",
    "export declare class ValidationError extends Error {",
    "  typeName: string;",
    "  errors: ValidationIssue[];",
    "  constructor(typeName: string, errors: ValidationIssue[], omitted?: number);",
    "}",
  );
  for (const n of names) {
    lines.push(
      "",
      `/** Checks a value against {@link ${n}}; never throws. */`,
      ...headLines(
        `export declare function validate${n}`,
        ["value: unknown", "options?: ValidateOptions"],
        ": ValidationResult;",
      ),
      `/** Whether a value is a valid {@link ${n}} (drift allowed); stops at the first problem. */`,
      ...headLines(`export declare function is${n}`, ["value: unknown"], `: value is ${n};`),
      `/** Throws a {@link ValidationError} listing every problem unless the value is a valid {@link ${n}}. */`,
      ...headLines(`export declare function assert${n}`, ["value: unknown"], `: asserts value is ${n};`),
    );
  }
  lines.push(
    "",
    "/** Every validate function by type name. */",
    "export declare const validators: Readonly<",
    "  Record<string, (value: unknown, options?: ValidateOptions) => ValidationResult>",
    ">;",
    "/** The root types of the corpus (documents' own types, not error shapes). */",
    "export declare const rootTypes: readonly string[];",
  );
  // One join, banner and final newline included: no second copy of the whole text to flatten.
  return [`${bannerLines("ts", corpus)}${lines[0] ?? ""}`, ...lines.slice(1), ""].join("\n");
}
