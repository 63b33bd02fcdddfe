// Deterministic JSON text in the house style, which is what prettier's json parser prints (so it
// leaves the text unchanged): objects one member a line; arrays on one line when they fit in 120
// columns, else one item a line (numbers: as many a line as fit); numbers in prettier's form.
// A generated file carries the banner as its first member, "$comment".
import { bannerText } from "./banner.js";
import { fill, group, indent, join, line, printDoc, softline, type Doc } from "./layout.js";
import { jsonStringEscapes } from "./quote.js";

/**
 * Line and paragraph separators and bidirectional controls are valid in JSON strings but can make
 * a reader see something else than a parser does: they are written as \u escapes (quote.ts).
 */
const stringText = (s: string): string => jsonStringEscapes(JSON.stringify(s));

/** prettier's number form: lower case, no `+` or leading zeros in the exponent, no trailing zeros. */
export function canonicalNumber(text: string): string {
  if (text.length === 1) return text;
  return text
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, "$1$2")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const entries = (v: Json): number =>
  Array.isArray(v) ? v.length : typeof v === "object" && v !== null ? Object.keys(v).length : 0;
const isArray = (v: Json): boolean => Array.isArray(v);
const isObject = (v: Json): boolean => typeof v === "object" && v !== null && !Array.isArray(v);

/** prettier always breaks an array of two or more objects (or arrays) that each hold more than one entry. */
const breaksAlways = (items: Json[]): boolean =>
  items.length > 1 &&
  items.every((v, i) => (isArray(v) || isObject(v)) && isArray(v) === isArray(items[i + 1] ?? v) && entries(v) > 1);

const numberText = (n: number): string =>
  n < 0 ? `-${canonicalNumber(JSON.stringify(-n))}` : canonicalNumber(JSON.stringify(n));

function valueDoc(v: Json): Doc {
  if (v === null) return "null";
  if (typeof v === "string") return stringText(v);
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return arrayDoc(v);
  const keys = Object.keys(v);
  if (keys.length === 0) return "{}";
  const props = keys.map((k) => group([stringText(k), ": ", valueDoc(v[k]!)]));
  return group(["{", indent([line, join([",", line], props)]), line, "}"], { shouldBreak: true });
}

function arrayDoc(items: Json[]): Doc {
  if (items.length === 0) return "[]";
  if (items.every((x) => typeof x === "number")) {
    // Numbers fill the line, as many as fit.
    const parts = items.flatMap((x, i) => {
      const text = `${numberText(x as number)}${i < items.length - 1 ? "," : ""}`;
      return i === 0 ? [text] : [line, text];
    });
    return group(["[", indent([softline, fill(parts)]), softline, "]"]);
  }
  const elements = items.map((x) => group(valueDoc(x)));
  return group(["[", indent([softline, join([",", line], elements)]), softline, "]"], {
    shouldBreak: breaksAlways(items),
  });
}

/** Any value JSON.stringify accepts (toJSON, undefined members and all), as final JSON text. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError("the value has no JSON form");
  return `${printDoc(valueDoc(JSON.parse(text) as Json))}\n`;
}

/**
 * One member of an object nested `indent` spaces deep, as jsonText prints it there: the lines from
 * the key to the value's end (no separator). A member whose value is a non-empty object always
 * breaks, so its text does not depend on what surrounds it.
 */
export function jsonMemberText(key: string, value: unknown, indent: number): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError("the value has no JSON form");
  const doc = group([stringText(key), ": ", valueDoc(JSON.parse(text) as Json)]);
  return `${" ".repeat(indent)}${printDoc(doc, 120, indent)}`;
}

/**
 * One item of an array nested `indent` spaces deep, as jsonText prints it there when the array
 * breaks (as it does when an item is a non-empty object): the item's lines, no separator.
 */
export function jsonItemText(value: unknown, indent: number): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError("the value has no JSON form");
  return `${" ".repeat(indent)}${printDoc(group(valueDoc(JSON.parse(text) as Json)), 120, indent)}`;
}

/** An object as a generated file: `$comment` (the banner) first, then its own members in order. */
export function jsonFileText(corpus: string, value: Record<string, unknown>): string {
  const out: Record<string, unknown> = { $comment: bannerText(corpus) };
  // Own-property assignment: a member named "__proto__" stays a member.
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return jsonText(out);
}

/**
 * `empty`, a file whose last member is an empty object or array ("{}" or "[]", at the top level's
 * indent), with `entries` (jsonMemberText or jsonItemText at indent 4) in it instead, one join with
 * the ends included: a concatenation after it would copy the whole text again when it is read.
 */
export function filledText(empty: string, brackets: "{}" | "[]", entries: readonly string[]): string {
  const parts = [...entries];
  parts[0] = `${empty.slice(0, -`${brackets}\n}\n`.length)}${brackets[0]}\n${parts[0]!}`;
  parts[parts.length - 1] += `\n  ${brackets[1]}\n}\n`;
  return parts.join(",\n");
}
