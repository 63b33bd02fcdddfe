// The intermediate model: the only contract between stages. No I/O, no output formats.
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostic.js";

export type { SourceLocation };

/** One piece of evidence behind a node: which source said what, and where. */
export interface Fact {
  /** What the fact is about: "type", "doc", "required", "enum", "pattern", "sensitive", … */
  about: string;
  /** Source id, e.g. "json-structure". */
  source: string;
  at?: SourceLocation;
  /** The claim, short and human-readable (e.g. "string enum of 7 values"). */
  claim?: string;
}

/** Attributes every type node, member and named type carries (quicktype-style). */
export interface Attributes {
  doc?: string;
  /** Present when deprecated; the string is the reason (may be empty). */
  deprecated?: string;
  sensitive?: boolean;
  examples?: unknown[];
  default?: unknown;
  at?: SourceLocation;
  facts: Fact[];
}

/** JSON Structure primitive types, named as the spec names them. */
export type PrimitiveName =
  | "string"
  | "boolean"
  | "null"
  | "number"
  | "integer"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "int128"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "uint128"
  | "float8"
  | "float"
  | "double"
  | "decimal"
  | "binary"
  | "date"
  | "time"
  | "datetime"
  | "duration"
  | "uuid"
  | "uri"
  | "jsonpointer";

export interface Pattern {
  /** The regular expression as written in the source (ECMA-262). */
  source: string;
  /** Needs the `u` flag (\p{…}, \u{…}); structgen always compiles with it. */
  unicode: boolean;
}

export interface Constraints {
  minLength?: number;
  maxLength?: number;
  pattern?: Pattern;
  /** Numbers; strings for types whose wire form is a string (int64, decimal, …). */
  minimum?: number | string;
  maximum?: number | string;
  exclusiveMinimum?: number | string;
  exclusiveMaximum?: number | string;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minContains?: number;
  maxContains?: number;
  minProperties?: number;
  maxProperties?: number;
  precision?: number;
  scale?: number;
  /** A format the validation add-in names (email, ipv4, …), beyond the type's own. */
  format?: string;
  contentEncoding?: string;
  contentMediaType?: string;
}

export type EnumValue = string | number | boolean | null;

export interface EnumMember {
  value: EnumValue;
  attrs: Attributes;
}

export interface Member {
  /** The JSON property name, exactly as on the wire. */
  name: string;
  type: TypeNode;
  required: boolean;
  attrs: Attributes;
}

export type TypeNode =
  | { kind: "ref"; name: string; attrs: Attributes }
  | {
      kind: "primitive";
      primitive: PrimitiveName;
      constraints: Constraints;
      attrs: Attributes;
      /** Values prose says the string takes; any string is still valid ("A" | "B" | (string & {})). */
      knownValues?: EnumMember[];
      /** How a datetime travels: RFC 3339 text (default) or a JSON number of epoch seconds. */
      encoding?: "epoch-seconds";
    }
  | {
      kind: "enum";
      base: PrimitiveName;
      members: EnumMember[];
      attrs: Attributes;
      /** Open at run time: an unknown value is accepted and reported as drift; strict mode rejects it. */
      open?: boolean;
    }
  | { kind: "const"; value: EnumValue; attrs: Attributes }
  | {
      kind: "object";
      members: Member[];
      additional: boolean | TypeNode;
      attrs: Attributes;
      /** `required` as alternative sets: exactly one set must be fully present. */
      requiredSets?: string[][];
      constraints?: Constraints;
      dependentRequired?: Record<string, string[]>;
      patternProperties?: { pattern: Pattern; type: TypeNode }[];
      propertyNames?: TypeNode;
    }
  | { kind: "map"; values: TypeNode; attrs: Attributes; keys?: TypeNode; constraints?: Constraints }
  | { kind: "array"; items: TypeNode; constraints: Constraints; attrs: Attributes; contains?: TypeNode }
  | { kind: "set"; items: TypeNode; constraints: Constraints; attrs: Attributes; contains?: TypeNode }
  /** A fixed-length JSON array; elements are named (the `tuple` order) and all required. */
  | { kind: "tuple"; elements: Member[]; attrs: Attributes }
  /**
   * A discriminated union. Tagged (no selector): `{"<option>": value}`. Inline (selector):
   * an object whose `selector` member names the option, with the option's members beside it.
   */
  | { kind: "choice"; options: { name: string; type: TypeNode }[]; selector?: string; attrs: Attributes }
  | { kind: "union"; options: TypeNode[]; attrs: Attributes }
  /** Conditional composition (allOf/anyOf/oneOf/not/if-then-else) over an optional base. */
  | {
      kind: "composition";
      base?: TypeNode;
      allOf: TypeNode[];
      anyOf: TypeNode[];
      oneOf: TypeNode[];
      not?: TypeNode;
      if?: TypeNode;
      then?: TypeNode;
      else?: TypeNode;
      attrs: Attributes;
    }
  | { kind: "any"; attrs: Attributes };

export type TypeKind = TypeNode["kind"];

export interface NamedType {
  /** Unique in the model and a valid identifier: emitters use it as is. */
  name: string;
  /** The name as the source spelled it, with its namespace path. */
  sourceName: string;
  /** "error" for error shapes (exceptions), "shape" otherwise. */
  role: "shape" | "error";
  /** True for the types a document declares as its root. */
  root: boolean;
  /** Abstract types are bases only: never an instance's declared type. */
  abstract?: boolean;
  /** Names of the types it extends (members already merged in, first base wins). */
  extends?: string[];
  node: TypeNode;
  attrs: Attributes;
}

/** One claim a source makes about a subject, as shown in the reconciliation report. */
export interface Claim {
  source: string;
  claim: string;
  at?: SourceLocation;
}

/** A decision reconciliation made, and why. */
export interface Decision {
  /** "Type", "Type.Member", "Type[]" (items) or "Type{}" (map values). */
  subject: string;
  /** What was decided: "enum-members", "required", "timestamp", "constraint:pattern", … */
  kind: string;
  claims: Claim[];
  decision: string;
  /** The policy (or "override") that made it. */
  rule: string;
  /** Sources disagreed here. */
  disagreement: boolean;
  /** For overrides: the written reason. */
  reason?: string;
}

export interface SourceSummary {
  id: string;
  kind: string;
  description: string;
}

/** An operation of the authority's model: which shapes travel to the service and back. */
export interface Operation {
  name: string;
  /** Shape names as the authority spells them (a type's `sourceName`). */
  input?: string;
  output?: string;
  errors: string[];
  deprecated?: boolean;
}

export interface Reconciliation {
  sources: SourceSummary[];
  /** The source whose word is final where a policy says "authority". */
  authority?: string;
  decisions: Decision[];
  /** The authority's operations, sorted by name: they tell which types are written and which are read. */
  operations?: Operation[];
}

export interface Model {
  /** The corpus name; names the output folder. */
  name: string;
  /** Sorted by name. */
  types: NamedType[];
  /** Non-fatal diagnostics gathered while building the model. */
  diagnostics: Diagnostic[];
  /** Present when the corpus was reconciled with other evidence. */
  reconciliation?: Reconciliation;
}

export const attrs = (at?: SourceLocation, facts: Fact[] = []): Attributes => ({ ...(at ? { at } : {}), facts });
