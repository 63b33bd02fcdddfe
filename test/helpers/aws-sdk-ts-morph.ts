// The test oracle for generator/reconcile/sources/aws-sdk.ts: the same reading of the SDK client's
// declarations (dist-types/models/*.d.ts) through ts-morph's parser (no type checking). The generator
// does not import ts-morph; tests assert that both readers give identical Evidence.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import {
  Node,
  Project,
  SyntaxKind,
  type ClassDeclaration,
  type InterfaceDeclaration,
  type JSDocableNode,
  type SourceFile,
  type TypeNode,
  type VariableDeclaration,
} from "ts-morph";
import { diagnostic, StructgenError, type SourceLocation } from "../../generator/diagnostics/diagnostic.js";
import { escapePointerToken } from "../../generator/load/parse-json.js";
import type { Evidence, MemberClaim, ShapeClaim, ShapeKind, SourceInfo } from "../../generator/reconcile/evidence.js";
import { proseDeprecation, proseValues } from "../../generator/reconcile/prose.js";
// What counts as a shape and how primitives map are the reader's rules; the oracle reads the same files
// another way (ts-morph), with the same rules.
import { COMMAND_TYPE, ERROR_PLUMBING, primitive } from "../../generator/reconcile/sources/aws-sdk.js";
import { MODELS } from "../../generator/reconcile/sources/files.js";

