// The fast path of parseJson for the common case, valid JSON: the engine's JSON.parse builds the
// value, and one pass over the text records where each value starts. Anything else (a syntax
// error, a duplicate key, nesting that exhausts the stack) returns undefined, and the positional
// parser decides, with its diagnostics. JSON.parse accepts only strict JSON, a subset of what that
// parser accepts, and yields the same values.
import type { JsonValue } from "./parse-json.js";

export interface Parsed {
  value: JsonValue;
  /** JSON pointer → offset of the value's first character. */
  offsets: Map<string, number>;
}

const pointerToken = (key: string) =>
  key.indexOf("~") < 0 && key.indexOf("/") < 0 ? key : key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Valid JSON, without duplicate keys, with its offsets; undefined for anything else. */
export function parseValid(text: string): Parsed | undefined {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  const offsets = new Map<string, number>();
  let i = 0;
  const space = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  // i at an opening quote → i past the closing one; returns the string's content as written.
  const string = (): string => {
    const start = i + 1;
    let from = start;
    for (;;) {
      const q = text.indexOf('"', from);
      let b = q - 1;
      while (text.charCodeAt(b) === 92) b--;
      if ((q - 1 - b) % 2 === 0) {
        i = q + 1;
        return text.slice(start, q);
      }
      from = q + 1;
    }
  };
  // Walks the text beside the value it parsed to; false when an object's keys outnumber the value's.
  const walk = (v: JsonValue | undefined, pointer: string): boolean => {
    space();
    offsets.set(pointer, i);
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
      i++;
      space();
      let n = 0;
      if (text.charCodeAt(i) !== 0x7d) {
        for (;;) {
          space();
          const raw = string();
          const key = raw.indexOf("\\") < 0 ? raw : (JSON.parse(`"${raw}"`) as string);
          space();
          i++; // :
          const own = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
          if (!walk(own, `${pointer}/${pointerToken(key)}`)) return false;
          n++;
          space();
          if (text.charCodeAt(i++) === 0x7d) break;
        }
      } else i++;
      return n === Object.keys(v).length;
    }
    if (c === 0x5b) {
      if (!Array.isArray(v)) return false;
      i++;
      space();
      if (text.charCodeAt(i) === 0x5d) {
        i++;
        return true;
      }
      for (let k = 0; ; k++) {
        if (!walk(v[k], `${pointer}/${k}`)) return false;
        space();
        if (text.charCodeAt(i++) === 0x5d) return true;
      }
    }
    if (c === 0x22) {
      string();
      return true;
    }
    // A number or a literal runs to the next delimiter.
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 0x7d || d === 0x5d || d === 32 || d === 10 || d === 13 || d === 9) break;
    }
    return true;
  };
  try {
    return walk(value, "") ? { value, offsets } : undefined;
  } catch {
    return undefined; // nested deeper than the stack allows
  }
}
