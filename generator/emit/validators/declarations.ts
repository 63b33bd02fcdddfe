// validators.d.ts: typed signatures for the generated validators module.
import type { Model } from "../../ir/model.js";

export function declarations(model: Model): string {
  const names = model.types.map((t) => t.name);
  const lines = [
    `import type { ${names.length > 0 ? names.join(", ") : ""} } from "./types.js";`,
    `export interface ValidationIssue {\n/** JSON pointer to the offending value. */\npointer: string;\n/** A stable code, e.g. INSTANCE_REQUIRED_PROPERTY_MISSING. */\ncode: string;\nmessage: string;\n}`,
    `export interface ValidateOptions {\n/** Reject drift: unknown enum values and members no schema declares. */\nstrict?: boolean;\n}`,
    `/** A value the sources do not list, or a member no schema declares: accepted, but worth knowing. */\nexport interface Drift {\npointer: string;\nkind: "unknown-value" | "unknown-property";\nvalue: unknown;\n/** For unknown values: the values the sources list. */\nknown?: string[];\n}`,
    `export interface ValidationResult {\nvalid: boolean;\nerrors: ValidationIssue[];\n/** Reported in default mode; in strict mode drift is an error. */\ndrift: Drift[];\n}`,
    `/** An AWS SDK v3 output in the wire view: Date to epoch seconds, $metadata and undefined members dropped. */\nexport declare function sdkToWire(value: unknown): unknown;`,
    `export declare class ValidationError extends Error {\nreadonly typeName: string;\nreadonly errors: ValidationIssue[];\n}`,
    ...names.map(
      (n) =>
        `/** Checks a value against {@link ${n}}; never throws. */\nexport declare function validate${n}(value: unknown, options?: ValidateOptions): ValidationResult;\n` +
        `export declare function is${n}(value: unknown): value is ${n};\n` +
        `/** Throws one {@link ValidationError} listing every problem. */\nexport declare function assert${n}(value: unknown): asserts value is ${n};`,
    ),
    `export declare const validators: Readonly<Record<string, (value: unknown, options?: ValidateOptions) => ValidationResult>>;`,
    `export declare const rootTypes: readonly string[];`,
  ];
  if (names.length === 0) lines[0] = "export {};";
  return lines.join("\n\n");
}
