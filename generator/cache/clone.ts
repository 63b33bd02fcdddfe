// What V8's structured clone (node:v8 serialize) gives back exactly as it was: the caches that keep
// stage results between processes store only such values.

const enumerable = Object.prototype.propertyIsEnumerable;

/** Plain objects (Object's prototype, no hidden or symbol keys), arrays, Maps and primitives only. */
export function clonesExactly(v: unknown, depth = 0): boolean {
  if (typeof v === "function" || typeof v === "symbol" || depth > 1000) return false;
  if (typeof v !== "object" || v === null) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!clonesExactly(v[i], depth + 1)) return false;
    return true;
  }
  if (v instanceof Map) {
    for (const [k, x] of v) if (!clonesExactly(k, depth + 1) || !clonesExactly(x, depth + 1)) return false;
    return true;
  }
  // A class instance or a null prototype would come back with Object's, and hidden or symbol keys not at all.
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const k of Reflect.ownKeys(v)) {
    if (typeof k !== "string" || !enumerable.call(v, k)) return false;
    if (!clonesExactly((v as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}
