// The one place where schema text becomes code or markup (ajv's code builder idea):
// every emitter passes names, values and descriptions through these helpers, never raw.

import { isIdentifier } from "../ir/names.js";

/**
 * A JavaScript string literal for any string: JSON escaping plus U+2028/2029 and `</script`,
 * so the literal is safe in a .ts/.js file and even inside an HTML script block.
 */
export function stringLiteral(value: string): string {
  // JSON's escapes, one unit per source character (an escape counts as one unit).
  const units = JSON.stringify(value).slice(1, -1).match(/\\u[0-9a-fA-F]{4}|\\.|[^\\]/gsu) ?? [];
  const out = units.map((u, i) => {
    const next = units[i + 1];
    const prev = units[i - 1];
    if (u === "\u2028" || u === "\u2029") return `\\u${u.charCodeAt(0).toString(16)}`;
    // A code writer that tracks strings and comments (ts-morph's code-block-writer) reads
    // `\\"` as an escaped quote: a backslash before a quote is written \u005C instead.
    if (u === "\\\\" && (next === undefined || next === '\\"')) return "\\u005C";
    // Never `/*`, `*/` or `//` inside a literal, nor `</script` or `<!--` (HTML script blocks).
    if (u === "/" && (next === "*" || next === "/" || prev === "*" || prev === "/" || prev === "<")) return "\\/";
    if (u === "<" && next === "!") return "\\u003C";
    return u;
  });
  return `"${out.join("")}"`;
}

/** A literal for an enum/const value in a TypeScript type position. */
export function literalType(value: string | number | boolean | null): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? (value < 0 ? `-${-value}` : String(value)) : "number";
  return String(value);
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/**
 * Text for inside a `/** … *\/` block. `*\/` can never end the comment, `@` after white space
 * or at a line start cannot forge a tag (TypeScript reads a tag there even mid-line), and each
 * line is prefixed by the caller's writer.
 */
export function jsdocText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/(^|\s)@/gm, "$1\\@")
    .replace(/[\u2028\u2029]/g, "\n")
    .trim();
}

/**
 * Markdown inline text on one line: no HTML, no link/emphasis/code syntax from the source survives
 * as markup. Runs of spaces, tabs and line breaks become one space, as prettier prints them (a line
 * break from data could also start a block).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[ \t\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1");
}

/** Markdown table cell (or a piece of one): inline text, trimmed as Markdown trims a cell. */
export function markdownCell(text: string): string {
  return markdownText(text).replace(/^ | $/g, "");
}

/**
 * Inline code in Markdown that cannot be broken out of, whatever backticks the text holds: the
 * shortest fence no backtick run in the text matches, padded where CommonMark strips a space.
 * Pipes are escaped for tables. An odd run of backslashes before a pipe is read differently by
 * GitHub (the pipe is escaped) and prettier's parser (the backslashes pair up, the pipe splits the
 * cell): such text is shown as escaped text instead, which both read alike.
 */
export function markdownCode(text: string): string {
  // Markdown readers show U+0000 as U+FFFD (prettier's parser rewrites it): written so at once.
  const flat = text.replace(/[\r\n]+/g, " ").replace(/\0/g, "\uFFFD");
  if (/(?<!\\)(?:\\\\)*\\\|/.test(flat)) return markdownCell(flat);
  const escaped = flat.replace(/\|/g, "\\|");
  const runs = new Set((escaped.match(/`+/g) ?? []).map((s) => s.length));
  let n = 1;
  while (runs.has(n)) n++;
  const fence = "`".repeat(n);
  if (escaped === "") return "` `";
  const pad = /^`|`$/.test(escaped) || /^ (?=.*[^ ]).* $/s.test(escaped) ? " " : "";
  return `${fence}${pad}${escaped}${pad}${fence}`;
}

/** A Mermaid node id (identifier-only) and a label in quotes with entities for anything odd. */
export function mermaidId(name: string): string {
  return `t_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

export function mermaidLabel(text: string): string {
  return `"${text.replace(/[^A-Za-z0-9_ .:-]/g, (c) => `#${c.codePointAt(0)};`)}"`;
}

/** A file name for a type's page: identifier characters only. */
export function fileSlug(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "_");
}
