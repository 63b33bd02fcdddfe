// The impact table: for each kind of change (and its variant), what it does to code that reads
// values of the type (parses responses, validates them) and to code that writes them (builds requests).
import type { Impact, RawChange } from "./change.js";

export interface Rule {
  read: Impact;
  write: Impact;
  why: string;
}

/** Rows by `kind`, or `kind:variant` where the context decides (open enum, required member, …). */
export const RULES: Readonly<Record<string, Rule>> = {
  "type-added": { read: "safe", write: "safe", why: "nothing uses a new type yet" },
  "type-removed": {
    read: "breaking",
    write: "breaking",
    why: "code that names the type or its validator no longer compiles",
  },
  "type-changed": { read: "breaking", write: "breaking", why: "values of the old type are not values of the new one" },
  "type-changed:retargeted": {
    read: "safe",
    write: "safe",
    why: "it now names another type; what that type admits is compared at the same subject",
  },
  "type-changed:widened": {
    read: "warning",
    write: "safe",
    why: "every old value is still valid; readers may receive values the old type excluded",
  },
  "type-changed:narrowed": { read: "safe", write: "breaking", why: "writers may produce values the new type rejects" },
  "type-changed:role": { read: "safe", write: "safe", why: "only how the type is classified (error or shape) changed" },
  "type-changed:abstract": {
    read: "safe",
    write: "breaking",
    why: "a value can no longer be of this type itself, only of a type extending it",
  },
  "type-changed:concrete": {
    read: "warning",
    write: "safe",
    why: "values may now be of this type itself, not only of a type extending it",
  },
  "member-added:optional": { read: "safe", write: "safe", why: "readers may ignore it and writers may leave it out" },
  "member-added:optional-closed": {
    read: "breaking",
    write: "safe",
    why: "the object admits no undeclared members, so readers built from the old version reject it",
  },
  "member-added:required": { read: "safe", write: "breaking", why: "writers must now send it" },
  "member-added:required-closed": {
    read: "breaking",
    write: "breaking",
    why: "writers must now send it, and readers built from the old version reject the undeclared member",
  },
  "member-removed": {
    read: "breaking",
    write: "breaking",
    why: "readers that use it get nothing, and writers that send it send an undeclared member",
  },
  "member-required": { read: "safe", write: "breaking", why: "writers that leave it out are rejected" },
  "member-optional": { read: "breaking", write: "safe", why: "readers that expect it present may not find it" },
  "enum-value-added:closed": {
    read: "breaking",
    write: "safe",
    why: "the enum is closed: readers' unions and validators reject the new value",
  },
  "enum-value-added:open": {
    read: "warning",
    write: "safe",
    why: "the enum is open: validators accept the value as drift, but closed unions and strict validators reject it",
  },
  "enum-value-removed": {
    read: "warning",
    write: "breaking",
    why: "writers that send it are rejected; readers' code for it is dead",
  },
  "enum-opened": {
    read: "warning",
    write: "safe",
    why: "unknown values are now accepted as drift; exhaustive handling needs a default",
  },
  "enum-closed": {
    read: "warning",
    write: "safe",
    why: "unknown values the service sends are now rejected instead of reported as drift",
  },
  "known-value-added": {
    read: "warning",
    write: "safe",
    why: "any string is still valid, but strict validators and exhaustive handling miss the new value",
  },
  "known-value-removed": {
    read: "safe",
    write: "warning",
    why: "the value is no longer documented: writers that send it may be refused",
  },
  "option-added": { read: "breaking", write: "safe", why: "readers handle only the old options" },
  "option-removed": {
    read: "warning",
    write: "breaking",
    why: "writers that produce it are rejected; readers' code for it is dead",
  },
  "constraint-tightened": {
    read: "safe",
    write: "breaking",
    why: "writers may produce values the new constraint rejects",
  },
  "constraint-loosened": {
    read: "warning",
    write: "safe",
    why: "readers (and validators built from the old version) may receive values the old constraint excluded",
  },
  "constraint-changed": {
    read: "warning",
    write: "breaking",
    why: "neither version includes the other: writers may be rejected and readers surprised",
  },
  "pattern-changed": {
    read: "warning",
    write: "breaking",
    why: "strings that matched the old pattern may not match the new one, and the other way round",
  },
  "deprecation-added": { read: "warning", write: "warning", why: "it may go away: stop relying on it" },
  "deprecation-removed": { read: "safe", write: "safe", why: "it is no longer marked for removal" },
  "sensitivity-added": { read: "warning", write: "warning", why: "logs, snapshots and reports should now redact it" },
  "sensitivity-removed": { read: "safe", write: "safe", why: "it no longer needs redacting" },
  "default-changed": { read: "safe", write: "warning", why: "writers that leave it out get another value than before" },
  "docs-changed": { read: "safe", write: "safe", why: "only the description changed" },
  "operation-added": { read: "safe", write: "safe", why: "nothing calls a new operation yet" },
  "operation-removed": { read: "breaking", write: "breaking", why: "callers of the operation break" },
  "operation-changed": { read: "breaking", write: "breaking", why: "the operation now takes or returns another type" },
  "error-added": {
    read: "safe",
    write: "safe",
    why: "callers may receive an error they do not name; generic error handling covers it",
  },
  "error-removed": { read: "safe", write: "safe", why: "callers' handling of it is dead code" },
};

/** The row for a change: its kind, refined by its variant when the table has one. */
export function ruleFor(c: Pick<RawChange, "kind" | "variant">): Rule {
  const row = c.variant ? RULES[`${c.kind}:${c.variant}`] : undefined;
  const rule = row ?? RULES[c.kind];
  if (!rule) throw new Error(`no impact rule for ${c.kind}${c.variant ? `:${c.variant}` : ""}`);
  return rule;
}
