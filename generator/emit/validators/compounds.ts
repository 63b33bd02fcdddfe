// The bodies of the functions that check compound nodes: objects, maps, arrays and sets, tuples,
// choices, unions and compositions. Boolean mode (x, q) returns on the first failure (q: the depth
// times 4 plus the mode, see leaves.ts); collecting
// mode (x, c, k) records every error and drift entry. Both read a value's members the one way JSON
// sees them: own enumerable properties, a member whose value is undefined being absent.
import type { Member, TypeNode } from "../../ir/model.js";
import { call, flatCall, jsString, numberLiteral, WIDTH, type Writer } from "./layout.js";
import { describe, leafCheck, leafHead, leafIs, schemaType } from "./leaves.js";
import { COMPOUND, MAX_DEPTH, type Scope } from "./scope.js";

type Node<K extends TypeNode["kind"]> = Extract<TypeNode, { kind: K }>;

/** A function (name) deciding `node` in boolean mode: the referenced type's, or a helper. */
function isFn(s: Scope, node: TypeNode): string {
  return node.kind === "ref" ? `${node.name}$is` : s.isName(s.fn(node));
}

function checkFn(s: Scope, node: TypeNode): string {
  return node.kind === "ref" ? `${node.name}$check` : s.checkName(s.fn(node));
}

/** Both functions of one node (scheduled once). */
function fns(s: Scope, node: TypeNode): { is: string; check: string } {
  if (node.kind === "ref") return { is: `${node.name}$is`, check: `${node.name}$check` };
  const suffix = s.fn(node);
  return { is: s.isName(suffix), check: s.checkName(suffix) };
}

const n = numberLiteral;

/** The largest boolean state of a value within MAX_DEPTH: depth 512, every flag set. */
const MAX_STATE = MAX_DEPTH * 8 + 7;
const str = jsString;

function fail(s: Scope, w: Writer, k: string, code: string, arg?: string): void {
  w.call(call(s.rt("fail"), "c", k, str(code), ...(arg !== undefined ? [arg] : [])));
}

/**
 * The for-in head both modes share: own enumerable members that are not undefined. An instance's
 * top-level "$schema" (a string) names its schema and is no member, unless the validated type
 * declares one: boolean mode reads that from q (below 4: depth 0 without the keep flag),
 * collecting mode from c.z.
 */
function eachMember(
  s: Scope,
  w: Writer,
  key: string,
  body: () => void,
  skip: "here" | "in switch" | "no" = "here",
): void {
  w.block(`for (const ${key} in x)`, () => {
    w.line(`if (!${s.rt("hasOwn")}.call(x, ${key})) continue;`);
    w.line(`const v = x[${key}];`);
    w.line("if (v === undefined) continue;");
    if (skip === "here")
      w.line(
        key === "k"
          ? `if (q < 4 && k === "$schema" && ${SCHEMA_VALUE}) continue;`
          : `if (${s.rt("schemaMember")}(c, key, v)) continue;`,
      );
    body();
  });
}

const SCHEMA_VALUE = `typeof v === "string"`;

