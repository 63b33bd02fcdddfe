// What every transform module receives: where it is, how to resolve references, where to report.
import { diagnostic, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostic.js";
import type { Code } from "../diagnostics/catalogue.js";
import type { Attributes, Fact, TypeNode } from "../ir/model.js";
import { escapePointerToken, type JsonValue, type ParsedJson } from "../load/parse-json.js";
import type { LookupKind } from "./lookups.js";
import { decodePath, has, isObject, type JsonObject } from "./symbols.js";

export const SOURCE = "json-structure";

export interface Context {
  doc: ParsedJson;
  /** The corpus uses the OpenAPI-derived dialect (`#/components/schemas/` references). */
  componentsDialect: boolean;
  /** The identifier a reference names (lookups.ts): the only way a type reads the rest of the corpus. */
  lookup(kind: LookupKind, key: string): string | undefined;
  diagnostics: Diagnostic[];
  /** The named type being transformed (for reference chains). */
  owner: string;
  /** Refs that did not resolve, with where they were seen, for chain reporting. */
  missing: { ref: string; owner: string; at: SourceLocation }[];
  /** Add-ins the document switches on with `$uses`. */
  uses: ReadonlySet<string>;
  /** canonical() of a parsed value (through the memo when there is one). */
  canonical(value: JsonObject): string;
  transform(schema: JsonValue | undefined, pointer: string): TypeNode;
}

/** Keywords of the validation add-in: enforced only under `$uses` (the dialect always enforces). */
export const VALIDATION_KEYWORDS = new Set([
  "minLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minContains",
  "maxContains",
  "minProperties",
  "maxProperties",
  "dependentRequired",
  "patternProperties",
  "propertyNames",
  "minEntries",
  "maxEntries",
  "keyNames",
  "contentEncoding",
  "contentMediaType",
  "contentCompression",
  "default",
]);

const VALIDATION_ADDIN = ["JSONStructureValidation", "JSONSchemaValidation"];
const COMPOSITION_ADDIN = ["JSONStructureConditionalComposition", "JSONSchemaConditionalComposition"];

/**
 * Whether a validation keyword applies here. Without `$uses` it is reported and left out
 * (JSON Structure keeps core documents free of validation semantics unless asked).
 */
export function active(ctx: Context, schema: JsonObject, pointer: string, keyword: string): boolean {
  if (!has(schema, keyword)) return false;
  if (ctx.componentsDialect || VALIDATION_ADDIN.some((u) => ctx.uses.has(u))) return true;
  report(ctx, "SCHEMA_KEYWORD_WITHOUT_USES", child(pointer, keyword), { keyword, addin: "JSONStructureValidation" });
  return keyword === "default"; // an annotation: kept, but still worth the warning
}

/** Conditional composition keywords: structure is always checked, a warning without `$uses`. */
export function compositionActive(ctx: Context, pointer: string, keyword: string): void {
  if (ctx.componentsDialect || COMPOSITION_ADDIN.some((u) => ctx.uses.has(u))) return;
  report(ctx, "SCHEMA_KEYWORD_WITHOUT_USES", child(pointer, keyword), {
    keyword,
    addin: "JSONStructureConditionalComposition",
  });
}

export const at = (ctx: Context, pointer: string): SourceLocation => ctx.doc.locate(pointer);

export function report(ctx: Context, code: Code, pointer: string, params: Record<string, string | number> = {}): void {
  ctx.diagnostics.push(diagnostic(code, params, at(ctx, pointer)));
}

export const child = (pointer: string, ...keys: (string | number)[]): string =>
  keys.reduce<string>((p, k) => `${p}/${escapePointerToken(String(k))}`, pointer);

export function fact(ctx: Context, about: string, pointer: string, claim?: string): Fact {
  return { about, source: SOURCE, at: at(ctx, pointer), ...(claim !== undefined ? { claim } : {}) };
}

/** Annotations every schema may carry: description, deprecated, examples, default, format password. */
export function annotations(ctx: Context, schema: JsonObject, pointer: string): Attributes {
  const a: Attributes = { at: at(ctx, pointer), facts: [] };
  if (typeof schema["description"] === "string" && schema["description"].trim() !== "") {
    a.doc = schema["description"];
    a.facts.push(fact(ctx, "doc", child(pointer, "description")));
  } else if (isObject(schema["descriptions"])) {
    // Localised descriptions (alternate-names add-in): English, else the first language listed.
    const d = schema["descriptions"];
    const lang = ["en", "en-US", "en-GB", ...Object.keys(d).sort()].find(
      (k) => typeof d[k] === "string" && (d[k] as string).trim() !== "",
    );
    if (lang) {
      a.doc = d[lang] as string;
      a.facts.push(fact(ctx, "doc", child(pointer, "descriptions", lang)));
    }
  }
  if (schema["deprecated"] === true) {
    a.deprecated = "";
    a.facts.push(fact(ctx, "deprecated", child(pointer, "deprecated"), "deprecated: true"));
  }
  if (schema["format"] === "password") {
    a.sensitive = true;
    a.facts.push(fact(ctx, "sensitive", child(pointer, "format"), "format: password"));
  }
  if (Array.isArray(schema["examples"])) a.examples = schema["examples"];
  if (has(schema, "default") && active(ctx, schema, pointer, "default")) a.default = schema["default"];
  return a;
}

/** Resolves a `$ref` string to a named type's identifier, or reports it. */
export function resolveRef(ctx: Context, ref: JsonValue | undefined, pointer: string): TypeNode | undefined {
  if (typeof ref !== "string") {
    report(ctx, "SCHEMA_TYPE_OBJECT_MISSING_REF", pointer);
    return undefined;
  }
  let name: string | undefined;
  if (ref.startsWith("#/definitions/")) name = ctx.lookup("local", decodePath(ref.slice("#/definitions/".length)));
  else if (ref.startsWith("#/components/schemas/"))
    name = ctx.lookup("component", decodePath(ref.slice("#/components/schemas/".length)));
  else if (ref === "#") name = ctx.lookup("root", "");
  else {
    report(ctx, "SCHEMA_REF_UNSUPPORTED", pointer, { refPath: ref });
    return undefined;
  }
  if (name === undefined) {
    ctx.missing.push({ ref, owner: ctx.owner, at: at(ctx, pointer) });
    return undefined;
  }
  return {
    kind: "ref",
    name,
    attrs: { at: at(ctx, pointer), facts: [fact(ctx, "type", pointer, `reference to ${ref}`)] },
  };
}

export { isObject, has, type JsonObject };
