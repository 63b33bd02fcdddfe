// Recorded facts of an aws-sdk source: the SDK reader's Evidence as JSON, committed beside the other
// sources and read when the package is not installed, so a corpus reconciles the same without it (and
// when it is installed with the model files they were read from, which is quicker than scanning).
// A test compares the committed file with a fresh reading of the installed package.
import { readFile } from "node:fs/promises";
import { diagnostic, StructgenError } from "../../diagnostics/diagnostic.js";
import { escapePointerToken, parseJson, type JsonValue } from "../../load/parse-json.js";
import type { Evidence, MemberClaim, ShapeClaim, ShapeKind, SourceInfo } from "../evidence.js";

export interface SdkFacts {
  package: string;
  version: string;
  /** SHA-256 of the model files the facts were read from (aws-sdk.ts declarationsDigest). */
  declarations?: string;
  evidence: Evidence;
}

export const FACTS_COMMENT =
  "Recorded facts of an aws-sdk evidence source: what structgen's SDK reader found in the package below. " +
  "structgen reads them when the package is not installed, or when it is and its model files are the ones " +
  "recorded (the declarations digest). Record again with " +
  "`STRUCTGEN_RECORD=1 npx vitest run test/reconcile/aws-sdk-facts.test.ts`; a test fails while they are stale.";

/** The digest a facts file's text records (its "declarations" field, near the top), if any. */
export function recordedDigest(text: string): string | undefined {
  return /^ {2}"declarations": "([0-9a-f]{64})",$/m.exec(text.slice(0, 4096))?.[1];
}

/** The facts file's text: stable, one key order, a final newline. */
export function sdkFactsText(evidence: Evidence, pkg: { name: string; version: string }, declarations: string): string {
  const doc = {
    $comment: FACTS_COMMENT,
    package: pkg.name,
    version: pkg.version,
    declarations,
    shapes: [...evidence.shapes.values()],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Reads a facts file; a malformed one is a SOURCE_FACTS_INVALID error at the place it goes wrong. */
export async function readSdkFacts(
  source: SourceInfo,
  file: string,
  display: string,
  expectedPackage?: string,
): Promise<SdkFacts> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new StructgenError([diagnostic("FILE_UNREADABLE", { path: display, reason })]);
  }
  return sdkFactsFromText(source, text, display, expectedPackage);
}

/** A facts file's text read as readSdkFacts reads it. */
export function sdkFactsFromText(
  source: SourceInfo,
  text: string,
  display: string,
  expectedPackage?: string,
): SdkFacts {
  // Fast path: JSON.parse (a key such as "__proto__" stays an own property). Anything it rejects, or
  // any value that does not check, is read again by the strict parser to say where it goes wrong.
  let fast: JsonValue | undefined;
  try {
    fast = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as JsonValue;
  } catch {
    fast = undefined;
  }
  if (fast !== undefined) {
    try {
      return interpret(source, fast, expectedPackage, () => {
        throw NOT_FAST;
      });
    } catch (e) {
      if (e !== NOT_FAST) throw e;
    }
  }
  const parsed = parseJson(display, text);
  if (!parsed.ok) throw new StructgenError(parsed.diagnostics);
  const { doc } = parsed;
  return interpret(source, doc.value, expectedPackage, (pointer, reason) => {
    const params = { path: display, reason: `${pointer || "/"} ${reason}` };
    throw new StructgenError([diagnostic("SOURCE_FACTS_INVALID", params, doc.locate(pointer))]);
  });
}

const NOT_FAST = Symbol("not fast");

