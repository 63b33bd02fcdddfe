// Literals and property keys as prettier prints them, so the emitted text is already in its final
// form. The text comes from quote.ts; this only picks the spelling prettier keeps: the quote that
// needs fewer escapes, numbers in its canonical form, and keys that stay quoted where it would
// otherwise unquote them.
import type { EnumValue } from "../../ir/model.js";
import { isIdentifier } from "../../ir/names.js";
import { literalType, propertyKey, stringLiteral } from "../quote.js";
import { canonicalNumber } from "../json-text.js";

/** prettier's choice: double quotes, unless the text holds more double than single quotes. */
function preferredQuotes(literal: string): string {
  const body = literal.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34) doubles++;
    else if (c === 39) singles++;
  }
  if (doubles <= singles) return literal;
  // Re-quote with single quotes: \" loses its backslash, a bare ' gains one; other escapes stay.
  return `'${body.replace(/\\(["'\\])|(["'])/g, (m, escaped?: string, bare?: string) =>
    escaped ? (escaped === '"' ? '"' : m) : bare === "'" ? "\\'" : bare!,
  )}'`;
}

// Enum values come back in every view and often in many types: each is quoted once (bounded, for watch).
const quoted = new Map<string, string>();

export function tsString(value: string): string {
  if (value.length > 1024) return preferredQuotes(stringLiteral(value));
  let text = quoted.get(value);
  if (text === undefined) {
    if (quoted.size >= 50_000) quoted.clear();
    quoted.set(value, (text = preferredQuotes(stringLiteral(value))));
  }
  return text;
}

/** A literal type for an enum or const value. */
export function tsLiteral(value: EnumValue): string {
  if (typeof value === "string") return tsString(value);
  const text = literalType(value);
  return typeof value === "number" && Number.isFinite(value) ? canonicalNumber(text) : text;
}

/** A name prettier would read as an identifier (ES5 IdentifierName; a superset for new letters). */
const UNICODE_NAME = /^[$_\p{L}\p{Nl}][$\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200C\u200D]*$/u;

/**
 * A property key: bare for an ASCII identifier, quoted otherwise. prettier unquotes any quoted key
 * that reads as an identifier; a non-ASCII one stays quoted here, so its letters are escaped.
 */
export function tsKey(name: string): string {
  if (isIdentifier(name)) return propertyKey(name);
  const quoted = tsString(name);
  if (!UNICODE_NAME.test(name)) return quoted;
  return quoted.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
