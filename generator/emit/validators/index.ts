// Validators emitter: per named type, checks decided straight from the IR (see type-code.ts), plus
// a small runtime module. Flavours: "js" (validators.js + .d.ts, runtime.js + .d.ts) or "ts"
// (validators.ts, runtime.ts). The files are final text in house style (prettier leaves them as
// they are); inMemorySource() gives the same checks as one module for `validate --schemas`.
import type { Model, NamedType, TypeNode } from "../../ir/model.js";
import { bannerLines } from "../banner.js";
import { assembledOf, derivedOf, fragmentsFrom, type FragmentMemo, type OutputFile } from "../files.js";
import { declarations, importLines } from "./declarations.js";
import { constLines, jsString, WIDTH } from "./layout.js";
import { inlineRuntime, runtimeFileText } from "./runtime-text.js";
import type { Flavour } from "./scope.js";
import { LOCAL_CALLS, LOCAL_NAMES, localLines } from "./local-helpers.js";
import { bareType } from "./bare.js";
import { requiredRefs, typeFragment, type Fragment } from "./type-code.js";

export interface ValidatorOptions {
  flavour?: Flavour;
  /** Per-type code computed before (cache/fragments.ts). */
  memo?: FragmentMemo;
}

const LINT = "/* eslint-disable */";
const JS_TYPEDEFS = ["Is", "Check", "Validate", "Guard", "Assert"].map(
  (t) => `/** @typedef {import("./runtime.js").${t}} ${t} */`,
);

/**
 * Types that declare a "$schema" member themselves (an object at the value's own level does:
 * through references, unions, compositions and inline choices). There a top-level "$schema" is
 * data; elsewhere an instance's "$schema" names its schema and is ignored.
 */
export function schemaDeclared(model: Model): Set<string> {
  const byName = new Map(model.types.map((t) => [t.name, t]));
  const declares = (node: TypeNode | undefined, seen: Set<string>): boolean => {
    if (!node) return false;
    switch (node.kind) {
      case "object":
        return node.members.some((m) => m.name === "$schema");
      case "composition":
        return [node.base, ...node.allOf, ...node.anyOf, ...node.oneOf, node.then, node.else].some((n) =>
          declares(n, seen),
        );
      case "union":
        return node.options.some((n) => declares(n, seen));
      case "choice":
        return node.selector !== undefined && node.options.some((o) => declares(o.type, seen));
      case "ref":
        if (seen.has(node.name)) return false;
        seen.add(node.name);
        return declares(byName.get(node.name)?.node, seen);
      default:
        return false;
    }
  };
  return new Set(model.types.filter((t) => declares(t.node, new Set())).map((t) => t.name));
}

/**
 * Each type's code, through the memo packed with the runtime names it calls on its first line:
 * "a b c\n<code>". Without a memo, as it is made.
 */
function packedFragments(model: Model, flavour: Flavour, memo?: FragmentMemo): (string | Fragment)[] {
  const declared = schemaDeclared(model);
  const byName = new Map(model.types.map((t) => [t.name, t]));
  // The primitive types a type's required members refer to: their tests are written out in its code.
  const leavesOf = (t: NamedType): NamedType[] => {
    const names = derivedOf(memo && { memo }, t, "requiredRefs", () => requiredRefs(t.node));
    return names.map((n) => byName.get(n)).filter((l): l is NamedType => l?.node.kind === "primitive");
  };
  // Each type bare (bare.ts): the same object for the same type, through the memo.
  const bare = (t: NamedType) => derivedOf(memo && { memo }, t, "validators-bare", () => bareType(t));
  const pairs = (leaves: NamedType[]) => leaves.map((l) => [l.name, bare(l).node] as const);
  const types = model.types.map(bare);
  const leaves = types.map(leavesOf);
  // The types some required member names: a string one writes its check without the head too (T$rest).
  const named = new Set(leaves.flatMap((ls) => ls.map((l) => l.name)));
  if (!memo) {
    return types.map((t, i) =>
      typeFragment(t, { flavour, keep: declared.has(t.name), leaves: pairs(leaves[i]!), rest: named.has(t.name) }),
    );
  }
  const keep = (i: number) => declared.has(types[i]!.name);
  const rest = (i: number) => named.has(types[i]!.name);
  // A type's code depends on the type, these options and the primitives it writes out (others are called
  // by name): the same objects as the last run's give the last run's text.
  return fragmentsFrom(
    { memo },
    "validators",
    `validators\0${model.name}\0${flavour}`,
    types,
    (i) => [flavour, keep(i), rest(i), ...leaves[i]!],
    (i) => ({ flavour, keep: keep(i), rest: rest(i), leaves: pairs(leaves[i]!) }),
    (i, c) => {
      const f = typeFragment(types[i]!, c);
      return `${[...f.runtime].sort().join(" ")}\n${f.text}`;
    },
  );
}

function unpack(packed: string | Fragment): Fragment {
  if (typeof packed !== "string") return packed;
  const nl = packed.indexOf("\n");
  return { runtime: new Set(packed.slice(0, nl).split(" ").filter(Boolean)), text: packed.slice(nl + 1) };
}

/** A type's name and whether it is a root shape (rootTypes lists those). */
type Listed = Pick<NamedType, "name"> & { rootShape: boolean };

