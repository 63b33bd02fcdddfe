// Two reconciled models → the list of changes, each judged for readers and writers. Pure: no I/O.
import type { Model, NamedType, Operation } from "../ir/model.js";
import { sortChanges, worse, type Change, type Direction, type RawChange } from "./change.js";
import { compareType, type Side } from "./compare-node.js";
import { describe, namesOf } from "./describe.js";
import { directionOf, directions } from "./direction.js";
import { ruleFor } from "./rules.js";

export function compareModels(old: Model, next: Model): Change[] {
  const raw: RawChange[] = [];
  const before = bySource(old.types);
  const after = bySource(next.types);
  const sides: [Side, Side] = [side(old), side(next)];
  for (const [name, t] of before) {
    if (!after.has(name))
      raw.push({ subject: name, type: name, kind: "type-removed", old: describe(t.node, sides[0].names) });
  }
  for (const [name, t] of after) {
    const was = before.get(name);
    if (!was) raw.push({ subject: name, type: name, kind: "type-added", new: describe(t.node, sides[1].names) });
    else compareType(sides[0], sides[1], was, t, raw);
  }
  raw.push(...compareOperations(old.reconciliation?.operations ?? [], next.reconciliation?.operations ?? []));
  const d = [directions(old), directions(next)];
  return sortChanges(
    raw.map((c) => judge(c, c.direction ?? (c.type !== undefined ? directionOf(c.type, ...d) : "unknown"))),
  );
}

/** The impact table's verdict, and the severity over the sides the direction says count. */
function judge(c: RawChange, direction: Direction): Change {
  const rule = ruleFor(c);
  const severity = direction === "read" ? rule.read : direction === "write" ? rule.write : worse(rule.read, rule.write);
  const { variant: _variant, direction: _direction, ...rest } = c;
  return { ...rest, read: rule.read, write: rule.write, severity, direction, reason: rule.why };
}

function bySource(types: readonly NamedType[]): Map<string, NamedType> {
  return new Map(
    [...types]
      .sort((a, b) => (a.sourceName < b.sourceName ? -1 : a.sourceName > b.sourceName ? 1 : 0))
      .map((t) => [t.sourceName, t]),
  );
}

const side = (m: Model): Side => ({ names: namesOf(m.types), byName: new Map(m.types.map((t) => [t.name, t])) });

/** Operations by name: callers write the input and read the output and errors. */
function compareOperations(old: Operation[], next: Operation[]): RawChange[] {
  const out: RawChange[] = [];
  const before = new Map(old.map((o) => [o.name, o]));
  const after = new Map(next.map((o) => [o.name, o]));
  const at = (o: Operation) => `${o.name}()`;
  for (const o of old)
    if (!after.has(o.name)) out.push({ subject: at(o), kind: "operation-removed", direction: "both" });
  for (const o of next) {
    const was = before.get(o.name);
    if (!was) {
      out.push({ subject: at(o), kind: "operation-added", direction: "both" });
      continue;
    }
    for (const [part, direction] of [
      ["input", "write"],
      ["output", "read"],
    ] as const) {
      if (was[part] === o[part]) continue;
      out.push({
        subject: at(o),
        kind: "operation-changed",
        detail: part,
        direction,
        ...(was[part] ? { old: was[part] } : {}),
        ...(o[part] ? { new: o[part] } : {}),
      });
    }
    for (const e of o.errors)
      if (!was.errors.includes(e)) out.push({ subject: at(o), kind: "error-added", new: e, direction: "read" });
    for (const e of was.errors)
      if (!o.errors.includes(e)) out.push({ subject: at(o), kind: "error-removed", old: e, direction: "read" });
    if (!was.deprecated && o.deprecated) out.push({ subject: at(o), kind: "deprecation-added", direction: "both" });
    if (was.deprecated && !o.deprecated) out.push({ subject: at(o), kind: "deprecation-removed", direction: "both" });
  }
  return out;
}
