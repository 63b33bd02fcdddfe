// A named type resolved by an earlier run (watch mode), reused when its document is the same parsed
// object (the parse memo gives an unchanged file's parse back), the symbol table gave it the same
// name and place, and every lookup it made (lookups.ts) answers as before: then resolving it again
// would build the same type and report the same problems. Later steps ($extends, reconcile) rewrite
// types in place, so the memo keeps the type as resolved, which nothing else holds, and each run gets
// a copy of it (copyOf), or an equal object the memo shares because no step changes it (handOut).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { NamedType } from "../ir/model.js";
import type { Context } from "./context.js";
import type { LookupKind, Read } from "./lookups.js";
import type { SymbolEntry } from "./symbols.js";

export interface ResolvedEntry {
  name: string;
  path: string;
  root: boolean;
  errorShape: boolean;
  componentsDialect: boolean;
  reads: Read[];
  /** As resolving built it, before `$extends` (private: never handed out, never rewritten). */
  type: NamedType;
  diagnostics: Diagnostic[];
  missing: Context["missing"];
}

/** Whether `known` is what resolving `entry` now would give. */
export function reusable(
  known: ResolvedEntry,
  entry: SymbolEntry,
  componentsDialect: boolean,
  lookup: (kind: LookupKind, key: string) => string | undefined,
): boolean {
  return (
    known.name === entry.name &&
    known.root === entry.root &&
    known.errorShape === entry.errorShape &&
    known.componentsDialect === componentsDialect &&
    known.path === entry.path.join("/") &&
    known.reads.every(([kind, key, name]) => lookup(kind, key) === name)
  );
}

/** Thrown by copyOf for anything but plain data: such a type is not kept. */
export class NotPlain extends Error {}

/**
 * A copy of a resolved type that later steps may rewrite without touching the original: every array
 * and object is copied, except source locations (`at`) and the facts in a `facts` list, which nothing
 * changes once made (policies add facts, never edit one), so both copies share them, as the type
 * shared them within itself. Parsed values (examples, defaults) are copied too, though nothing edits
 * them either. Anything but plain data throws NotPlain.
 */
export function copyOf<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyOf(value[i]);
    return out as T;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    const c = k === "at" ? v : k === "facts" && Array.isArray(v) ? v.slice() : copyOf(v);
    // A member named __proto__ (a parsed value's) stays a member.
    if (k === "__proto__")
      Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out as T;
}