/** `x.name`, or `x["name"]` where the name is not an identifier. */
const memberRead = (x: string, name: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${x}.${name}` : `${x}[${str(name)}]`;

const declaresSchema = (node: Node<"object">): boolean => node.members.some((m) => m.name === "$schema");

/**
 * A member present (or, negated, absent) as the loop sees members: a skipped "$schema" is absent.
 * Written for a chain of && conditions.
 */
function presentExpr(s: Scope, name: string, mode: "is" | "check", declares: boolean, negated = false): string {
  const test = `${s.rt("present")}(x, ${str(name)})`;
  if (name !== "$schema" || declares) return negated ? `!${test}` : test;
  if (mode === "is") return negated ? `(!${test} || q < 4)` : `${test} && q >= 4`;
  return negated ? `(!${test} || (c.z && c.p.length === 0))` : `${test} && !(c.z && c.p.length === 0)`;
}

function enterOrReturn(s: Scope, w: Writer): void {
  w.line(`const p = ${s.rt("enter")}(c, k);`);
  w.line("if (p < 0) return;");
}

// ---------------------------------------------------------------------------------------------

export function compoundIs(s: Scope, w: Writer, node: TypeNode): void {
  switch (node.kind) {
    case "object":
      return objectIs(s, w, node);
    case "map":
      return mapIs(s, w, node);
    case "array":
    case "set":
      return arrayIs(s, w, node);
    case "tuple":
      return tupleIs(s, w, node);
    case "choice":
      return choiceIs(s, w, node);
    case "union":
      for (const o of node.options) w.when({ call: call(isFn(s, o), "x", "q") }, "return true;");
      w.line("return false;");
      return;
    case "composition":
      return compositionIs(s, w, node);
    default:
      leafIs(s, w, node, "x", "q");
      w.line("return true;");
  }
}

export function compoundCheck(s: Scope, w: Writer, node: TypeNode): void {
  switch (node.kind) {
    case "object":
      return objectCheck(s, w, node);
    case "map":
      return mapCheck(s, w, node);
    case "array":
    case "set":
      return arrayCheck(s, w, node);
    case "tuple":
      return tupleCheck(s, w, node);
    case "choice":
      return choiceCheck(s, w, node);
    case "union":
      return unionCheck(s, w, node.options, "INSTANCE_ANY_OF_NONE_MATCHED");
    case "composition":
      return compositionCheck(s, w, node);
    default:
      leafCheck(s, w, node, "x", "k", "return;");
  }
}

const containerHead = (s: Scope, w: Writer, test: string): void => {
  w.line(`if (!${test}) return false;`);
  w.line(`if (q > ${MAX_STATE}) return false;`);
};

// ---------------------------------------------------------------------------------------------
// Objects

/**
 * A required member's value `u` in boolean mode. For a primitive type, its type test and the comparisons that
 * call nothing are written out (leafHead): a value of the wrong type, or empty, or out of range, fails without
 * a call, whatever V8 inlines (its budget goes to the calls made most often). Its function decides the rest.
 */
function requiredIs(s: Scope, w: Writer, node: TypeNode): void {
  const leaf = node.kind === "ref" ? s.leafOf(node.name) : undefined;
  const head = leaf && leafHead(leaf, "u");
  // Each type test fails undefined (an absent member) too.
  if (!head) w.line("if (u === undefined) return false;");
  else w.when(head.conds.join(" || "), "return false;");
  // A string type's check without its head (type-code.ts writes T$rest for types required members name).
  if (head?.rest && node.kind === "ref")
    w.when({ not: true, call: call(`${node.name}$rest`, "u", "q + 8") }, "return false;");
  else if (!head?.whole) leafIs(s, w, node, "u", "q + 8");
}

function objectIs(s: Scope, w: Writer, node: Node<"object">): void {
  containerHead(s, w, `${s.rt("objectLike")}(x)`);
  const required = node.members.filter((m) => m.required);
  const counted = node.constraints?.minProperties !== undefined || node.constraints?.maxProperties !== undefined;
  if (!counted && !node.propertyNames && !node.patternProperties?.length && node.additional === true)
    return openObjectIs(s, w, node);
  if (required.length > 0) w.line("let r = 0;");
  if (counted) w.line("let n = 0;");
  // Without work before the switch, a top-level "$schema" is skipped by a case of its own.
  const plain = !counted && !node.propertyNames && !node.patternProperties?.length;
  const skip = declaresSchema(node) ? "no" : plain ? "in switch" : "here";
  // A required member whose value, read directly, fails (or is absent) fails the object whatever
  // else holds: an inherited or non-enumerable member counts as absent. Checked before the walk,
  // which then only counts it, so an invalid value often fails before any key is enumerated.
  required.forEach((m, i) => {
    const decl = i > 0 ? "" : required.length > 1 ? "let " : "const ";
    w.assign(`${decl}u`, memberRead("x", m.name));
    requiredIs(s, w, m.type);
  });
  eachMember(
    s,
    w,
    "k",
    () => {
      if (counted) w.line("n++;");
      if (node.propertyNames) w.when({ not: true, call: call(isFn(s, node.propertyNames), "k", "q") }, "return false;");
      const patterns = node.patternProperties ?? [];
      if (patterns.length > 0) w.line("let pm = false;");
      for (const p of patterns) {
        const re = patternConstant(s, p.pattern.source);
        w.ifBlock({ call: call(`${re}.test`, "k") }, () => {
          w.line("pm = true;");
          w.when({ not: true, call: call(isFn(s, p.type), "v", "q + 8") }, "return false;");
        });
      }
      const rest = (): void => {
        if (patterns.length > 0) w.line("if (pm) break;");
        if (node.additional === false) w.line("return false;");
        else if (node.additional === true) w.when(`(q & 3) !== 0 && ${s.rt("undeclared")}(k, q)`, "return false;");
        else {
          // Allowed by its schema, yet undeclared: drift, as in strict mode it is an error.
          w.line("if ((q & 3) !== 0) return false;");
          leafIs(s, w, node.additional, "v", "q + 8");
        }
      };
      memberSwitch(
        w,
        "k",
        node.members,
        (m) => {
          if (m.required) w.line("r++;");
          else leafIs(s, w, m.type, "v", "q + 8");
        },
        rest,
        skip === "in switch",
      );
    },
    skip,
  );
  if (required.length > 0) w.line(`if (r !== ${required.length}) return false;`);
  objectRulesIs(s, w, node);
  if (node.constraints?.minProperties !== undefined)
    w.line(`if (n < ${n(node.constraints.minProperties)}) return false;`);
  if (node.constraints?.maxProperties !== undefined)
    w.line(`if (n > ${n(node.constraints.maxProperties)}) return false;`);
  w.line("return true;");
}

/**
 * An open object (undeclared members are drift) in boolean mode reads its declared members directly,
 * as TypeBox does, and proves what JSON would see only where it can change the verdict:
 * - a required member absent or failing fails the object either way (a member JSON does not see is absent);
 * - an optional member failing fails it only if JSON sees that member (`owns`); else the next is read;
 * - by default, the required members must be own enumerable ones (`owns`, `ownsAll`: a for-in until met);
 * - modes 1 and 2 walk the members once for undeclared ones and count the required (`declaredOnly`).
 * Each member is checked once, so a value costs time linear in its size whatever its prototypes hold.
 * Names are listed required first, so `ownsAll` and `declaredOnly` read the first r of them as required.
 */
function openObjectIs(s: Scope, w: Writer, node: Node<"object">): void {
  const required = node.members.filter((m) => m.required);
  const optional = node.members.filter((m) => !m.required);
  // Every declared member is named, an `any` one too (else modes 1 and 2 would count it undeclared).
  const names = s.constant("k", { list: [...required, ...optional].map((m) => str(m.name)) });
  const checked = optional.filter((m) => m.type.kind !== "any");
  const r = required.length;
  if (required.length + checked.length > 0) w.line("let u;");
  required.forEach((m) => {
    w.assign("u", memberRead("x", m.name));
    requiredIs(s, w, m.type);
  });
  for (const m of checked) {
    w.assign("u", memberRead("x", m.name));
    const seen = call(s.rt("owns"), "x", str(m.name));
    const one = m.type.kind === "ref" || COMPOUND.has(m.type.kind) ? call(isFn(s, m.type), "u", "q + 8") : undefined;
    const fits = (cond: string): boolean => `${w.indent}if (${cond}) return false;`.length <= WIDTH;
    const cond = one && `u !== undefined && !${flatCall(one)} && ${flatCall(seen)}`;
    if (cond && fits(cond)) w.line(`if (${cond}) return false;`);
    else {
      // A failing test leaves the block with u still set; passing them all clears it.
      w.block("m: if (u !== undefined)", () => {
        leafIs(s, w, m.type, "u", "q + 8", "break m;");
        w.line("u = undefined;");
      });
      const failedSeen = `u !== undefined && ${flatCall(seen)}`;
      if (fits(failedSeen)) w.line(`if (${failedSeen}) return false;`);
      else w.block("if (u !== undefined)", () => w.when({ call: seen }, "return false;"));
    }
  }
  objectRulesIs(s, w, node);
  w.when("(q & 3) !== 0", { ret: call(s.rt("declaredOnly"), "x", "q", names, n(r)) });
  if (r === 0) w.line("return true;");
  else if (r === 1) w.call(call(s.rt("owns"), "x", str(required[0]!.name)), "return ");
  else w.call(call(s.rt("ownsAll"), "x", names, n(r)), "return ");
}

/**
 * `switch (key) { case "A": … break; default: … }`. With `schemaCase`, a top-level "$schema" is
 * skipped by a case of its own (only that key pays for the test), which otherwise does as default.
 */
function memberSwitch(
  w: Writer,
  key: string,
  members: Member[],
  each: (m: Member) => void,
  rest: () => void,
  schemaCase = false,
): void {
  w.block(`switch (${key})`, () => {
    for (const m of members) {
      w.nested(`case ${str(m.name)}:`, () => {
        each(m);
        w.line("break;");
      });
    }
    if (schemaCase) {
      w.nested(`case "$schema":`, () => {
        w.line(`if (q < 4 && ${SCHEMA_VALUE}) break;`);
        rest();
        w.line("break;");
      });
    }
    w.nested("default:", rest);
  });
}

function patternConstant(s: Scope, source: string): string {
  return s.constant("re", { call: call("new RegExp", str(source), str("u")) });
}

const requiredSetsText = (sets: string[][]): string => sets.map((set) => `{${set.join(", ")}}`).join(", ");

function objectRulesIs(s: Scope, w: Writer, node: Node<"object">): void {
  const present = (name: string) => presentExpr(s, name, "is", declaresSchema(node));
  const absent = (name: string) => presentExpr(s, name, "is", declaresSchema(node), true);
  if (node.requiredSets && node.requiredSets.length > 0) {
    w.line("let sets = 0;");
    for (const set of node.requiredSets) w.when(set.length === 0 ? "true" : set.map(present).join(" && "), "sets++;");
    w.line("if (sets !== 1) return false;");
  }
  for (const [trigger, deps] of Object.entries(node.dependentRequired ?? {})) {
    for (const dep of deps) w.when(`${present(trigger)} && ${absent(dep)}`, "return false;");
  }
}

function objectCheck(s: Scope, w: Writer, node: Node<"object">): void {
  const sets = node.requiredSets ?? [];
  if (sets.length > 0 && sets.length !== 1) {
    // Every `required` branch of the oneOf holds for a non-object: more than one is too many.
    const opts = s.text(requiredSetsText(sets));
    w.block(`if (!${s.rt("objectLike")}(x))`, () => {
      fail(s, w, "k", "INSTANCE_OBJECT_EXPECTED");
      fail(s, w, "k", "INSTANCE_ONE_OF_INVALID_COUNT", opts);
      w.line("return;");
    });
  } else
    w.when(
      { not: true, call: call(s.rt("objectLike"), "x") },
      { ret: call(s.rt("fail"), "c", "k", str("INSTANCE_OBJECT_EXPECTED")) },
    );
  enterOrReturn(s, w);
  const required = node.members.filter((m) => m.required);
  required.forEach((_, i) => w.line(`let r${i} = false;`));
  const counted = node.constraints?.minProperties !== undefined || node.constraints?.maxProperties !== undefined;
  if (counted) w.line("let n = 0;");
  eachMember(
    s,
    w,
    "key",
    () => {
      if (counted) w.line("n++;");
      if (node.propertyNames) propertyNameCheck(s, w, node.propertyNames);
      const patterns = node.patternProperties ?? [];
      if (patterns.length > 0) w.line("let pm = false;");
      for (const p of patterns) {
        const re = patternConstant(s, p.pattern.source);
        w.ifBlock({ call: call(`${re}.test`, "key") }, () => {
          w.line("pm = true;");
          w.call(call(checkFn(s, p.type), "v", "c", "key"));
        });
      }
      const rest = (): void => {
        if (patterns.length > 0) w.line("if (pm) break;");
        if (node.additional === false) fail(s, w, "key", "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED");
        else if (node.additional === true) w.call(call(s.rt("unknownMember"), "c", "key"));
        else {
          // Not the choice's selector exemption: only members the schema leaves open are exempt.
          w.call(call(s.rt("typedMember"), "c", "key"));
          w.line("if (c.s) break;");
          leafCheck(s, w, node.additional, "v", "key", "break;");
        }
      };
      memberSwitch(
        w,
        "key",
        node.members,
        (m) => {
          const i = required.indexOf(m);
          if (i >= 0) w.line(`r${i} = true;`);
          leafCheck(s, w, m.type, "v", "key", "break;");
        },
        rest,
      );
    },
    declaresSchema(node) ? "no" : "here",
  );
  required.forEach((m, i) =>
    w.when(`!r${i}`, call(s.rt("fail"), "c", str(m.name), str("INSTANCE_REQUIRED_PROPERTY_MISSING"))),
  );
  const present = (name: string) => presentExpr(s, name, "check", declaresSchema(node));
  const absent = (name: string) => presentExpr(s, name, "check", declaresSchema(node), true);
  if (sets.length > 0) {
    w.line("let sets = 0;");
    for (const set of sets) w.when(set.length === 0 ? "true" : set.map(present).join(" && "), "sets++;");
    w.when(
      "sets !== 1",
      call(s.rt("fail"), "c", "undefined", str("INSTANCE_ONE_OF_INVALID_COUNT"), s.text(requiredSetsText(sets))),
    );
  }
  for (const [trigger, deps] of Object.entries(node.dependentRequired ?? {})) {
    for (const dep of deps) {
      const detail = s.text(`${JSON.stringify(dep)} because it has ${JSON.stringify(trigger)}`);
      w.when(
        `${present(trigger)} && ${absent(dep)}`,
        call(s.rt("fail"), "c", "undefined", str("INSTANCE_DEPENDENT_REQUIRED"), detail),
      );
    }
  }
  countChecks(
    s,
    w,
    node.constraints?.minProperties,
    node.constraints?.maxProperties,
    "INSTANCE_MIN_PROPERTIES",
    "INSTANCE_MAX_PROPERTIES",
  );
  w.line("c.p.length = p;");
}

function countChecks(
  s: Scope,
  w: Writer,
  min: number | undefined,
  max: number | undefined,
  minCode: string,
  maxCode: string,
): void {
  if (min !== undefined) w.when(`n < ${n(min)}`, call(s.rt("fail"), "c", "undefined", str(minCode), n(min)));
  if (max !== undefined) w.when(`n > ${n(max)}`, call(s.rt("fail"), "c", "undefined", str(maxCode), n(max)));
}

/** A member name checked against its schema; errors sit at the object, plus one naming the member. */
function propertyNameCheck(s: Scope, w: Writer, keys: TypeNode): void {
  w.line("const e = c.n;");
  w.call(call(checkFn(s, keys), "key", "c", "undefined"));
  w.when("c.n > e", call(s.rt("badName"), "c", "key"));
}

// ---------------------------------------------------------------------------------------------
// Maps

function mapIs(s: Scope, w: Writer, node: Node<"map">): void {
  containerHead(s, w, `${s.rt("objectLike")}(x)`);
  const c = node.constraints;
  const counted = c?.minProperties !== undefined || c?.maxProperties !== undefined;
  if (counted) w.line("let n = 0;");
  eachMember(s, w, "k", () => {
    if (counted) w.line("n++;");
    if (node.keys) w.when({ not: true, call: call(isFn(s, node.keys), "k", "q") }, "return false;");
    leafIs(s, w, node.values, "v", "q + 8");
  });
  if (c?.minProperties !== undefined) w.line(`if (n < ${n(c.minProperties)}) return false;`);
  if (c?.maxProperties !== undefined) w.line(`if (n > ${n(c.maxProperties)}) return false;`);
  w.line("return true;");
}

function mapCheck(s: Scope, w: Writer, node: Node<"map">): void {
  w.when(
    { not: true, call: call(s.rt("objectLike"), "x") },
    { ret: call(s.rt("fail"), "c", "k", str("INSTANCE_OBJECT_EXPECTED")) },
  );
  enterOrReturn(s, w);
  const c = node.constraints;
  const counted = c?.minProperties !== undefined || c?.maxProperties !== undefined;
  if (counted) w.line("let n = 0;");
  eachMember(s, w, "key", () => {
    if (counted) w.line("n++;");
    if (node.keys) propertyNameCheck(s, w, node.keys);
    leafCheck(s, w, node.values, "v", "key", "continue;");
  });
  countChecks(s, w, c?.minProperties, c?.maxProperties, "INSTANCE_MIN_PROPERTIES", "INSTANCE_MAX_PROPERTIES");
  w.line("c.p.length = p;");
}

// ---------------------------------------------------------------------------------------------
// Arrays, sets and tuples

/** The contains keyword's bounds as the JSON Schema emitter states them (ajv ignores min 0 alone). */
function containsBounds(node: Node<"array" | "set">): { min?: number; max?: number } {
  if (!node.contains) return {};
  const min = node.constraints.minContains ?? 1;
  return {
    ...(min > 0 ? { min } : {}),
    ...(node.constraints.maxContains !== undefined ? { max: node.constraints.maxContains } : {}),
  };
}

function arrayIs(s: Scope, w: Writer, node: Node<"array" | "set">): void {
  containerHead(s, w, "Array.isArray(x)");
  const c = node.constraints;
  if (c.minItems !== undefined) w.line(`if (x.length < ${n(c.minItems)}) return false;`);
  if (c.maxItems !== undefined) w.line(`if (x.length > ${n(c.maxItems)}) return false;`);
  if (node.items.kind !== "any") {
    w.block("for (let i = 0; i < x.length; i++)", () => {
      w.line("const v = x[i];");
      leafIs(s, w, node.items, "v", "q + 8");
    });
  }
  if (node.kind === "set")
    w.line(`if (${s.rt("duplicate")}(x, ${uniqueType(node.items, "(q & 3) === 1")}) >= 0) return false;`);
  const { min, max } = containsBounds(node);
  if (min !== undefined || max !== undefined) {
    const fn = isFn(s, node.contains!);
    w.line("let h = 0;");
    // The contains schema is a predicate: drift inside it is no drift (mode 2 reads as 0).
    w.block("for (let i = 0; i < x.length; i++)", () => w.when({ call: call(fn, "x[i]", "(q & -3) + 8") }, "h++;"));
    if (min !== undefined) w.line(`if (h < ${n(min)}) return false;`);
    if (max !== undefined) w.line(`if (h > ${n(max)}) return false;`);
  }
  w.line("return true;");
}

/**
 * ajv compares only items of a scalar item type (when the items schema names one), else all. An
 * open enum names "string", but not once strict mode closes it: the argument then depends on it.
 */
function uniqueType(items: TypeNode, strict: string): string {
  const scalar = (t: string | undefined) => str(t !== undefined && t !== "object" && t !== "array" ? t : "");
  const loose = scalar(schemaType(items));
  const closed = scalar(schemaType(items, true));
  return loose === closed ? loose : `${strict} ? ${closed} : ${loose}`;
}

function arrayCheck(s: Scope, w: Writer, node: Node<"array" | "set">): void {
  w.when(
    { not: true, call: call("Array.isArray", "x") },
    { ret: call(s.rt("fail"), "c", "k", str("INSTANCE_ARRAY_EXPECTED")) },
  );
  enterOrReturn(s, w);
  const c = node.constraints;
  if (c.minItems !== undefined)
    w.when(
      `x.length < ${n(c.minItems)}`,
      call(s.rt("fail"), "c", "undefined", str("INSTANCE_MIN_ITEMS"), n(c.minItems)),
    );
  if (c.maxItems !== undefined)
    w.when(
      `x.length > ${n(c.maxItems)}`,
      call(s.rt("fail"), "c", "undefined", str("INSTANCE_MAX_ITEMS"), n(c.maxItems)),
    );
  if (node.items.kind !== "any") {
    w.block("for (let i = 0; i < x.length; i++)", () => {
      w.line("const v = x[i];");
      leafCheck(s, w, node.items, "v", "i", "continue;");
    });
  }
  if (node.kind === "set") {
    w.line(`const j = ${s.rt("duplicate")}(x, ${uniqueType(node.items, "c.s")});`);
    w.when("j >= 0", call(s.rt("fail"), "c", "undefined", str("INSTANCE_SET_DUPLICATE"), "j"));
  }
  const { min, max } = containsBounds(node);
  if (min !== undefined || max !== undefined) {
    const fn = isFn(s, node.contains!);
    w.line(`const q = ${s.rt("state")}(c, undefined) + 8;`);
    w.line("let h = 0;");
    w.block("for (let i = 0; i < x.length; i++)", () => w.when({ call: call(fn, "x[i]", "q") }, "h++;"));
    if (min !== undefined)
      w.when(`h < ${n(min)}`, call(s.rt("fail"), "c", "undefined", str("INSTANCE_MIN_CONTAINS"), n(min)));
    if (max !== undefined)
      w.when(`h > ${n(max)}`, call(s.rt("fail"), "c", "undefined", str("INSTANCE_MAX_CONTAINS"), n(max)));
  }
  w.line("c.p.length = p;");
}

function tupleIs(s: Scope, w: Writer, node: Node<"tuple">): void {
  containerHead(s, w, "Array.isArray(x)");
  w.line(`if (x.length !== ${node.elements.length}) return false;`);
  node.elements.forEach((e, i) => {
    if (e.type.kind !== "any") w.when({ not: true, call: call(isFn(s, e.type), `x[${i}]`, "q + 8") }, "return false;");
  });
  w.line("return true;");
}

function tupleCheck(s: Scope, w: Writer, node: Node<"tuple">): void {
  const len = node.elements.length;
  w.when(
    { not: true, call: call("Array.isArray", "x") },
    { ret: call(s.rt("fail"), "c", "k", str("INSTANCE_ARRAY_EXPECTED")) },
  );
  enterOrReturn(s, w);
  w.when(`x.length < ${len}`, call(s.rt("fail"), "c", "undefined", str("INSTANCE_MIN_ITEMS"), String(len)));
  w.block(`if (x.length > ${len})`, () => {
    fail(s, w, "undefined", "INSTANCE_MAX_ITEMS", String(len));
    fail(s, w, "undefined", "INSTANCE_TUPLE_ADDITIONAL_ITEMS", String(len));
  });
  node.elements.forEach((e, i) => {
    if (e.type.kind !== "any") w.when(`x.length > ${i}`, call(checkFn(s, e.type), `x[${i}]`, "c", String(i)));
  });
  w.line("c.p.length = p;");
}

// ---------------------------------------------------------------------------------------------
// Choices

function choiceIs(s: Scope, w: Writer, node: Node<"choice">): void {
  containerHead(s, w, `${s.rt("objectLike")}(x)`);
  if (node.selector === undefined) {
    // Tagged: exactly one member, named after its option.
    w.line("let n = 0;");
    eachMember(s, w, "k", () => {
      w.line("n++;");
      memberSwitch(
        w,
        "k",
        node.options.map((o) => ({ name: o.name, type: o.type, required: false, attrs: { facts: [] } })),
        (m) => {
          leafIs(s, w, m.type, "v", "q + 8");
        },
        () => w.line("return false;"),
      );
    });
    w.line("return n === 1;");
    return;
  }
  // The selector is the choice's own member: an option checks the object without counting it as
  // undeclared (see the objects' default branch), at this value's state only.
  const sel = s.rt("selector");
  w.call(call(s.rt("own"), "x", str(node.selector)), "const s = ");
  w.line(`const name = ${sel}.name;`);
  w.line(`const at = ${sel}.q;`);
  w.line(`${sel}.name = ${str(node.selector)};`);
  w.line(`${sel}.q = q;`);
  w.block(
    "try",
    () => {
      w.block("switch (s)", () => {
        for (const o of node.options)
          w.nested(`case ${str(o.name)}:`, () => w.call(call(isFn(s, o.type), "x", "q"), "return "));
        w.nested("default:", () => w.line("return false;"));
      });
    },
    "} finally {",
  );
  // Restored even when a getter throws, so the next check starts clean.
  w.line(`  ${sel}.name = name;`);
  w.line(`  ${sel}.q = at;`);
  w.line("}");
}

function choiceCheck(s: Scope, w: Writer, node: Node<"choice">): void {
  if (node.selector === undefined) {
    w.when(
      { not: true, call: call(s.rt("objectLike"), "x") },
      { ret: call(s.rt("fail"), "c", "k", str("INSTANCE_OBJECT_EXPECTED")) },
    );
    enterOrReturn(s, w);
    w.line("let n = 0;");
    eachMember(s, w, "key", () => {
      w.line("n++;");
      memberSwitch(
        w,
        "key",
        node.options.map((o) => ({ name: o.name, type: o.type, required: false, attrs: { facts: [] } })),
        (m) => {
          leafCheck(s, w, m.type, "v", "key", "break;");
        },
        () => fail(s, w, "key", "INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED"),
      );
    });
    countChecks(s, w, 1, 1, "INSTANCE_MIN_PROPERTIES", "INSTANCE_MAX_PROPERTIES");
    w.line("c.p.length = p;");
    return;
  }
  const sel = str(node.selector);
  const options = node.options.map((o) => ({ name: o.name, check: checkFn(s, o.type) }));
  w.block(`if (!${s.rt("objectLike")}(x))`, () => {
    fail(s, w, "k", "INSTANCE_OBJECT_EXPECTED");
    // Each option's condition holds for a non-object, so each option applies (as in ajv).
    for (const o of options) w.call(call(o.check, "x", "c", "k"));
    w.line("return;");
  });
  enterOrReturn(s, w);
  w.call(call(s.rt("own"), "x", sel), "const s = ");
  w.when("s === undefined", call(s.rt("fail"), "c", sel, str("INSTANCE_REQUIRED_PROPERTY_MISSING")));
  w.when(`s !== undefined && typeof s !== "string"`, call(s.rt("fail"), "c", sel, str("INSTANCE_STRING_EXPECTED")));
  const names = s.values(node.options.map((o) => o.name));
  // As in boolean mode (which the boolean checks called from here read), and for the collecting ones.
  const mod = s.rt("selector");
  w.line("const name = c.sn;");
  w.line("const at = c.sd;");
  w.line(`const q = ${mod}.q;`);
  w.line(`c.sn = ${mod}.name = ${sel};`);
  w.line("c.sd = c.p.length;");
  w.line(`${mod}.q = ${s.rt("state")}(c, undefined);`);
  w.block("switch (s)", () => {
    for (const o of options) {
      w.nested(`case ${str(o.name)}:`, () => {
        w.call(call(o.check, "x", "c", "undefined"));
        w.line("break;");
      });
    }
    w.nested("case undefined:", () => w.line("break;"));
    w.nested("default:", () => fail(s, w, sel, "INSTANCE_ENUM_MISMATCH", names));
  });
  w.line(`c.sn = ${mod}.name = name;`);
  w.line("c.sd = at;");
  w.line(`${mod}.q = q;`);
  w.line("c.p.length = p;");
}

// ---------------------------------------------------------------------------------------------
// Unions and compositions

/**
 * One error naming the options when none matches. Drift: none when an option matches without it,
 * else the first matching option's.
 */
function unionCheck(s: Scope, w: Writer, options: TypeNode[], code: string): void {
  const pairs = options.map((o) => fns(s, o));
  const text = s.text(options.map(describe).join(", "));
  w.line(`const q = ${s.rt("state")}(c, k);`);
  for (const p of pairs) w.when({ call: call(p.is, "x", "c.s ? q : q + 2") }, "return;");
  w.block("if (!c.s)", () => {
    for (const p of pairs) w.when({ call: call(p.is, "x", "q") }, { ret: call(p.check, "x", "c", "k") });
  });
  fail(s, w, "k", code, text);
}

function compositionIs(s: Scope, w: Writer, node: Node<"composition">): void {
  const parts = [...(node.base ? [node.base] : []), ...node.allOf];
  for (const p of parts) if (p.kind !== "any") w.when({ not: true, call: call(isFn(s, p), "x", "q") }, "return false;");
  if (node.anyOf.length > 0) {
    w.when({ not: true, call: call(isFn(s, s.anyOf(node)), "x", "q") }, "return false;");
  }
  if (node.oneOf.length > 0) {
    const pairs = node.oneOf.map((o) => fns(s, o));
    w.line("let n = 0;");
    w.line("let w = -1;");
    pairs.forEach((p, i) => {
      w.ifBlock({ call: call(p.is, "x", "q & -3") }, () => {
        w.line("n++;");
        w.line(`w = ${i};`);
      });
    });
    w.line("if (n !== 1) return false;");
    // Counted by validity; in mode 2 the one that holds must also be free of drift.
    pairs.forEach((p, i) => w.when(`(q & 3) === 2 && w === ${i} && !${p.is}(x, q)`, "return false;"));
  }
  // Conditions are predicates: mode 2 reads them as mode 0 (q & -3 clears that bit).
  if (node.not) w.when({ call: call(isFn(s, node.not), "x", "q & -3") }, "return false;");
  if (node.if && (node.then || node.else)) {
    w.call(call(isFn(s, node.if), "x", "q & -3"), "const i = ");
    if (node.then) w.when(`i && !${isFn(s, node.then)}(x, q)`, "return false;");
    if (node.else) w.when(`!i && !${isFn(s, node.else)}(x, q)`, "return false;");
  }
  w.line("return true;");
}

function compositionCheck(s: Scope, w: Writer, node: Node<"composition">): void {
  const parts = [...(node.base ? [node.base] : []), ...node.allOf];
  for (const p of parts) if (p.kind !== "any") w.call(call(checkFn(s, p), "x", "c", "k"));
  if (node.anyOf.length > 0) {
    w.call(call(checkFn(s, s.anyOf(node)), "x", "c", "k"));
  }
  const needs = node.oneOf.length > 0 || node.not !== undefined || (node.if !== undefined && (node.then || node.else));
  if (needs) w.line(`const q = ${s.rt("state")}(c, k);`);
  if (node.oneOf.length > 0) {
    const pairs = node.oneOf.map((o) => fns(s, o));
    w.line("let n = 0;");
    w.line("let w = -1;");
    pairs.forEach((p, i) => {
      w.ifBlock({ call: call(p.is, "x", "q") }, () => {
        w.line("n++;");
        w.line(`w = ${i};`);
      });
    });
    w.when(
      "n !== 1",
      call(s.rt("fail"), "c", "k", str("INSTANCE_ONE_OF_INVALID_COUNT"), s.text(node.oneOf.map(describe).join(", "))),
    );
    // The matching option's drift (it is valid, so it adds no error).
    pairs.forEach((p, i) => w.when(`n === 1 && w === ${i} && !c.s`, call(p.check, "x", "c", "k")));
  }
  if (node.not)
    w.when(
      { call: call(isFn(s, node.not), "x", "q") },
      call(s.rt("fail"), "c", "k", str("INSTANCE_NOT_MATCHED"), s.text(describe(node.not))),
    );
  if (node.if && (node.then || node.else)) {
    w.call(call(isFn(s, node.if), "x", "q"), "const i = ");
    if (node.then) w.when("i", call(checkFn(s, node.then), "x", "c", "k"));
    if (node.else) w.when("!i", call(checkFn(s, node.else), "x", "c", "k"));
  }
}

export { COMPOUND };
