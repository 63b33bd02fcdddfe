export interface Issue {
  pointer: string;
  code: string;
  message: string;
}
export interface Result {
  valid: boolean;
  errors: Issue[];
}
export type Check = ((value: unknown) => boolean) & { errors?: unknown[] | null };
export function ucs2length(str: string): number;
export function equal(a: unknown, b: unknown): boolean;
export function isDate(s: string): boolean;
export function isTime(s: string): boolean;
export function isDateTime(s: string): boolean;
export function isDuration(s: string): boolean;
export function isUuid(s: string): boolean;
export function isUriReference(s: string): boolean;
export function isJsonPointer(s: string): boolean;
export function isUri(s: string): boolean;
export function isEmail(s: string): boolean;
export function isHostname(s: string): boolean;
export function isIpv4(s: string): boolean;
export function isIpv6(s: string): boolean;
export function isInt64(s: string): boolean;
export function isUint64(s: string): boolean;
export function isInt128(s: string): boolean;
export function isUint128(s: string): boolean;
export function instanceData(value: unknown): unknown;
export function bigWithin(s: string, bounds: { minimum?: string; maximum?: string; exclusiveMinimum?: string; exclusiveMaximum?: string }): boolean;
export function toIssues(errors: unknown[] | null | undefined): Issue[];
export function runValidator(check: Check, value: unknown): Result;
export function assertValid(check: Check, value: unknown, typeName: string): void;
export function fast(q: (value: unknown) => boolean, value: unknown): boolean;
export function isValid(check: Check, value: unknown): boolean;
export class ValidationError extends Error {
  constructor(typeName: string, errors: Issue[]);
  readonly typeName: string;
  readonly errors: Issue[];
}
export type ShapeDescriptor = string | 0 | { o: Record<string, ShapeDescriptor>; x?: 1 } | { a: ShapeDescriptor } | { m: ShapeDescriptor } | { e: string[] };
export interface Drift {
  pointer: string;
  kind: "unknown-value" | "unknown-property";
  value: unknown;
  known?: string[];
}
export function driftIssues(shapes: Record<string, ShapeDescriptor>, desc: ShapeDescriptor, value: unknown, pointer: string, out: Drift[], depth: number): void;
export function validateWith(check: Check, shapes: Record<string, ShapeDescriptor>, typeName: string, value: unknown, strict: boolean): Result & { drift: Drift[] };
export function sdkToWire(value: unknown): unknown;
