// The one place where schema text becomes code or markup (ajv's code builder idea):
// every emitter passes names, values and descriptions through these helpers, never raw.

import { isIdentifier } from "../ir/names.js";

/**
 * Bidirectional controls (U+061C, U+200E/200F, U+202A–202E, U+2066–2069): raw, they reorder how
 * the text around them is shown ("Trojan source"), so they never reach output unescaped.
 */
const BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069";
const BIDI_CONTROLS = new RegExp(`[${BIDI}]`, "g");
const JSON_UNSAFE = new RegExp(`[${BIDI}\u2028\u2029]`, "g");

/** True for a bidirectional control character (see BIDI). */
export const isBidiControl = (code: number): boolean =>
  code === 0x061c ||
  code === 0x200e ||
  code === 0x200f ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

const hex4 = (c: string): string => c.charCodeAt(0).toString(16).padStart(4, "0");
const unicodeEscape = (c: string): string => `\\u${hex4(c)}`;

/**
 * JSON text with every bidi control and U+2028/2029 written as a \uXXXX escape. For whole JSON
 * documents or single string literals alike: JSON allows these characters only inside strings,
 * where the escape means the same character.
 */
export function jsonStringEscapes(text: string): string {
  return text.replace(JSON_UNSAFE, unicodeEscape);
}

/**
 * A JavaScript string literal for any string: JSON escaping plus U+2028/2029, bidi controls and
 * `</script`, so the literal is safe in a .ts/.js file and even inside an HTML script block.
 * One linear pass over JSON.stringify's output (descriptions can be tens of megabytes).
 */
export function stringLiteral(value: string): string {
  const body = JSON.stringify(value).slice(1, -1);
  let out = "";
  let from = 0;
  const put = (i: number, length: number, text: string): void => {
    out += body.slice(from, i) + text;
    from = i + length;
  };
  const at = (i: number): number => body.charCodeAt(i); // NaN past either end
  for (let i = 0; i < body.length; i++) {
    const c = at(i);
    if (c === 0x5c) {
      // An escape unit: \uXXXX or a backslash and one character. A code writer that tracks strings
      // and comments (ts-morph's code-block-writer) reads `\\"` as an escaped quote, so an escaped
      // backslash at the end or before an escaped quote is written \u005C instead.
      const beforeQuote = at(i + 2) === 0x5c && at(i + 3) === 0x22;
      if (at(i + 1) === 0x5c && (i + 2 === body.length || beforeQuote)) put(i, 2, "\\u005C");
      i += at(i + 1) === 0x75 ? 5 : 1;
    } else if (c === 0x2f) {
      // Never `/*`, `*/` or `//` inside a literal, nor `</script` (HTML script blocks). Escapes never
      // end in `*`, `/` or `<`, so the neighbouring characters are the neighbouring units.
      const next = at(i + 1);
      const prev = at(i - 1);
      if (next === 0x2a || next === 0x2f || prev === 0x2a || prev === 0x2f || prev === 0x3c) put(i, 1, "\\/");
    } else if (c === 0x3c && at(i + 1) === 0x21)
      put(i, 1, "\\u003C"); // `<!--`
    else if (c === 0x2028 || c === 0x2029 || isBidiControl(c)) put(i, 1, unicodeEscape(body[i]!));
  }
  return `"${out}${body.slice(from)}"`;
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
    .replace(BIDI_CONTROLS, unicodeEscape)
    .trim();
}

/**
 * Markdown inline text on one line: no HTML, no link/emphasis/code syntax from the source survives
 * as markup. Runs of spaces, tabs and line breaks become one space, as prettier prints them (a line
 * break from data could also start a block). A bidi control becomes a character reference
 * (`&#x202E;`): visible in the file, itself when rendered.
 */
export function markdownText(text: string): string {
  // Most text has single spaces only: replacing each with itself costs a match per word.
  return (/[ \t\r\n]{2}|[\t\r\n]/.test(text) ? text.replace(/[ \t\r\n]+/g, " ") : text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(BIDI_CONTROLS, (c) => `&#x${hex4(c).toUpperCase()};`);
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
 * cell): such text is shown as escaped text instead, which both read alike. Code shows character
 * references literally, so a bidi control is shown as its escape (`\u202e`).
 */
export function markdownCode(text: string): string {
  // Markdown readers show U+0000 as U+FFFD (prettier's parser rewrites it): written so at once.
  const flat = text
    .replace(/[\r\n]+/g, " ")
    .replace(/\0/g, "\uFFFD")
    .replace(BIDI_CONTROLS, unicodeEscape);
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