export async function loadAwsSdkWithTsMorph(source: SourceInfo, packageDir: string): Promise<Evidence> {
  const modelsDir = path.join(packageDir, MODELS);
  let packageName: string;
  let fileNames: string[];
  try {
    const pkg = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { name?: unknown };
    packageName = typeof pkg.name === "string" ? pkg.name : path.basename(packageDir);
    fileNames = (await readdir(modelsDir)).filter((f) => f.endsWith(".d.ts")).sort();
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new StructgenError([diagnostic("FILE_UNREADABLE", { path: modelsDir, reason })]);
  }

  // Only the model declarations, in memory: no tsconfig, no lib files, no dependency resolution.
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
  });
  const files: { display: string; sf: SourceFile }[] = [];
  for (const f of fileNames) {
    const text = await readFile(path.join(modelsDir, f), "utf8");
    files.push({ display: `${packageName}/${MODELS}/${f}`, sf: project.createSourceFile(`/${MODELS}/${f}`, text) });
  }

  // Names first, so member types can tell enums from structures.
  const enumNames = new Set<string>();
  const objectNames = new Set<string>();
  for (const { sf } of files) {
    for (const v of sf.getVariableDeclarations()) if (v.isExported() && enumLiterals(v)) enumNames.add(v.getName());
    for (const i of sf.getInterfaces())
      if (i.isExported() && !COMMAND_TYPE.test(i.getName())) objectNames.add(i.getName());
    for (const c of sf.getClasses()) if (c.isExported() && isException(c)) objectNames.add(c.getName()!);
  }

  const shapes = new Map<string, ShapeClaim>();
  const put = (claim: ShapeClaim): void => {
    // A name declared twice (it should not be): the first declaration wins.
    if (!shapes.has(claim.name)) shapes.set(claim.name, claim);
  };
  for (const { display, sf } of files) {
    const at = (node: Node, pointer: string): SourceLocation => {
      // The compiler's cached line map (ts-morph's getLineAndColumnAtPos rescans the text each call).
      const { line, character } = sf.compilerNode.getLineAndCharacterOfPosition(node.getStart());
      return { file: display, pointer, line: line + 1, column: character + 1 };
    };
    for (const v of sf.getVariableDeclarations()) {
      const values = v.isExported() ? enumLiterals(v) : undefined;
      if (!values) continue;
      const name = v.getName();
      const claim: ShapeClaim = {
        name,
        kind: "enum",
        enum: values,
        at: at(v.getVariableStatementOrThrow(), `/${escapePointerToken(name)}`),
      };
      annotate(claim, v.getVariableStatementOrThrow());
      put(claim);
    }
    for (const i of sf.getInterfaces()) {
      const name = i.getName();
      if (!i.isExported() || COMMAND_TYPE.test(name)) continue;
      put(objectClaim(name, i, i.getProperties(), at, enumNames, objectNames));
    }
    for (const c of sf.getClasses()) {
      const name = c.getName();
      if (!name || !c.isExported() || !isException(c)) continue;
      const props = c.getProperties().filter((p) => !p.isStatic() && !ERROR_PLUMBING.has(p.getName()));
      const claim = objectClaim(name, c, props, at, enumNames, objectNames);
      claim.error = true;
      put(claim);
    }
  }
  return { source, shapes: new Map([...shapes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** `{ readonly A: "a"; readonly B: "b" }` → ["a", "b"]; undefined when the const is not such an object. */
function enumLiterals(v: VariableDeclaration): string[] | undefined {
  const t = v.getTypeNode();
  if (!t || !Node.isTypeLiteral(t)) return undefined;
  const values: string[] = [];
  for (const member of t.getMembers()) {
    if (!Node.isPropertySignature(member)) return undefined;
    const lit = member.getTypeNode();
    if (!lit || !Node.isLiteralTypeNode(lit)) return undefined;
    const l = lit.getLiteral();
    if (!Node.isStringLiteral(l)) return undefined;
    values.push(l.getLiteralValue());
  }
  return values.length > 0 ? values : undefined;
}

/** Exception classes declare `readonly $fault: "client" | "server"`. */
const isException = (c: ClassDeclaration): boolean => c.getProperty("$fault") !== undefined;

type Prop = Node &
  JSDocableNode & { getName(): string; hasQuestionToken(): boolean; getTypeNode(): TypeNode | undefined };

function objectClaim(
  name: string,
  decl: InterfaceDeclaration | ClassDeclaration,
  props: Prop[],
  at: (node: Node, pointer: string) => SourceLocation,
  enumNames: ReadonlySet<string>,
  objectNames: ReadonlySet<string>,
): ShapeClaim {
  const p = `/${escapePointerToken(name)}`;
  const claim: ShapeClaim = { name, kind: "object", at: at(decl, p) };
  annotate(claim, decl);
  const members: Record<string, MemberClaim> = {};
  for (const prop of props) {
    const m = prop.getName();
    const claimM: MemberClaim = { required: !prop.hasQuestionToken(), at: at(prop, `${p}/${escapePointerToken(m)}`) };
    Object.assign(claimM, memberType(prop.getTypeNode(), enumNames, objectNames));
    annotate(claimM, prop);
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
  t: TypeNode | undefined,
  enumNames: ReadonlySet<string>,
  objectNames: ReadonlySet<string>,
): Pick<MemberClaim, "kind" | "shape"> {
  if (!t) return {};
  // `X | undefined` → X.
  if (Node.isUnionTypeNode(t)) {
    const parts = t
      .getTypeNodes()
      .filter((n) => n.getKind() !== SyntaxKind.UndefinedKeyword && n.getText() !== "undefined");
    if (parts.length !== 1) return {};
    t = parts[0]!;
  }
  if (Node.isParenthesizedTypeNode(t)) return memberType(t.getTypeNode(), enumNames, objectNames);
  const named = (n: TypeNode): string | undefined => {
    const text = n.getText();
    return enumNames.has(text) || objectNames.has(text) ? text : undefined;
  };
  if (Node.isArrayTypeNode(t)) {
    const shape = named(t.getElementTypeNode());
    return shape ? { kind: "array", shape } : { kind: "array" };
  }
  if (Node.isTypeReference(t)) {
    const ref = t.getTypeName().getText();
    const args = t.getTypeArguments();
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
  const kind = primitive(t.getText());
  return kind ? { kind } : {};
}

/** doc from the JSDoc description (whitespace collapsed); deprecated from `@deprecated`, else from the prose. */
function annotate(target: { doc?: string; deprecated?: string }, node: JSDocableNode): void {
  const docs = node.getJsDocs();
  const last = docs[docs.length - 1];
  if (!last) return;
  const description = last.getDescription().replace(/\s+/g, " ").trim();
  if (description) target.doc = description;
  const tag = last.getTags().find((t) => t.getTagName() === "deprecated");
  const dep = tag ? (tag.getCommentText() ?? "").replace(/\s+/g, " ").trim() : proseDeprecation(description);
  if (dep !== undefined) target.deprecated = dep;
}
