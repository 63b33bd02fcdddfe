// What `structgen diff` reports: one Change per difference between two reconciled models.

/** How a change affects one side: code that reads values of the type, or code that writes them. */
export type Impact = "breaking" | "warning" | "safe";

/**
 * Which sides use the type, from the authority model's operations: inputs are written, outputs and
 * errors are read. "unknown" when no operation reaches the type (or the corpus has no operations).
 */
export type Direction = "read" | "write" | "both" | "unknown";

export const CHANGE_KINDS = [
  "type-added",
  "type-removed",
  "type-changed",
  "member-added",
  "member-removed",
  "member-required",
  "member-optional",
  "enum-value-added",
  "enum-value-removed",
  "enum-opened",
  "enum-closed",
  "known-value-added",
  "known-value-removed",
  "option-added",
  "option-removed",
  "constraint-tightened",
  "constraint-loosened",
  "constraint-changed",
  "pattern-changed",
  "deprecation-added",
  "deprecation-removed",
  "sensitivity-added",
  "sensitivity-removed",
  "default-changed",
  "docs-changed",
  "operation-added",
  "operation-removed",
  "operation-changed",
  "error-added",
  "error-removed",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A fact as JSON: a value, a bound, a short description of a type. */
export type FactValue = string | number | boolean | null;

export interface Change {
  /** `Type`, `Type.member`, `Type[]` (items), `Type{}` (map values), nested as deep as needed; `Operation()`. */
  subject: string;
  kind: ChangeKind;
  /** What within the subject: a constraint keyword (`maxLength`), a facet (`encoding`), an enum value's owner. */
  detail?: string;
  old?: FactValue;
  new?: FactValue;
  read: Impact;
  write: Impact;
  /** The worse of the sides that count: both when the direction is unknown. */
  severity: Impact;
  direction: Direction;
  /** The named type the subject belongs to (its source name); absent for operations. */
  type?: string;
  /** Why the rule judged the sides so. */
  reason: string;
}

/** A change before the rules judge it: `variant` picks the row of the impact table. */
export interface RawChange {
  subject: string;
  kind: ChangeKind;
  variant?: string;
  detail?: string;
  old?: FactValue;
  new?: FactValue;
  type?: string;
  /** Operations know their side without walking types. */
  direction?: Direction;
}

export const IMPACTS: readonly Impact[] = ["breaking", "warning", "safe"];

const RANK: Record<Impact, number> = { breaking: 2, warning: 1, safe: 0 };

export const worse = (a: Impact, b: Impact): Impact => (RANK[a] >= RANK[b] ? a : b);

/** True when `impact` is at least as bad as `threshold`. */
export const reaches = (impact: Impact, threshold: Impact): boolean => RANK[impact] >= RANK[threshold];

/** Words for each kind, as the reports print them. */
export const KIND_LABEL: Record<ChangeKind, string> = {
  "type-added": "type added",
  "type-removed": "type removed",
  "type-changed": "type changed",
  "member-added": "member added",
  "member-removed": "member removed",
  "member-required": "member became required",
  "member-optional": "member became optional",
  "enum-value-added": "enum value added",
  "enum-value-removed": "enum value removed",
  "enum-opened": "enum became open",
  "enum-closed": "enum became closed",
  "known-value-added": "known value added",
  "known-value-removed": "known value removed",
  "option-added": "option added",
  "option-removed": "option removed",
  "constraint-tightened": "constraint tightened",
  "constraint-loosened": "constraint loosened",
  "constraint-changed": "constraint changed",
  "pattern-changed": "pattern changed",
  "deprecation-added": "deprecation added",
  "deprecation-removed": "deprecation removed",
  "sensitivity-added": "became sensitive",
  "sensitivity-removed": "no longer sensitive",
  "default-changed": "default changed",
  "docs-changed": "docs changed",
  "operation-added": "operation added",
  "operation-removed": "operation removed",
  "operation-changed": "operation changed",
  "error-added": "error added",
  "error-removed": "error removed",
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const text = (v: FactValue | undefined): string => (v === undefined ? "" : JSON.stringify(v));

/** The report's order: by subject, then kind (in the order above), detail and facts; each difference once. */
export function sortChanges<T extends RawChange | Change>(changes: readonly T[]): T[] {
  const seen = new Set<string>();
  const order = (k: ChangeKind) => String(CHANGE_KINDS.indexOf(k)).padStart(2, "0");
  const key = (c: T) => [c.subject, order(c.kind), c.detail ?? "", text(c.old), text(c.new)];
  return changes
    .filter((c) => {
      const k = JSON.stringify(key(c));
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) {
        const d = cmp(ka[i]!, kb[i]!);
        if (d !== 0) return d;
      }
      return 0;
    });
}