const listed = (model: Model): Listed[] =>
  model.types.map((t) => ({ name: t.name, rootShape: t.root && t.role === "shape" }));

function footer(types: readonly Listed[], flavour: Flavour): string[] {
  const ts = flavour === "ts";
  const table = ["/** Every validate function by type name. */"];
  table.push(`export const validators${ts ? ": Readonly<Record<string, Validate>>" : ""} = /*#__PURE__*/ table({`);
  if (types.length === 0) table[1] = table[1]!.replace("table({", "table({});");
  else {
    // A property that does not fit breaks after its colon (prettier's way).
    const entry = (t: Listed) =>
      `  ${t.name}: validate${t.name},`.length <= WIDTH
        ? [`  ${t.name}: validate${t.name},`]
        : [`  ${t.name}:`, `    validate${t.name},`];
    table.push(...types.flatMap(entry), "});");
  }
  const rootsDecl = `export const rootTypes${ts ? ": readonly string[]" : ""}`;
  return [
    ...table,
    "",
    "/** The root types of the corpus (documents' own types, not error shapes). */",
    ...constLines("", rootsDecl, {
      callee: "/*#__PURE__*/ Object.freeze",
      array: types.filter((t) => t.rootShape).map((t) => jsString(t.name)),
    }),
  ];
}

/** What the fragments call: imported from runtime.js, and defined in the module (local-helpers.ts). */
function runtimeNames(parts: Fragment[]): { imported: string[]; local: Set<string> } {
  const names = new Set<string>(["table"]);
  for (const f of parts) for (const n of f.runtime) names.add(n);
  const local = new Set([...names].filter((n) => LOCAL_NAMES.has(n)));
  for (const n of local) {
    names.delete(n);
    for (const c of LOCAL_CALLS[n] ?? []) names.add(c);
  }
  return { imported: [...names].sort(), local };
}

/**
 * validators.js or .ts, assembled from the flavour, the corpus name, each type's name and whether it is
 * a root shape, and each type's packed code: a memo may give the last run's text when none changed.
 */
function validatorsText(model: Model, flavour: Flavour, memo?: FragmentMemo): string {
  const types = listed(model);
  const parts: Part[] = [flavour, model.name, types.length];
  for (const t of types) parts.push(t.name);
  for (const t of types) parts.push(t.rootShape);
  parts.push(...packedFragments(model, flavour, memo));
  return assembledOf(memo ? { memo } : undefined, `validators\0${model.name}\0${flavour}`, parts, assemble);
}

type Part = string | number | boolean | Fragment;

function assemble(all: readonly Part[]): string {
  const [flavour, corpus, n] = all as [Flavour, string, number];
  const types = all
    .slice(3, 3 + n)
    .map((name, i): Listed => ({ name: name as string, rootShape: all[3 + n + i] === true }));
  const parts = (all.slice(3 + 2 * n) as (string | Fragment)[]).map(unpack);
  const names = runtimeNames(parts);
  const head = [LINT, ...importLines("import", names.imported, "./runtime.js")];
  if (flavour === "ts") {
    head.push(
      ...importLines(
        "import type",
        ["Context", "Token", "Validate", "ValidateOptions", "ValidationResult"],
        "./runtime.js",
      ),
    );
    if (n > 0)
      head.push(
        ...importLines(
          "import type",
          types.map((t) => t.name),
          "./types.js",
        ),
      );
  } else head.push("", ...JS_TYPEDEFS);
  head.push("", `export { ValidationError, sdkToWire } from "./runtime.js";`);
  if (flavour === "ts")
    head.push(
      ...importLines(
        "export type",
        ["Drift", "ValidateOptions", "ValidationIssue", "ValidationResult"],
        "./runtime.js",
      ),
    );
  head.push("", ...localLines(flavour, names.local));
  // One join, banner and final newline included: no second copy of the whole text to flatten.
  const lines = [...head, ...parts.flatMap((f) => ["", f.text]), "", ...footer(types, flavour), ""];
  lines[0] = `${bannerLines("js", corpus)}${lines[0]}`;
  return lines.join("\n");
}

export function emitValidators(model: Model, options: ValidatorOptions = {}): OutputFile[] {
  const flavour = options.flavour ?? "js";
  const banner = bannerLines("js", model.name);
  if (flavour === "ts") {
    return [
      { path: "runtime.ts", kind: "ts", content: `${runtimeFileText("ts", banner)}`, final: true },
      { path: "validators.ts", kind: "ts", content: validatorsText(model, "ts", options.memo), final: true },
    ];
  }
  return [
    { path: "runtime.d.ts", kind: "ts", content: runtimeFileText("dts", banner), final: true },
    { path: "runtime.js", kind: "js", content: runtimeFileText("js", banner), final: true },
    { path: "validators.d.ts", kind: "ts", content: declarations(model, options), final: true },
    { path: "validators.js", kind: "js", content: validatorsText(model, "js", options.memo), final: true },
  ];
}

/** The validators as one self-contained ES module (the runtime inlined), for import from a data: URL. */
export function inMemorySource(model: Model): string {
  const parts = packedFragments(model, "js").map(unpack);
  return [
    inlineRuntime(),
    ...localLines("js", undefined, false),
    ...parts.map((f) => f.text),
    ...footer(listed(model), "js"),
    "export { ValidationError, sdkToWire };",
    "",
  ].join("\n");
}
