// Lines laid out the way prettier lays them out (printWidth 120, two-space indent, trailing commas),
// for the few statement shapes the validators emitter writes. A test runs prettier over the output.

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

const flatCall = (c: Call): string => `${c.callee}(${c.args.join(", ")})`;

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

  /** A call statement (or `prefix` + call + `;`, e.g. "return "). */
  call(c: Call, prefix = ""): void {
    this.lines.push(...callLines(this.indent, prefix, c, ";"));
  }

  /** `if (cond) stmt;`: on one line, or the statement on the next, or the condition broken too. */
  when(cond: string | { not?: boolean; call: Call }, stmt: string | Call | { ret: Call }): void {
    const ind = this.indent;
    const condFlat = typeof cond === "string" ? cond : `${cond.not ? "!" : ""}${flatCall(cond.call)}`;
    const stmtFlat = typeof stmt === "string" ? stmt : "ret" in stmt ? `return ${flatCall(stmt.ret)};` : `${flatCall(stmt)};`;
    const one = `${ind}if (${condFlat}) ${stmtFlat}`;
    if (one.length <= WIDTH) {
      this.lines.push(one);
      return;
    }
    const head = `${ind}if (${condFlat})`;
    if (head.length <= WIDTH || typeof cond === "string") this.lines.push(head);
    else {
      this.lines.push(`${ind}if (`);
      this.lines.push(...callLines(`${ind}  `, cond.not ? "!" : "", cond.call, ""));
      this.lines.push(`${ind})`);
    }
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
  | { callee: string; object: [key: string, value: string][] };

const isNumeric = (s: string): boolean => /^-?(?:\d|Infinity)/.test(s) && !/^-?\d.*[^\d.e-]/.test(s);

export function constLines(indent: string, decl: string, value: Value): string[] {
  if ("text" in value) {
    const flat = `${indent}${decl} = ${value.text};`;
    // A string that does not fit moves below the "=" (prettier breaks after the operator).
    if (flat.length <= WIDTH || !value.text.startsWith('"')) return [flat];
    return [`${indent}${decl} =`, `${indent}  ${value.text};`];
  }
  if ("call" in value) return callLines(indent, `${decl} = `, value.call, ";");
  if ("array" in value) {
    const flat = `${indent}${decl} = ${value.callee}([${value.array.join(", ")}]);`;
    if (flat.length <= WIDTH) return [flat];
    const inner = `${indent}  `;
    const out = [`${indent}${decl} = ${value.callee}([`];
    if (value.array.every(isNumeric)) {
      // Numbers are filled: as many per line as fit.
      let line = "";
      for (const n of value.array) {
        const next = line === "" ? `${inner}${n},` : `${line} ${n},`;
        if (next.length > WIDTH && line !== "") {
          out.push(line);
          line = `${inner}${n},`;
        } else line = next;
      }
      out.push(line);
    } else out.push(...value.array.map((v) => `${inner}${v},`));
    out.push(`${indent}]);`);
    return out;
  }
  const entries = value.object.map(([k, v]) => `${k}: ${v}`);
  const flat = `${indent}${decl} = ${value.callee}({ ${entries.join(", ")} });`;
  if (flat.length <= WIDTH) return [flat];
  return [`${indent}${decl} = ${value.callee}({`, ...entries.map((e) => `${indent}  ${e},`), `${indent}});`];
}
