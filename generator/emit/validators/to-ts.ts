// JavaScript with JSDoc types → TypeScript (runtime.ts) or declarations (runtime.d.ts). Only the
// conventions runtime-js.ts follows are understood; anything else is copied as it is.

const WIDTH = 120;

interface Param {
  name: string;
  type: string;
  optional: boolean;
}

interface Doc {
  /** The comment without @param/@returns/@typedef lines; empty when nothing else was in it. */
  text: string[];
  params: Map<string, Param>;
  returns?: string;
}

function parseDoc(lines: string[]): Doc {
  const params = new Map<string, Param>();
  let returns: string | undefined;
  const kept: string[] = [];
  for (const line of lines) {
    const p = /@param \{(.+)\} (\[?)(\w+)\]?/.exec(line);
    const r = /@returns \{(.+)\}/.exec(line);
    if (p) params.set(p[3]!, { name: p[3]!, type: p[1]!, optional: p[2] === "[" });
    else if (r) returns = r[1]!;
    else kept.push(line);
  }
  // "/**" and " */" alone are no comment.
  const text = kept.filter((l) => !/^\s*\/\*\*\s*$/.test(l) && !/^\s*\*\/\s*$/.test(l)).length > 0 ? kept : [];
  return { text, params, ...(returns !== undefined ? { returns } : {}) };
}

/** `head(a: A, b: B): R {` on one line when it fits, else one parameter per line (prettier's way). */
function signature(indent: string, head: string, params: string[], tail: string): string[] {
  const flat = `${indent}${head}(${params.join(", ")})${tail}`;
  if (flat.length <= WIDTH || params.length === 0) return [flat];
  return [`${indent}${head}(`, ...params.map((p) => `${indent}  ${p},`), `${indent})${tail}`];
}

/** Parameters with their JSDoc types; a default value stays in code and is `?` in declarations. */
function typedParams(names: string, doc: Doc, mode: "ts" | "dts"): string[] {
  return names
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "")
    .map((text) => {
      const [n, init] = text.split(/\s*=\s*/) as [string, string | undefined];
      const p = doc.params.get(n);
      if (!p) throw new Error(`to-ts: no @param for ${n}`);
      if (init !== undefined) return mode === "ts" ? `${n}: ${p.type} = ${init}` : `${n}?: ${p.type}`;
      return `${n}${p.optional ? "?" : ""}: ${p.type}`;
    });
}

const casts = (line: string): string =>
  line
    .replace(/= \/\*\* @type \{([^}]+)\} \*\/ \((\w+)\);/g, "= $2 as $1;")
    .replace(/\/\*\* @type \{([^}]+)\} \*\/ \((\w+)\)/g, "($2 as $1)");

/** The end of a block that starts at `lines[i]`: the `}` (or `};`) with the same indentation. */
function blockEnd(lines: string[], i: number): number {
  const indent = /^\s*/.exec(lines[i]!)![0];
  let j = i + 1;
  while (j < lines.length && lines[j] !== `${indent}}` && lines[j] !== `${indent}};`) j++;
  return j;
}

/**
 * mode "ts": the same module with inline types; mode "dts": declarations of its exports only.
 * `typesText` (the interfaces the JSDoc names) is placed where the @typedef lines were.
 */
export function jsToTs(js: string, mode: "ts" | "dts", typesText: string): string {
  const lines = js.split("\n");
  const out: string[] = [];
  let doc: string[] | undefined;
  let type: string | undefined;
  let typesPlaced = false;
  let inClass = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\/\*\* @typedef /.test(line)) {
      // The interfaces take the typedefs' place; the blank line after the typedefs stays.
      if (!typesPlaced) out.push(...typesText.trimEnd().split("\n"));
      typesPlaced = true;
      continue;
    }
    const typeTag = /^\s*\/\*\* @type \{(.+)\} \*\/$/.exec(line);
    if (typeTag) {
      type = typeTag[1];
      continue;
    }
    if (/^\s*\/\*\*/.test(line) && !doc) {
      doc = [line];
      while (!doc[doc.length - 1]!.includes("*/")) doc.push(lines[++i]!);
      continue;
    }
    const fn = /^(\s*)(export )?(function \w+)\((.*)\) \{$/.exec(line);
    const ctor = /^(\s*)(constructor)\((.*)\) \{$/.exec(line);
    if ((fn || ctor) && doc) {
      const d = parseDoc(doc);
      const indent = (fn ?? ctor)![1]!;
      const exported = fn ? fn[2] !== undefined : inClass;
      const head = fn ? `${fn[2] ?? ""}${mode === "dts" ? "declare " : ""}${fn[3]}` : "constructor";
      const params = typedParams(fn ? fn[4]! : ctor![3]!, d, mode);
      const ret = ctor ? "" : `: ${d.returns ?? "void"}`;
      doc = undefined;
      if (mode === "dts") {
        if (exported) out.push(...d.text, ...signature(indent, head, params, `${ret};`));
        i = blockEnd(lines, i);
        continue;
      }
      out.push(...d.text, ...signature(indent, head, params, `${ret} {`));
      continue;
    }
    const pending = doc ? parseDoc(doc).text : [];
    doc = undefined;
    const decl = /^(\s*)(export )?(const|let) (\w+)( = .*|;)$/.exec(line);
    const field = inClass ? /^(\s+)(\w+);$/.exec(line) : null;
    const cls = /^export class (\w+) extends (\w+) \{$/.exec(line);
    if (mode === "dts") {
      if (cls) {
        out.push(...pending, `export declare class ${cls[1]} extends ${cls[2]} {`);
        inClass = true;
      } else if (inClass && line === "}") {
        out.push("}");
        inClass = false;
      } else if (field) out.push(...pending, `${field[1]}${field[2]}: ${type};`);
      else if (decl && decl[1] === "" && decl[2])
        out.push(...pending, `export declare const ${decl[4]}: ${type ?? "number"};`);
      else if (decl && decl[1] === "" && !decl[2] && !decl[5]!.endsWith(";")) i = blockEnd(lines, i);
      else if (/^function /.test(line)) i = blockEnd(lines, i);
      else if (line === "" && out[out.length - 1] !== "") out.push("");
      else if (inClass && line === "") out.push("");
      type = undefined;
      continue;
    }
    if (cls) inClass = true;
    else if (inClass && line === "}") inClass = false;
    if (type !== undefined && decl)
      out.push(...pending, casts(`${decl[1]}${decl[2] ?? ""}${decl[3]} ${decl[4]}: ${type}${decl[5]}`));
    else if (type !== undefined && field) out.push(...pending, `${field[1]}${field[2]}: ${type};`);
    else out.push(...pending, casts(line));
    type = undefined;
  }
  return out.join("\n");
}
