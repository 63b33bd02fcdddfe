// botocore's service-2.json: AWS's model of the service. Enums, required members, lengths,
// patterns, sensitivity, and how the protocol sends timestamps.
import { readFile } from "node:fs/promises";
import { diagnostic, StructgenError } from "../../diagnostics/diagnostic.js";
import { escapePointerToken, parseJson, type JsonValue } from "../../load/parse-json.js";
import { decodeUtf8 } from "../../load/utf8.js";
import type { Evidence, MemberClaim, OperationClaim, ShapeClaim, ShapeKind, SourceInfo } from "../evidence.js";
import { proseDeprecation, proseValues } from "../prose.js";

type Obj = { [k: string]: JsonValue };
const obj = (v: JsonValue | undefined): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? v : {});
const str = (v: JsonValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: JsonValue | undefined): number | undefined => (typeof v === "number" ? v : undefined);

const KIND: Record<string, ShapeKind> = {
  structure: "object",
  list: "array",
  map: "map",
  string: "string",
  integer: "integer",
  long: "long",
  double: "number",
  float: "number",
  boolean: "boolean",
  timestamp: "timestamp",
  blob: "blob",
};

/** JSON protocols send timestamps as epoch seconds unless a shape says otherwise. */
function timestampWire(protocol: string | undefined, format: string | undefined): "epoch-seconds" | "rfc3339" {
  if (format === "unixTimestamp") return "epoch-seconds";
  if (format === "iso8601") return "rfc3339";
  return protocol === "json" || protocol === "rest-json" ? "epoch-seconds" : "rfc3339";
}

export async function loadBotocore(source: SourceInfo, file: string, displayName: string): Promise<Evidence> {
  const decoded = decodeUtf8(displayName, await readFile(file)); // invalid UTF-8 is an error, never U+FFFD
  if (!decoded.ok) throw new StructgenError([decoded.diagnostic]);
  const parsed = parseJson(displayName, decoded.text);
  if (!parsed.ok) throw new StructgenError(parsed.diagnostics);
  const doc = parsed.doc;
  const root = obj(doc.value);
  if (!root["shapes"])
    throw new StructgenError([
      diagnostic("SCHEMA_INVALID_TYPE", { actual: "a file without shapes (not a botocore model)" }, doc.locate("")),
    ]);
  const protocol = str(obj(root["metadata"])["protocol"]);
  const shapes = new Map<string, ShapeClaim>();
  const all = obj(root["shapes"]);
  for (const name of Object.keys(all).sort()) {
    const s = obj(all[name]);
    const p = `/shapes/${escapePointerToken(name)}`;
    const type = str(s["type"]) ?? "structure";
    const enumValues = Array.isArray(s["enum"])
      ? s["enum"].filter((v): v is string => typeof v === "string")
      : undefined;
    const kind: ShapeKind = enumValues ? "enum" : (KIND[type] ?? "document");
    const doc_ = str(s["documentation"]);
    const claim: ShapeClaim = { name, kind, at: doc.locate(p) };
    if (enumValues) claim.enum = enumValues;
    if (num(s["min"]) !== undefined) claim.min = num(s["min"])!;
    if (num(s["max"]) !== undefined) claim.max = num(s["max"])!;
    if (str(s["pattern"]) !== undefined) claim.pattern = str(s["pattern"])!;
    if (s["sensitive"] === true) claim.sensitive = true;
    if (s["exception"] === true) claim.error = true;
    if (doc_) claim.doc = doc_;
    const dep = s["deprecated"] === true ? (str(s["deprecatedMessage"]) ?? "") : proseDeprecation(doc_);
    if (dep !== undefined) claim.deprecated = dep;
    if (kind === "timestamp") claim.timestampWire = timestampWire(protocol, str(s["timestampFormat"]));
    if (kind === "array") claim.items = str(obj(s["member"])["shape"]);
    if (kind === "map") claim.values = str(obj(s["value"])["shape"]);
    if (kind === "object") {
      const required = new Set(
        Array.isArray(s["required"]) ? s["required"].filter((r): r is string => typeof r === "string") : [],
      );
      const members: Record<string, MemberClaim> = {};
      const ms = obj(s["members"]);
      for (const m of Object.keys(ms)) {
        const mm = obj(ms[m]);
        const mp = `${p}/members/${escapePointerToken(m)}`;
        const mdoc = str(mm["documentation"]);
        const claimM: MemberClaim = { required: required.has(m), at: doc.locate(mp) };
        const shape = str(mm["shape"]);
        if (shape) claimM.shape = shape;
        if (mdoc) claimM.doc = mdoc;
        const mdep = mm["deprecated"] === true ? (str(mm["deprecatedMessage"]) ?? "") : proseDeprecation(mdoc);
        if (mdep !== undefined) claimM.deprecated = mdep;
        const pv = proseValues(mdoc);
        if (pv.length > 0) claimM.proseValues = pv;
        Object.defineProperty(members, m, { value: claimM, enumerable: true, writable: true, configurable: true });
      }
      claim.members = members;
    }
    shapes.set(name, claim);
  }
  return { source, shapes, operations: operations(obj(root["operations"])), ...(protocol ? { protocol } : {}) };
}

/** Which shape each operation sends (input) and receives (output, errors), sorted by name. */
function operations(all: Obj): OperationClaim[] {
  return Object.keys(all)
    .sort()
    .map((name) => {
      const o = obj(all[name]);
      const input = str(obj(o["input"])["shape"]);
      const output = str(obj(o["output"])["shape"]);
      const listed = Array.isArray(o["errors"]) ? o["errors"] : [];
      const names = listed.map((e) => str(obj(e)["shape"])).filter((e): e is string => e !== undefined);
      const errors = [...new Set(names)].sort();
      const claim: OperationClaim = { name, errors };
      if (input) claim.input = input;
      if (output) claim.output = output;
      if (o["deprecated"] === true) claim.deprecated = true;
      return claim;
    });
}
