// The AWS SDK for JavaScript v3 client's declarations (dist-types/models/*.d.ts): enums as
// `export declare const X: { readonly A: "a"; … }`, shapes as interfaces whose optional members
// carry `?`, exceptions as classes. Read by a small scanner of TypeScript's declaration syntax
// (dts/), no compiler: test/helpers/aws-sdk-ts-morph.ts reads the same through ts-morph, and the
// tests hold the two to identical Evidence.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { diagnostic, StructgenError, type Diagnostic, type SourceLocation } from "../../diagnostics/diagnostic.js";
import { escapePointerToken } from "../../load/parse-json.js";
import type { Evidence, MemberClaim, ShapeClaim, ShapeKind, SourceInfo } from "../evidence.js";
import { proseDeprecation, proseValues } from "../prose.js";
import { isExported, type ObjectDeclaration } from "./dts/declarations.js";
import { readDtsFile, type DtsFile } from "./dts/source-file.js";
import type { Member, TypeNode } from "./dts/types.js";
import { declarationFiles, MODELS } from "./files.js";

/** Request/response types of commands repeat the operation's shapes; they are not shapes. */
export const COMMAND_TYPE = /Command(?:Input|Output)$/;

/** Properties an exception class declares for the SDK's sake, not the service's. */
export const ERROR_PLUMBING = new Set(["name", "$fault"]);

const PRIMITIVE: Record<string, ShapeKind> = {
  string: "string",
  number: "number",
  bigint: "long",
  boolean: "boolean",
  Date: "timestamp",
  Uint8Array: "blob",
  __DocumentType: "document",
  DocumentType: "document",
};
export const primitive = (name: string): ShapeKind | undefined =>
  Object.hasOwn(PRIMITIVE, name) ? PRIMITIVE[name] : undefined;

/** The package's name and version, from its package.json. */
export async function sdkPackage(packageDir: string): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as {
    name?: unknown;
    version?: unknown;
  };
  return {
    name: typeof pkg.name === "string" ? pkg.name : path.basename(packageDir),
    version: typeof pkg.version === "string" ? pkg.version : "",
  };
}

/** The package's model files, read in the scanner's order (an unreadable folder: FILE_UNREADABLE). */
export async function readDeclarations(packageDir: string): Promise<DeclarationText[]> {
  const modelsDir = path.join(packageDir, MODELS);
  let packageName: string;
  let fileNames: string[];
  try {
    packageName = (await sdkPackage(packageDir)).name;
    fileNames = declarationFiles(packageDir);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new StructgenError([diagnostic("FILE_UNREADABLE", { path: modelsDir, reason })]);
  }
  const files: DeclarationText[] = [];
  for (const f of fileNames)
    files.push({ display: `${packageName}/${MODELS}/${f}`, text: await readFile(path.join(modelsDir, f), "utf8") });
  return files;
}

/** SHA-256 of the model files' names and texts, length-prefixed: what recorded facts were read from. */
export function declarationsDigest(files: readonly DeclarationText[]): string {
  const h = createHash("sha256");
  for (const { display, text } of files) h.update(`${display.length}:${display}${text.length}:`).update(text);
  return h.digest("hex");
}

/**
 * The installed package's Evidence. When the source also names recorded facts read from these very
 * files (the same digest), those are the scanner's own result, so they are read instead: a tenth of
 * the time of scanning.
 */
export async function loadAwsSdk(
  source: SourceInfo,
  packageDir: string,
  facts?: { path: string; display: string },
): Promise<Evidence> {
  const files = await readDeclarations(packageDir);
  const text = facts ? await readFile(facts.path, "utf8").catch(() => undefined) : undefined;
  if (text !== undefined) {
    const recorded = await import("./aws-sdk-facts.js");
    if (recorded.recordedDigest(text) === declarationsDigest(files))
      return recorded.sdkFactsFromText(source, text, facts!.display).evidence;
  }
  return readSdkDeclarations(source, files);
}

