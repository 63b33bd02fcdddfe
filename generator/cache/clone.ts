// What V8's structured clone (node:v8 serialize) gives back exactly as it was: the caches that keep
// stage results between processes store only such values.

/** Plain objects (Object's prototype, no hidden or symbol keys), arrays, Maps and primitives only. */
export function clonesExactly(v: unknown, depth = 0): boolean {
  if (typeof v === "function" || typeof v === "symbol" || depth > 1000) return false;
  if (typeof v !== "object" || v === null) return true;
  if (Array.isArray(v)) return v.every((x) => clonesExactly(x, depth + 1));
  if (v instanceof Map) return [...v].every(([k, x]) => clonesExactly(k, depth + 1) && clonesExactly(x, depth + 1));
  // A class instance or a null prototype would come back with Object's, and hidden or symbol keys not at all.
  if (Object.getPrototypeOf(v) !== Object.prototype || Reflect.ownKeys(v).length !== Object.keys(v).length)
    return false;
  return Object.values(v).every((x) => clonesExactly(x, depth + 1));
}