function interpret(source: SourceInfo, root: JsonValue, expectedPackage: string | undefined, fail: Fail): SdkFacts {
  if (!isObject(root)) return fail("", "must be an object");
  if (typeof root["package"] !== "string") fail("/package", "must be a string");
  if (expectedPackage !== undefined && root["package"] !== expectedPackage) {
    fail("/package", `says the facts come from ${String(root["package"])}, not the configured ${expectedPackage}`);
  }
  if (typeof root["version"] !== "string") fail("/version", "must be a string");
  const declarations = root["declarations"];
  if (declarations !== undefined && typeof declarations !== "string") fail("/declarations", "must be a string");
  const list = root["shapes"];
  if (!Array.isArray(list)) return fail("/shapes", "must be an array");
  const shapes = new Map<string, ShapeClaim>();
  list.forEach((value, i) => {
    const claim = shapeClaim(value, `/shapes/${i}`, fail);
    if (shapes.has(claim.name)) fail(`/shapes/${i}/name`, `repeats ${JSON.stringify(claim.name)}`);
    shapes.set(claim.name, claim);
  });
  return {
    package: root["package"] as string,
    version: root["version"] as string,
    ...(typeof declarations === "string" ? { declarations } : {}),
    evidence: { source, shapes },
  };
}

type Fail = (pointer: string, reason: string) => never;

const KINDS = new Set<ShapeKind>([
  "object",
  "array",
  "map",
  "enum",
  "string",
  "integer",
  "long",
  "number",
  "boolean",
  "timestamp",
  "blob",
  "document",
]);
const isObject = (v: JsonValue | undefined): v is { [key: string]: JsonValue } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks a value against a field table; the value is then that type, as JSON.parse made it. */
function check(
  value: JsonValue | undefined,
  pointer: string,
  fields: Record<string, (v: JsonValue, p: string) => boolean>,
  fail: Fail,
): void {
  if (!isObject(value)) fail(pointer, "must be an object");
  for (const [key, v] of Object.entries(value as object) as [string, JsonValue][]) {
    const p = `${pointer}/${key}`;
    if (!Object.hasOwn(fields, key)) fail(p, "is not a field of a recorded claim");
    if (!fields[key]!(v, p)) fail(p, "has the wrong type");
  }
}

const str = (v: JsonValue): boolean => typeof v === "string";
const bool = (v: JsonValue): boolean => typeof v === "boolean";
const num = (v: JsonValue): boolean => typeof v === "number";
const kind = (v: JsonValue): boolean => typeof v === "string" && KINDS.has(v as ShapeKind);
const strings = (v: JsonValue): boolean => Array.isArray(v) && v.every(str);
const location = (v: JsonValue): boolean =>
  isObject(v) &&
  Object.keys(v).every((k) => ["file", "pointer", "line", "column"].includes(k)) &&
  str(v["file"]!) &&
  str(v["pointer"]!) &&
  Number.isInteger(v["line"]) &&
  Number.isInteger(v["column"]);

function shapeClaim(value: JsonValue, pointer: string, fail: Fail): ShapeClaim {
  const members = (v: JsonValue, p: string): boolean => {
    if (!isObject(v)) return false;
    for (const [name, m] of Object.entries(v)) memberClaim(m, `${p}/${escapePointerToken(name)}`, fail);
    return true;
  };
  check(
    value,
    pointer,
    {
      name: str,
      kind,
      members,
      items: str,
      values: str,
      enum: strings,
      min: num,
      max: num,
      pattern: str,
      sensitive: bool,
      timestampWire: (v) => v === "epoch-seconds" || v === "rfc3339",
      error: bool,
      doc: str,
      deprecated: str,
      at: location,
    },
    fail,
  );
  const claim = value as unknown as ShapeClaim;
  if (typeof claim.name !== "string") fail(`${pointer}/name`, "is required");
  if (typeof claim.kind !== "string") fail(`${pointer}/kind`, "is required");
  return claim;
}

function memberClaim(value: JsonValue, pointer: string, fail: Fail): MemberClaim {
  check(
    value,
    pointer,
    { shape: str, kind, required: bool, doc: str, deprecated: str, proseValues: strings, at: location },
    fail,
  );
  return value as unknown as MemberClaim;
}