/** A models file: its text, and the name it goes by in locations (package-relative). */
export interface DeclarationText {
  display: string;
  text: string;
}

interface Read extends DeclarationText {
  file: DtsFile;
}

/**
 * Evidence from the model files' texts, in the given order. Syntax the scanner cannot read is
 * reported for every file (SDK_DECLARATION_SYNTAX, with line:column) in one StructgenError.
 */
export function readSdkDeclarations(source: SourceInfo, texts: readonly DeclarationText[]): Evidence {
  const files: Read[] = [];
  const problems: Diagnostic[] = [];
  for (const { display, text } of texts) {
    const r = readDtsFile(text);
    if (r.ok) files.push({ display, text, file: r.file });
    else
      problems.push(
        diagnostic(
          "SDK_DECLARATION_SYNTAX",
          { reason: r.reason },
          { file: display, pointer: "", line: r.line, column: r.column },
        ),
      );
  }
  if (problems.length > 0) throw new StructgenError(problems);

  // Names first, so member types can tell enums from structures.
  const enumNames = new Set<string>();
  const objectNames = new Set<string>();
  for (const { file } of files) {
    const d = file.declarations;
    for (const v of d.variables)
      if (isExported(d, v.name, v.exportKeyword) && enumLiterals(v.type)) enumNames.add(v.name);
    for (const i of d.interfaces)
      if (isExported(d, i.name, i.exportKeyword) && !COMMAND_TYPE.test(i.name!)) objectNames.add(i.name!);
    for (const c of d.classes) if (isExported(d, c.name, c.exportKeyword) && isException(c)) objectNames.add(c.name!);
  }

  const shapes = new Map<string, ShapeClaim>();
  const put = (claim: ShapeClaim): void => {
    // A name declared twice (it should not be): the first declaration wins.
    if (!shapes.has(claim.name)) shapes.set(claim.name, claim);
  };
  const names = { enumNames, objectNames };
  for (const { display, text, file } of files) {
    const d = file.declarations;
    const at = (token: number, pointer: string): SourceLocation => ({
      file: display,
      pointer,
      ...file.position(token),
    });
    for (const v of d.variables) {
      const values = isExported(d, v.name, v.exportKeyword) ? enumLiterals(v.type) : undefined;
      if (!values) continue;
      const claim: ShapeClaim = {
        name: v.name,
        kind: "enum",
        enum: values,
        at: at(v.token, `/${escapePointerToken(v.name)}`),
      };
      annotate(claim, file, v.token);
      put(claim);
    }
    for (const i of d.interfaces) {
      const name = i.name!;
      if (!isExported(d, name, i.exportKeyword) || COMMAND_TYPE.test(name)) continue;
      put(objectClaim(name, i, i.members, { text, file, at }, names));
    }
    for (const c of d.classes) {
      const name = c.name;
      if (!name || !isExported(d, name, c.exportKeyword) || !isException(c)) continue;
      const props = c.members.filter((p) => p.kind === "property" && !p.isStatic && !ERROR_PLUMBING.has(p.name));
      const claim = objectClaim(name, c, props, { text, file, at }, names);
      claim.error = true;
      put(claim);
    }
  }
  return { source, shapes: new Map([...shapes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** `{ readonly A: "a"; readonly B: "b" }` → ["a", "b"]; undefined when the const is not such an object. */
function enumLiterals(t: TypeNode | undefined): string[] | undefined {
  if (!t || t.kind !== "typeLiteral") return undefined;
  const values: string[] = [];
  for (const member of t.members) {
    if (member.kind !== "property" || member.type?.kind !== "literal" || member.type.string === undefined)
      return undefined;
    values.push(member.type.string);
  }
  return values.length > 0 ? values : undefined;
}

/** Exception classes declare `readonly $fault: "client" | "server"`. */
const isException = (c: ObjectDeclaration): boolean =>
  c.members.some((m) => m.kind === "property" && m.name === "$fault");

interface Where {
  text: string;
  file: DtsFile;
  at: (token: number, pointer: string) => SourceLocation;
}

function objectClaim(
  name: string,
  decl: ObjectDeclaration,
  props: Member[],
  where: Where,
  names: { enumNames: ReadonlySet<string>; objectNames: ReadonlySet<string> },
): ShapeClaim {
  const p = `/${escapePointerToken(name)}`;
  const claim: ShapeClaim = { name, kind: "object", at: where.at(decl.token, p) };
  annotate(claim, where.file, decl.token);
  const members: Record<string, MemberClaim> = {};
  for (const prop of props) {
    if (prop.kind !== "property") continue;
    const m = prop.name;
    const claimM: MemberClaim = { required: !prop.optional, at: where.at(prop.token, `${p}/${escapePointerToken(m)}`) };
    Object.assign(claimM, memberType(where.text, prop.type, names.enumNames, names.objectNames));
    annotate(claimM, where.file, prop.token);
    const pv = proseValues(claimM.doc);
    if (pv.length > 0) claimM.proseValues = pv;
    Object.defineProperty(members, m, { value: claimM, enumerable: true, writable: true, configurable: true });
  }
  claim.members = members;
  return claim;
}

/**
 * What a member's declared type says. The SDK names no list or map shapes, so for `X[]` and
 * `Record<string, X>` the claim's `shape` is the item or value shape X (when X is a named shape).
 */
function memberType(
  text: string,
  t: TypeNode | undefined,
  enumNames: ReadonlySet<string>,
  objectNames: ReadonlySet<string>,
): Pick<MemberClaim, "kind" | "shape"> {
  if (!t) return {};
  const src = (n: { start: number; end: number }): string => text.slice(n.start, n.end);
  // `X | undefined` → X.
  if (t.kind === "union") {
    const parts = t.parts.filter((n) => src(n) !== "undefined");
    if (parts.length !== 1) return {};
    t = parts[0]!;
  }
  if (t.kind === "paren") return memberType(text, t.inner, enumNames, objectNames);
  const named = (n: TypeNode): string | undefined => {
    const s = src(n);
    return enumNames.has(s) || objectNames.has(s) ? s : undefined;
  };
  if (t.kind === "array") {
    const shape = named(t.element);
    return shape ? { kind: "array", shape } : { kind: "array" };
  }
  if (t.kind === "ref") {
    const ref = text.slice(t.start, t.nameEnd);
    const args = t.args;
    if (ref === "Record" && args.length === 2) {
      const shape = named(args[1]!);
      return shape ? { kind: "map", shape } : { kind: "map" };
    }
    if ((ref === "Array" || ref === "ReadonlyArray") && args.length === 1) {
      const shape = named(args[0]!);
      return shape ? { kind: "array", shape } : { kind: "array" };
    }
    if (args.length === 0) {
      if (enumNames.has(ref)) return { kind: "enum", shape: ref };
      if (objectNames.has(ref)) return { kind: "object", shape: ref };
      const kind = primitive(ref);
      if (kind) return { kind };
      return { shape: ref };
    }
    return {};
  }
  const kind = primitive(src(t));
  return kind ? { kind } : {};
}

/** doc from the JSDoc description (whitespace collapsed); deprecated from `@deprecated`, else from the prose. */
function annotate(target: { doc?: string; deprecated?: string }, file: DtsFile, token: number): void {
  const last = file.jsDoc(token);
  if (!last) return;
  const description = last.description.replace(/\s+/g, " ").trim();
  if (description) target.doc = description;
  const tag = last.tags.find((t) => t.name === "deprecated");
  // proseDeprecation can only match text holding one of these words: skip its work on the rest.
  const prose = (): string | undefined =>
    /deprecated|supported/i.test(description) ? proseDeprecation(description) : undefined;
  const dep = tag ? (tag.comment ?? "").replace(/\s+/g, " ").trim() : prose();
  if (dep !== undefined) target.deprecated = dep;
}
