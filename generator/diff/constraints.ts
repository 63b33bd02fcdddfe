// Constraints compared keyword by keyword: a higher lower bound or a lower upper bound tightens,
// the reverse loosens; a keyword that appears tightens and one that goes away loosens.
import type { Constraints } from "../ir/model.js";
import type { RawChange } from "./change.js";

const LOWER = ["minLength", "minItems", "minContains", "minProperties", "minimum", "exclusiveMinimum"] as const;
const UPPER = [
  "maxLength",
  "maxItems",
  "maxContains",
  "maxProperties",
  "maximum",
  "exclusiveMaximum",
  "precision",
  "scale",
] as const;
const TAGS = ["format", "contentEncoding", "contentMediaType"] as const;

type Bound = number | string;

/** Exact for integers written as strings (int64 bounds); numbers otherwise. */
export function compareBounds(a: Bound, b: Bound): number {
  const int = (v: Bound) => (typeof v === "string" ? /^-?\d+$/.test(v) : Number.isSafeInteger(v));
  if (int(a) && int(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Math.sign(Number(a) - Number(b));
}

type Emit = (c: Omit<RawChange, "subject" | "type">) => void;

export function compareConstraints(o: Constraints | undefined, n: Constraints | undefined, emit: Emit): void {
  const a = o ?? {};
  const b = n ?? {};
  const bound = (key: (typeof LOWER)[number] | (typeof UPPER)[number], upper: boolean) => {
    const was = a[key];
    const is = b[key];
    if (was === is) return;
    const facts = { detail: key, ...(was !== undefined ? { old: was } : {}), ...(is !== undefined ? { new: is } : {}) };
    if (was === undefined) return emit({ kind: "constraint-tightened", ...facts });
    if (is === undefined) return emit({ kind: "constraint-loosened", ...facts });
    const d = compareBounds(is, was);
    if (d === 0) return;
    emit({ kind: d > 0 === upper ? "constraint-loosened" : "constraint-tightened", ...facts });
  };
  for (const k of LOWER) bound(k, false);
  for (const k of UPPER) bound(k, true);

  const wasPattern = a.pattern?.source;
  const isPattern = b.pattern?.source;
  if (wasPattern !== isPattern) {
    const facts = {
      detail: "pattern",
      ...(wasPattern !== undefined ? { old: wasPattern } : {}),
      ...(isPattern !== undefined ? { new: isPattern } : {}),
    };
    const kind =
      wasPattern === undefined
        ? "constraint-tightened"
        : isPattern === undefined
          ? "constraint-loosened"
          : "pattern-changed";
    emit({ kind, ...facts });
  }
  for (const k of TAGS) {
    const was = a[k];
    const is = b[k];
    if (was === is) continue;
    const kind =
      was === undefined ? "constraint-tightened" : is === undefined ? "constraint-loosened" : "constraint-changed";
    emit({ kind, detail: k, ...(was !== undefined ? { old: was } : {}), ...(is !== undefined ? { new: is } : {}) });
  }
  if ((a.uniqueItems ?? false) !== (b.uniqueItems ?? false)) {
    emit({
      kind: b.uniqueItems ? "constraint-tightened" : "constraint-loosened",
      detail: "uniqueItems",
      old: a.uniqueItems ?? false,
      new: b.uniqueItems ?? false,
    });
  }
  if (a.multipleOf !== b.multipleOf) {
    const was = a.multipleOf;
    const is = b.multipleOf;
    const facts = {
      detail: "multipleOf",
      ...(was !== undefined ? { old: was } : {}),
      ...(is !== undefined ? { new: is } : {}),
    };
    // Multiples of 6 are multiples of 3: a multiple of the old step tightens, a divisor loosens.
    const kind =
      was === undefined || (is !== undefined && isMultiple(is, was))
        ? "constraint-tightened"
        : is === undefined || isMultiple(was, is)
          ? "constraint-loosened"
          : "constraint-changed";
    emit({ kind, ...facts });
  }
}

function isMultiple(x: number, step: number): boolean {
  const q = x / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}
