// One named type's part of validators.js/.ts: its constants, a boolean and a collecting function
// per compound node, and the exported validate/is/assert. A function of the type and its options
// (whether it declares a "$schema" member, the primitives its required members write out, whether it
// writes T$rest), so fragments can be produced and cached per type.
import type { NamedType, TypeNode } from "../../ir/model.js";
import { children } from "../../ir/walk.js";
import { call, callLines, jsString, WIDTH, Writer } from "./layout.js";
import { compoundCheck, compoundIs } from "./compounds.js";
import { leafHead, leafRestIs } from "./leaves.js";
import { Scope, type Flavour } from "./scope.js";

export interface Fragment {
  text: string;
  /** Runtime helpers the fragment calls. */
  runtime: Set<string>;
}

export interface TypeOptions {
  flavour: Flavour;
  /** The type declares a "$schema" member (elsewhere an instance's top-level "$schema" is ignored). */
  keep: boolean;
  /** The primitive types its required members refer to, as [name, node], sorted by name (written out). */
  leaves?: readonly (readonly [string, TypeNode])[];
  /** A required member of another type names this one: a string type writes `T$rest` too (leafRestIs). */
  rest?: boolean;
}

const SIGNATURES = {
  is: { params: ["x", "q"], ts: ["unknown", "number"], ret: "boolean", jsType: "Is" },
  check: { params: ["x", "c", "k"], ts: ["unknown", "Context", "Token | undefined"], ret: "void", jsType: "Check" },
} as const;

/** Identifiers a body uses, outside string literals and comments. */
function uses(body: string[], name: string): boolean {
  const text = body
    .join("\n")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, "");
  return new RegExp(`(?<![\\w$.])${name}(?![\\w$])`).test(text);
}

/** `head(params)tail` on one line when it fits, else one parameter per line (prettier's way). */
export function headLines(head: string, params: string[], tail: string, indent = ""): string[] {
  const flat = `${indent}${head}(${params.join(", ")})${tail}`;
  if (flat.length <= WIDTH || params.length === 0) return [flat];
  return [`${indent}${head}(`, ...params.map((p) => `${indent}  ${p},`), `${indent})${tail}`];
}

function writeFunction(out: string[], s: Scope, kind: "is" | "check", name: string, body: string[]): void {
  const sig = SIGNATURES[kind];
  const params = sig.params.map((p) => (uses(body, p) ? p : `_${p}`));
  if (s.flavour === "js") {
    out.push(`/** @type {${sig.jsType}} */`, ...headLines(`function ${name}`, params, " {"));
  } else {
    out.push(
      ...headLines(
        `function ${name}`,
        params.map((p, i) => `${p}: ${sig.ts[i]}`),
        `: ${sig.ret} {`,
      ),
    );
  }
  // An empty body is `{}` on the head's line, as prettier prints it.
  if (body.length === 0) out.push(`${out.pop()!.slice(0, -2)} {}`);
  else out.push(...body, "}");
}

/** `T$rest(x, q)`: a string type's check once its head has passed (the value is a string). */
function restFunction(out: string[], s: Scope, node: NamedType["node"]): void {
  const w = new Writer();
  w.block("", () => {
    leafRestIs(s, w, node, "x");
    w.line("return true;");
  });
  const body = w.lines.slice(1, -1);
  const q = uses(body, "q") ? "q" : "_q";
  if (s.flavour === "js") {
    out.push("/**", " * @param {string} x", ` * @param {number} ${q}`, " * @returns {boolean}", " */");
    out.push(...headLines(`function ${s.name}$rest`, ["x", q], " {"));
  } else out.push(...headLines(`function ${s.name}$rest`, ["x: string", `${q}: number`], ": boolean {"));
  out.push(...body, "}", "");
}

function bodyOf(s: Scope, kind: "is" | "check", node: NamedType["node"]): string[] {
  const w = new Writer();
  w.block("", () => (kind === "is" ? compoundIs(s, w, node) : compoundCheck(s, w, node)));
  // The block's own braces are the function's: keep the indented body only.
  return w.lines.slice(1, -1);
}

function wrappers(out: string[], t: NamedType, s: Scope, keep: boolean): void {
  const name = t.name;
  const is = `${name}$is`;
  const check = `${name}$check`;
  const ts = s.flavour === "ts";
  // `keep` (the type declares "$schema") defaults to false in the runtime.
  const flag = keep ? ["true"] : [];
  // Short parameter names in the JavaScript flavour (validators.d.ts names them): 1,500 wrappers.
  const [v, o] = ts ? ["value", "options"] : ["x", "o"];
  const run = callLines("  ", "return ", call(s.rt("run"), v, o, check, ...flag), ";");
  // The JavaScript flavour's documentation is in validators.d.ts.
  if (ts) {
    out.push(`/** Checks a value against {@link ${name}}; never throws. */`);
    out.push(
      ...headLines(
        `export function validate${name}`,
        ["value: unknown", "options?: ValidateOptions"],
        ": ValidationResult {",
      ),
    );
  } else out.push("/** @type {Validate} */", ...headLines(`export function validate${name}`, [v, o], " {"));
  out.push(...run, "}", "");
  if (ts) {
    out.push(`/** Whether a value is a valid {@link ${name}} (drift allowed); stops at the first problem. */`);
    out.push(...headLines(`export function is${name}`, ["value: unknown"], `: value is ${name} {`));
  } else out.push("/** @type {Guard} */", ...headLines(`export function is${name}`, [v], " {"));
  out.push(...callLines("  ", "return ", call(s.rt("guard"), v, is, check, ...flag), ";"), "}", "");
  if (ts) {
    out.push(
      `/** Throws a {@link ValidationError} listing every problem unless the value is a valid {@link ${name}}. */`,
    );
    out.push(...headLines(`export function assert${name}`, ["value: unknown"], `: asserts value is ${name} {`));
  } else out.push("/** @type {Assert} */", ...headLines(`export function assert${name}`, [v], " {"));
  out.push(...callLines("  ", "", call(s.rt("enforce"), v, is, check, jsString(name), ...flag), ";"), "}");
}

/** The names of the types that the required members of a node's objects refer to, sorted, once each. */
export function requiredRefs(node: TypeNode): string[] {
  const out = new Set<string>();
  const visit = (n: TypeNode): void => {
    if (n.kind === "object") for (const m of n.members) if (m.required && m.type.kind === "ref") out.add(m.type.name);
    children(n).forEach(visit);
  };
  visit(node);
  return [...out].sort();
}

export function typeFragment(t: NamedType, options: TypeOptions): Fragment {
  const s = new Scope(t.name, options.flavour, new Map(options.leaves ?? []));
  const fns: string[] = [];
  const emit = (suffix: string, node: NamedType["node"]): void => {
    const isBody = bodyOf(s, "is", node);
    const checkBody = bodyOf(s, "check", node);
    writeFunction(fns, s, "is", s.isName(suffix), isBody);
    fns.push("");
    writeFunction(fns, s, "check", s.checkName(suffix), checkBody);
    fns.push("");
  };
  emit("", t.node);
  for (let i = 0; i < s.queue.length; i++) emit(s.queue[i]!.suffix, s.queue[i]!.node);
  if (options.rest && leafHead(t.node, "x")?.rest) restFunction(fns, s, t.node);
  const out: string[] = [];
  if (s.constants.lines.length > 0) out.push(...s.constants.lines, "");
  out.push(...fns);
  wrappers(out, t, s, options.keep);
  return { text: out.join("\n"), runtime: s.runtime };
}
