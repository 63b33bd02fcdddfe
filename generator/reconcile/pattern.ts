// Patterns from AWS models are written for Java/Python regex engines. Adopt one only in a form
// ECMA-262 (with the u flag) reads the same way; otherwise the caller keeps what it had.
import { hasNestedQuantifier } from "../resolve/redos.js";

/** Replaces `.` outside character classes with `[\s\S]` (what a leading `(?s)` asks for). */
function dotAll(p: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "\\") {
      out += c + (p[i + 1] ?? "");
      i++;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === "]") {
      inClass = false;
      out += c;
    } else out += c === "." && !inClass ? "[\\s\\S]" : c;
  }
  return out;
}

const compiles = (p: string): boolean => {
  try {
    new RegExp(p, "u");
    return true;
  } catch {
    return false;
  }
};

/** The pattern in ECMA-262 form, or undefined when it has no faithful, safe translation. */
export function toEcmaPattern(p: string): string | undefined {
  const safe = (x: string) => (hasNestedQuantifier(x) ? undefined : x);
  if (compiles(p)) return safe(p);
  const m = /^\(\?s\)(.*)$/s.exec(p);
  if (m && compiles(dotAll(m[1]!))) return safe(dotAll(m[1]!));
  return undefined;
}
