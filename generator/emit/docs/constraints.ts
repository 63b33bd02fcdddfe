// Constraints as (name, value) pairs in a fixed order, so pages are stable.
import type { Constraints } from "../../ir/model.js";
import { markdownCode, markdownText } from "../quote.js";

const ORDER: (keyof Constraints)[] = [
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "precision",
  "scale",
];

export function constraintPairs(c: Constraints): [string, string][] {
  const out: [string, string][] = [];
  for (const key of ORDER) {
    const v = c[key];
    if (v === undefined) continue;
    // Patterns are schema text full of Markdown syntax: code spans show them verbatim.
    out.push([key, typeof v === "object" ? markdownCode(v.source) : markdownText(String(v))]);
  }
  return out;
}

/** A value from the schema (default, enum value, const) as JSON in a code span. */
export const jsonCode = (value: unknown): string => markdownCode(JSON.stringify(value) ?? "undefined");
