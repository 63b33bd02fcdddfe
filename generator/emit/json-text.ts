// Deterministic JSON text in the house style, which is what prettier's json parser prints (so it
// leaves the text unchanged): objects one member a line; arrays on one line when they fit in 120
// columns, else one item a line (numbers: as many a line as fit); numbers in prettier's form.
// A generated file carries the banner as its first member, "$comment".
import { bannerText } from "./banner.js";
import { fill, group, indent, join, line, printDoc, softline, type Doc } from "./layout.js";
import { jsonStringEscapes } from "./quote.js";
import { stringWidth } from "./width.js";

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

// The printer below writes that layout directly, without a document (layout.ts), as printDoc would
// print valueDoc's: a non-empty object always breaks, and so does every group around it; any other
// group is flat when it fits, counting the "," that follows it. An array of numbers only (a fill)
// takes the document path. test/emit/json-text.test.ts holds the two to the same text.
const WIDTH = 120;

/** Whether prettier breaks the value's group whatever the width (an object, or a break inside). */
function breaks(v: Json): boolean {
  if (typeof v !== "object" || v === null) return false;
  if (!Array.isArray(v)) return Object.keys(v).length > 0;
  return breaksAlways(v) || v.some(breaks);
}

/** A number-only array somewhere in the value: filled, as the document printer does it. */
function hasFill(v: Json): boolean {
  if (typeof v !== "object" || v === null) return false;
  if (Array.isArray(v)) return (v.length > 0 && v.every((x) => typeof x === "number")) || v.some(hasFill);
  return Object.values(v).some(hasFill);
}

/** The value on one line (it does not break), and its width. */
function flat(v: Json): { text: string; width: number } {
  if (v === null || typeof v === "boolean") return { text: String(v), width: String(v).length };
  if (typeof v === "number") {
    const text = numberText(v);
    return { text, width: text.length };
  }
  if (typeof v === "string") {
    const text = stringText(v);
    return { text, width: stringWidth(text) };
  }
  if (!Array.isArray(v) || v.length === 0)
    return Array.isArray(v) ? { text: "[]", width: 2 } : { text: "{}", width: 2 };
  const items = v.map(flat);
  return {
    text: `[${items.map((i) => i.text).join(", ")}]`,
    width: items.reduce((w, i) => w + i.width, 2 * items.length),
  };
}

/** `v` where the line is `pos` wide and `ind` indented, `after` columns before the next break. */
function print(v: Json, ind: number, pos: number, after: number, out: string[]): void {
  if (!breaks(v)) {
    const f = flat(v);
    if (typeof v !== "object" || v === null || pos + f.width + after <= WIDTH || entries(v) === 0) {
      out.push(f.text);
      return;
    }
  }
  const array = Array.isArray(v);
  const inner = `\n${" ".repeat(ind + 2)}`;
  out.push(array ? "[" : "{");
  if (array) {
    v.forEach((x, i) => {
      const last = i === v.length - 1;
      out.push(inner);
      print(x, ind + 2, ind + 2, last ? 0 : 1, out);
      if (!last) out.push(",");
    });
  } else {
    const keys = Object.keys(v as object);
    keys.forEach((k, i) => {
      const last = i === keys.length - 1;
      out.push(inner);
      printMember(k, (v as Record<string, Json>)[k]!, ind + 2, last ? 0 : 1, out);
      if (!last) out.push(",");
    });
  }
  out.push(`\n${" ".repeat(ind)}${array ? "]" : "}"}`);
}

/** `"key": value` at the start of its line: all flat if it fits, else the value laid out after the key. */
function printMember(key: string, v: Json, ind: number, after: number, out: string[]): void {
  const k = stringText(key);
  const keyWidth = stringWidth(k) + 2;
  out.push(k, ": ");
  print(v, ind, ind + keyWidth, after, out);
}

/** The direct printer's text of an item (or a member); a value with a fill, printDoc's of its document. */
function printed(v: Json, ind: number, member?: string): string {
  if (hasFill(v)) {
    const doc = member === undefined ? group(valueDoc(v)) : group([stringText(member), ": ", valueDoc(v)]);
    return printDoc(doc, WIDTH, ind);
  }
  const out: string[] = [];
  if (member === undefined) print(v, ind, ind, 0, out);
  else printMember(member, v, ind, 0, out);
  return out.join("");
}

const parsed = (value: unknown): Json => {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError("the value has no JSON form");
  return JSON.parse(text) as Json;
};

/** Any value JSON.stringify accepts (toJSON, undefined members and all), as final JSON text. */
export function jsonText(value: unknown): string {
  return `${printed(parsed(value), 0)}\n`;
}

/**
 * One member of an object nested `indent` spaces deep, as jsonText prints it there: the lines from
 * the key to the value's end (no separator). A member whose value is a non-empty object always
 * breaks, so its text does not depend on what surrounds it.
 */
export function jsonMemberText(key: string, value: unknown, indent: number): string {
  return `${" ".repeat(indent)}${printed(parsed(value), indent, key)}`;
}

/**
 * One item of an array nested `indent` spaces deep, as jsonText prints it there when the array
 * breaks (as it does when an item is a non-empty object): the item's lines, no separator.
 */
export function jsonItemText(value: unknown, indent: number): string {
  return `${" ".repeat(indent)}${printed(parsed(value), indent)}`;
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
 * `empty` is a file whose last member is an empty object or array ("{}" or "[]", at the top level's
 * indent): what goes before, between and after its entries (jsonMemberText or jsonItemText at indent 4,
 * at least one) to fill it instead.
 */
export function filledEnds(empty: string, brackets: "{}" | "[]"): { head: string; sep: string; tail: string } {
  return {
    head: `${empty.slice(0, -`${brackets}\n}\n`.length)}${brackets[0]}\n`,
    sep: ",\n",
    tail: `\n  ${brackets[1]}\n}\n`,
  };
}
