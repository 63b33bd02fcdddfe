// A canonical JSON text (sorted keys) to compare schemas structurally.
import type { JsonValue } from "../load/parse-json.js";

export function canonical(v: JsonValue | undefined): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** A document root without its document-level keys, to compare with inlined copies. */
export function canonicalBody(root: { [key: string]: JsonValue }): string {
  const body: { [key: string]: JsonValue } = {};
  for (const k of Object.keys(root)) if (k !== "$schema" && k !== "$id" && k !== "name") body[k] = root[k]!;
  return canonical(body);
}
