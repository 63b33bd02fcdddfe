// What evidence adapters produce: each source describes the shapes it knows in one common
// form, so policies compare sources without knowing where a claim came from.
import type { SourceLocation } from "../diagnostics/diagnostic.js";

export type SourceKind = "json-structure" | "botocore" | "boto3-docs" | "aws-sdk" | "recorded";

export interface SourceInfo {
  /** Short id used in facts and reports, e.g. "botocore". */
  id: string;
  kind: SourceKind;
  /** One line: what it is and where it came from. */
  description: string;
}

export type ShapeKind =
  | "object"
  | "array"
  | "map"
  | "enum"
  | "string"
  | "integer"
  | "long"
  | "number"
  | "boolean"
  | "timestamp"
  | "blob"
  | "document";

export interface MemberClaim {
  /** Name of the member's shape in the same source (absent when the source does not name it). */
  shape?: string;
  /** Kind when the source states it directly (boto3 pages say "(string)", "(list)"). */
  kind?: ShapeKind;
  /** Absent when the source does not say. */
  required?: boolean;
  doc?: string;
  deprecated?: string;
  /** Values the member's prose lists (see reconcile/prose.ts). */
  proseValues?: string[];
  at?: SourceLocation;
}

export interface ShapeClaim {
  name: string;
  kind: ShapeKind;
  members?: Record<string, MemberClaim>;
  /** list member shape / map value shape. */
  items?: string;
  values?: string;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
  /** How a timestamp travels in JSON. */
  timestampWire?: "epoch-seconds" | "rfc3339";
  error?: boolean;
  doc?: string;
  deprecated?: string;
  at?: SourceLocation;
}

/** A value seen on the wire, at a subject path such as "DescribeThingResponse.Status". */
export interface Observation {
  subject: string;
  value: unknown;
  at?: SourceLocation;
}

/** An operation a service model declares, by shape names. */
export interface OperationClaim {
  name: string;
  input?: string;
  output?: string;
  errors: string[];
  deprecated?: boolean;
}

export interface Evidence {
  source: SourceInfo;
  /** The wire protocol a service model declares ("json", "rest-json", …). */
  protocol?: string;
  /** Shapes by name. */
  shapes: Map<string, ShapeClaim>;
  observations?: Observation[];
  /** Operations, when the source is a service model (botocore). */
  operations?: OperationClaim[];
}

/** Subject paths used in facts and decisions: "Type", "Type.Member", "Type[]" (items), "Type{}" (map values). */
export const subject = {
  type: (t: string) => t,
  member: (t: string, m: string) => `${t}.${m}`,
  items: (t: string) => `${t}[]`,
  values: (t: string) => `${t}{}`,
};
