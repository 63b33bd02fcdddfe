// Lines laid out the way prettier lays them out (printWidth 120, two-space indent, trailing commas),
// for the few statement shapes the validators emitter writes. A test runs prettier over the output.

import { stringLiteral } from "../quote.js";

export const WIDTH = 120;

/** A number as prettier prints a numeric literal (no "+" in an exponent). */
export function numberLiteral(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  return String(n).replace("e+", "e");
}

/** A call, flat when it fits, else one argument per line. */
export interface Call {
  callee: string;
  args: string[];
}

export const call = (callee: string, ...args: string[]): Call => ({ callee, args });

export const flatCall = (c: Call): string => `${c.callee}(${c.args.join(", ")})`;

export class Writer {
  readonly lines: string[] = [];
  private level = 0;

  get indent(): string {
    return "  ".repeat(this.level);
  }

  line(text: string): void {
    this.lines.push(text === "" ? "" : this.indent + text);
  }

  /** `head {`, then the body one level deeper, then `}` (or `tail`). */
  block(head: string, body: () => void, tail = "}"): void {
    this.line(`${head} {`);
    this.level++;
    body();
    this.level--;
    this.line(tail);
  }

  /** `head`, then the body one level deeper, no braces (switch cases). */
  nested(head: string, body: () => void): void {
    this.line(head);
    this.level++;
    body();
    this.level--;
  }

  /** `lhs = rhs;`, broken after the "=" when it does not fit (prettier's way for a plain right side). */
  assign(lhs: string, rhs: string): void {
    const flat = `${this.indent}${lhs} = ${rhs};`;
    if (flat.length <= WIDTH) this.lines.push(flat);
    else this.lines.push(`${this.indent}${lhs} =`, `${this.indent}  ${rhs};`);
  }

  /** A call statement (or `prefix` + call + `;`, e.g. "return "). */
  call(c: Call, prefix = ""): void {
    this.lines.push(...callLines(this.indent, prefix, c, ";"));
  }

  /** `if (cond) {`, then the body one level deeper, then `}`; the condition broken when too long. */
  ifBlock(cond: string | { not?: boolean; call: Call }, body: () => void): void {
    this.lines.push(...this.ifHead(cond, " {"));
    this.level++;
    body();
    this.level--;
    this.line("}");
  }

  /** The `if (…)` head lines, with `tail` after the closing parenthesis. */
  private ifHead(cond: string | { not?: boolean; call: Call }, tail: string): string[] {
    const ind = this.indent;
    const condFlat = typeof cond === "string" ? cond : `${cond.not ? "!" : ""}${flatCall(cond.call)}`;
    const head = `${ind}if (${condFlat})${tail}`;
    if (head.length <= WIDTH) return [head];
    if (typeof cond !== "string")
      return [`${ind}if (`, ...callLines(`${ind}  `, cond.not ? "!" : "", cond.call, ""), `${ind})${tail}`];
    const operands = splitLogical(cond);
    if (!operands) return [head];
    // A logical chain: one operand per line, the operator at the end (prettier's way).
    return [
      `${ind}if (`,
      ...operands.parts.map((p, i) => `${ind}  ${p}${i < operands.parts.length - 1 ? ` ${operands.op}` : ""}`),
      `${ind})${tail}`,
    ];
  }

  /** `if (cond) stmt;`: on one line, or the statement on the next, or the condition broken too. */
  when(cond: string | { not?: boolean; call: Call }, stmt: string | Call | { ret: Call }): void {
    const ind = this.indent;
    const condFlat = typeof cond === "string" ? cond : `${cond.not ? "!" : ""}${flatCall(cond.call)}`;
    const stmtFlat =
      typeof stmt === "string" ? stmt : "ret" in stmt ? `return ${flatCall(stmt.ret)};` : `${flatCall(stmt)};`;
    const one = `${ind}if (${condFlat}) ${stmtFlat}`;
    if (one.length <= WIDTH) {
      this.lines.push(one);
      return;
    }
    this.lines.push(...this.ifHead(cond, ""));
    const inner = `${ind}  `;
    if (typeof stmt === "string") this.lines.push(inner + stmt);
    else if ("ret" in stmt) this.lines.push(...callLines(inner, "return ", stmt.ret, ";"));
    else this.lines.push(...callLines(inner, "", stmt, ";"));
  }

  /** A constant: `const name = value;` with prettier's breaks for calls, strings and literals. */
  constant(decl: string, value: Value): void {
    this.lines.push(...constLines(this.indent, decl, value));
  }
}

