// Helpers each validators module defines itself instead of importing them from runtime.js. V8
// optimises `hasOwn.call(x, k)` in a for-in loop only when it can see which function hasOwn is, and
// it inlines owns and declaredOnly into the object checks only from their own module (measured on
// AdminGetUserResponse in one process: valid isX about 0.8× TypeBox with them imported, 1.05× here).
import type { Flavour } from "./scope.js";
import { jsToTs } from "./to-ts.js";

const HELPERS: Record<string, string> = {
  owns: `/**
 * Whether a (an open object's required member, read directly and valid) is an own enumerable member
 * of x, as JSON sees it: for-in lists enumerable members, own ones before inherited ones.
 * @param {object} x
 * @param {string} a
 * @returns {boolean}
 */
function owns(x, a) {
  for (const key in x) if (key === a) return hasOwn.call(x, key);
  return false;
}`,
  declaredOnly: `/**
 * Boolean modes 1 and 2 of an open object whose members, read directly, are valid where JSON sees
 * them: no undeclared member (an error in strict mode, drift in mode 2), and the first r names in k
 * (the required members) are own enumerable ones.
 * @param {object} x
 * @param {number} q
 * @param {readonly string[]} k
 * @param {number} r
 * @returns {boolean}
 */
function declaredOnly(x, q, k, r) {
  const o = /** @type {Record<string, unknown>} */ (x);
  let seen = 0;
  for (const key in o) {
    if (!hasOwn.call(o, key)) continue;
    const v = o[key];
    if (v === undefined) continue;
    const i = k.indexOf(key);
    if (i >= 0) {
      if (i < r) seen++;
    } else if (q < 4 && key === "$schema" && typeof v === "string") continue;
    else if (undeclared(key, q)) return false;
  }
  return seen === r;
}`,
};

/** Runtime names a module defines itself, and the runtime names those definitions call. */
export const LOCAL_NAMES = new Set(["hasOwn", ...Object.keys(HELPERS)]);
export const LOCAL_CALLS: Record<string, string[]> = { declaredOnly: ["undeclared"] };

/**
 * hasOwn (unless the module already has the runtime's, inlined) and the helpers in `used` (all of them
 * without), in the module's flavour.
 */
export function localLines(flavour: Flavour, used?: ReadonlySet<string>, hasOwn = true): string[] {
  const js = [
    ...(hasOwn ? ["const hasOwn = Object.prototype.hasOwnProperty;"] : []),
    ...Object.entries(HELPERS)
      .filter(([name]) => !used || used.has(name))
      .map(([, text]) => text),
  ].join("\n\n");
  return (flavour === "ts" ? jsToTs(js, "ts", "") : js).split("\n");
}
