// JSON parsing that keeps positions, so every later diagnostic can say line:column.
import { createRequire } from "node:module";
import type { Node, ParseError } from "jsonc-parser";
import { diagnostic, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostic.js";
import { parseValid } from "./parse-valid.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ParsedJson {
  file: string;
  value: JsonValue;
  /** Location of the value at a JSON pointer (or the nearest parent that exists). */
  locate(pointer: string): SourceLocation;
}

export type ParseResult = { ok: true; doc: ParsedJson } | { ok: false; diagnostics: Diagnostic[] };

// The parser loads on first use: modules that only name files or pointers (check's answer from
// hashes lists corpus files through load/) do not pay for it.
type Jsonc = typeof import("jsonc-parser");
let jsonc: Jsonc | undefined;
const parser = (): Jsonc => (jsonc ??= createRequire(import.meta.url)("jsonc-parser") as Jsonc);

export function escapePointerToken(token: string): string {
  if (token.indexOf("~") < 0 && token.indexOf("/") < 0) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Offsets where lines start. CR LF, a lone LF and a lone CR each end a line (as editors count them). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf("\r") < 0) {
    // Only LF ends lines: the engine's search finds them faster than a loop over every character.
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column (in UTF-16 units) of an offset, given the text's line starts. */
export function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Parses strict JSON (no comments, no trailing commas, no duplicate keys); a leading BOM is ignored.
 * `fast: false` skips the JSON.parse path (tests hold the two paths equal).
 */
export function parseJson(file: string, rawText: string, { fast = true } = {}): ParseResult {
  const bom = rawText.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? rawText.slice(1) : rawText;
  let starts: number[] | undefined;
  const at = (offset: number, pointer = ""): SourceLocation => ({
    file,
    pointer,
    ...position((starts ??= lineStarts(text)), offset),
  });

  if (text.trim() === "") return { ok: false, diagnostics: [diagnostic("FILE_EMPTY", {}, at(0))] };
  const valid = fast ? parseValid(text) : undefined;
  if (valid) return { ok: true, doc: parsedDoc(file, valid.value, valid.offsets, at) };

  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parser().parseTree(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
  } catch (e) {
    // Deep nesting can exhaust the stack of the recursive parser.
    return {
      ok: false,
      diagnostics: [
        diagnostic("JSON_SYNTAX", { reason: e instanceof RangeError ? "nesting too deep" : String(e) }, at(0)),
      ],
    };
  }
  if (errors.length > 0 || !root) {
    return {
      ok: false,
      diagnostics: errors
        .slice(0, 20)
        .map((e) => diagnostic("JSON_SYNTAX", { reason: describeParseError(e) }, at(e.offset))),
    };
  }

  const offsets = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  let value: JsonValue;
  try {
    value = toValue(root, "", offsets, diagnostics, at, ownerOf(text));
  } catch (e) {
    return {
      ok: false,
      diagnostics: [
        diagnostic("JSON_SYNTAX", { reason: e instanceof RangeError ? "nesting too deep" : String(e) }, at(0)),
      ],
    };
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  return { ok: true, doc: parsedDoc(file, value, offsets, at) };
}

function parsedDoc(
  file: string,
  value: JsonValue,
  offsets: Map<string, number>,
  at: (offset: number, pointer?: string) => SourceLocation,
): ParsedJson {
  return {
    file,
    value,
    locate(pointer: string): SourceLocation {
      let p = pointer;
      for (;;) {
        const off = offsets.get(p);
        if (off !== undefined) return at(off, pointer);
        if (p === "") return at(0, pointer);
        p = p.slice(0, p.lastIndexOf("/"));
      }
    },
  };
}

function describeParseError(e: ParseError): string {
  const name = parser().printParseErrorCode(e.error);
  const words: Record<string, string> = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "invalid number",
    PropertyNameExpected: "property name expected (a trailing comma?)",
    ValueExpected: "value expected (a trailing comma or truncated file?)",
    ColonExpected: "':' expected",
    CommaExpected: "',' expected",
    CloseBraceExpected: "'}' expected (truncated file?)",
    CloseBracketExpected: "']' expected (truncated file?)",
    EndOfFileExpected: "end of file expected",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfComment: "unterminated comment",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unterminated number",
    InvalidUnicode: "invalid unicode escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character in string",
  };
  return words[name] ?? name;
}

function toValue(
  node: Node,
  pointer: string,
  offsets: Map<string, number>,
  diagnostics: Diagnostic[],
  at: (offset: number, pointer?: string) => SourceLocation,
  copy: (s: string) => string,
): JsonValue {
  offsets.set(pointer, node.offset);
  switch (node.type) {
    case "object": {
      const out: { [key: string]: JsonValue } = {};
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = copy(String(keyNode.value));
        const child = `${pointer}/${escapePointerToken(key)}`;
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          diagnostics.push(diagnostic("JSON_DUPLICATE_KEY", { key: JSON.stringify(key) }, at(keyNode.offset, child)));
          continue;
        }
        // defineProperty: a key such as "__proto__" stays an ordinary own property.
        Object.defineProperty(out, key, {
          value: toValue(valueNode, child, offsets, diagnostics, at, copy),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map((c, i) => toValue(c, `${pointer}/${i}`, offsets, diagnostics, at, copy));
    default:
      return typeof node.value === "string" ? copy(node.value) : (node.value as JsonValue);
  }
}

const WIDE = /[^\0-\xff]/;

/**
 * A copy of a string that does not share the file's text. The parser's strings are V8 slices of it,
 * and one kept description or name would keep the whole file alive (the model outlives the parse).
 * A text with one character past U+00FF is two bytes a character, and so is every slice of it, and
 * every output joined from one: the copy is one byte a character whenever its characters allow.
 */
export function own(s: string): string {
  return WIDE.test(s) ? (" " + s).slice(1) : Buffer.from(s, "latin1").toString("latin1");
}

/** own() for the strings of one text: a narrow text's slices need a copy only from 13 characters up. */
const ownerOf = (text: string): ((s: string) => string) =>
  WIDE.test(text) ? own : (s) => (s.length < 13 ? s : (" " + s).slice(1));