/** The operands of a condition joined by one logical operator at the top level, if it is one. */
function splitLogical(cond: string): { op: string; parts: string[] } | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let op: string | undefined;
  for (let i = 0; i < cond.length; i++) {
    const ch = cond[i]!;
    if (ch === '"' || ch === "'") {
      for (i++; i < cond.length && cond[i] !== ch; i++) if (cond[i] === "\\") i++;
    } else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (depth === 0 && (cond.startsWith(" && ", i) || cond.startsWith(" || ", i))) {
      const found = cond.slice(i + 1, i + 3);
      if (op !== undefined && op !== found) return undefined;
      op = found;
      parts.push(cond.slice(start, i));
      start = i + 4;
      i += 3;
    }
  }
  if (op === undefined) return undefined;
  parts.push(cond.slice(start));
  return { op, parts };
}

export function callLines(indent: string, prefix: string, c: Call, suffix: string): string[] {
  const flat = `${indent}${prefix}${flatCall(c)}${suffix}`;
  if (flat.length <= WIDTH || c.args.length === 0) return [flat];
  return [`${indent}${prefix}${c.callee}(`, ...c.args.map((a) => `${indent}  ${a},`), `${indent})${suffix}`];
}

/** What a constant holds: a literal text, or a call whose one argument is an array or object. */
export type Value =
  | { text: string }
  | { call: Call }
  | { callee: string; array: string[] }
  | { list: string[] }
  | { callee: string; object: [key: string, value: string][] };

const isNumeric = (s: string): boolean => /^-?(?:\d|Infinity)/.test(s) && !/^-?\d.*[^\d.e-]/.test(s);

/**
 * A string literal as prettier prints it: the quote that needs fewer escapes (double on a tie).
 * `literal` is a double-quoted literal from quote.ts; other escapes stay as they are.
 */
export function prettierQuotes(literal: string): string {
  const raw = literal.slice(1, -1);
  const doubles = (raw.match(/"/g) ?? []).length;
  const singles = (raw.match(/'/g) ?? []).length;
  if (doubles <= singles) return literal;
  return `'${raw.replace(/\\(.)|'/gs, (m, escaped: string | undefined) => (escaped === undefined ? "\\'" : escaped === '"' ? '"' : m))}'`;
}

/** A string literal for the validators' text: quote.ts escapes it, prettier's quote choice. */
export const jsString = (value: string): string => prettierQuotes(stringLiteral(value));

export function constLines(indent: string, decl: string, value: Value): string[] {
  if ("text" in value) {
    const flat = `${indent}${decl} = ${value.text};`;
    // A string that does not fit moves below the "=" (prettier breaks after the operator).
    if (flat.length <= WIDTH || !/^["']/.test(value.text)) return [flat];
    return [`${indent}${decl} =`, `${indent}  ${value.text};`];
  }
  // When even `decl = callee(` does not fit, prettier breaks after the "=" first.
  const opener =
    "list" in value
      ? "["
      : "call" in value
        ? `${value.call.callee}(`
        : `${value.callee}(${"array" in value ? "[" : "{"}`;
  if (`${indent}${decl} = ${opener}`.length > WIDTH)
    return [`${indent}${decl} =`, ...valueLines(`${indent}  `, "", value)];
  return valueLines(indent, `${decl} = `, value);
}

function valueLines(indent: string, prefix: string, value: Exclude<Value, { text: string }>): string[] {
  if ("call" in value) return callLines(indent, prefix, value.call, ";");
  const inner = `${indent}  `;
  if ("array" in value || "list" in value) {
    const [open, close, items] = "list" in value ? ["[", "]", value.list] : [`${value.callee}([`, "])", value.array];
    const flat = `${indent}${prefix}${open}${items.join(", ")}${close};`;
    if (flat.length <= WIDTH) return [flat];
    const out = [`${indent}${prefix}${open}`];
    if (items.every(isNumeric)) {
      // Numbers are filled: as many per line as fit.
      let line = "";
      for (const n of items) {
        const next = line === "" ? `${inner}${n},` : `${line} ${n},`;
        if (next.length > WIDTH && line !== "") {
          out.push(line);
          line = `${inner}${n},`;
        } else line = next;
      }
      out.push(line);
    } else out.push(...items.map((v) => `${inner}${v},`));
    out.push(`${indent}${close};`);
    return out;
  }
  const entries = value.object.map(([k, v]) => `${k}: ${v}`);
  const flat = `${indent}${prefix}${value.callee}({ ${entries.join(", ")} });`;
  if (flat.length <= WIDTH) return [flat];
  return [`${indent}${prefix}${value.callee}({`, ...entries.map((e) => `${inner}${e},`), `${indent}});`];
}
