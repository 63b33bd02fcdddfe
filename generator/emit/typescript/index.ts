// TypeScript emitter: an exported interface or type alias per named type, in each view, built
// with ts-morph. Enums export the closed union under their name and an open alias beside it.
import { Project, StructureKind, ts, type InterfaceDeclarationStructure, type JSDocStructure, type OptionalKind, type StatementStructures, type TypeAliasDeclarationStructure } from "ts-morph";
import type { Attributes, Model, NamedType, TypeNode } from "../../ir/model.js";
import type { Emitter } from "../files.js";
import { propertyKey } from "../quote.js";
import { docParts } from "./jsdoc.js";
import { memberType, typeText } from "./type-text.js";
import { viewFiles, type View } from "./view.js";

export const emitTypeScript: Emitter = (model) => viewFiles(model).map((f) => ({ path: f.path, kind: "ts" as const, content: typesSource(model, f.view, f.title) }));

export function typesSource(model: Model, view: View = { sdk: false, open: true, openNames: new Map() }, title?: string): string {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true } });
  const file = project.createSourceFile("types.ts", "", { overwrite: true });
  const statements: StatementStructures[] = [];
  for (const t of model.types) {
    if (t.node.kind === "object") statements.push(interfaceOf(t, t.node, view));
    else statements.push(aliasOf(t, view));
    const open = view.openNames.get(t.name);
    if (open) {
      statements.push({
        kind: StructureKind.TypeAlias,
        name: open,
        isExported: true,
        type: `${t.name} | (string & {})`,
        docs: [{ description: `\n${t.name}, open: any other string is a value the sources do not list yet (drift).` }],
      });
    }
  }
  // One batched insertion: ts-morph re-parses after each manipulation, so per-type calls are slow.
  file.addStatements(statements);
  if (title) file.insertStatements(0, `/** ${title} */`);
  if (model.types.length === 0) file.addStatements("export {};");
  const text = file.getFullText();
  assertParses(text);
  return text;
}

function docs(a: Attributes, node?: TypeNode, extra: JSDocStructure["tags"] = []): OptionalKind<JSDocStructure>[] {
  const d = docParts(a, node);
  const tags = [...(extra ?? []), ...d.tags];
  if (!d.description && tags.length === 0) return [];
  return [{ ...(d.description ? { description: `\n${d.description}` } : {}), tags }];
}

function roleTags(t: NamedType): JSDocStructure["tags"] {
  return t.role === "error" ? [{ kind: StructureKind.JSDocTag, tagName: "remarks", text: "Error shape." }] : [];
}

function interfaceOf(t: NamedType, node: Extract<TypeNode, { kind: "object" }>, view: View): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: t.name,
    isExported: true,
    docs: docs(t.attrs, undefined, roleTags(t)),
    properties: node.members.map((m) => ({
      name: propertyKey(m.name),
      type: memberType(m.type, view),
      hasQuestionToken: !m.required,
      docs: docs(m.attrs, m.type.kind === "primitive" ? m.type : undefined),
    })),
    indexSignatures: typeof node.additional === "object" ? [{ keyName: "key", keyType: "string", returnType: "unknown" }] : [],
  };
}

function aliasOf(t: NamedType, view: View): TypeAliasDeclarationStructure {
  // An enum's own declaration is always the closed union; its open alias sits beside it.
  const type = t.node.kind === "enum" ? typeText(t.node, { ...view, open: false }) : typeText(t.node, view);
  return { kind: StructureKind.TypeAlias, name: t.name, isExported: true, type, docs: docs(t.attrs, t.node, roleTags(t)) };
}

/** Generated code that does not parse is a structgen bug: fail loudly rather than write it. */
export function assertParses(text: string): void {
  // transpileModule reports syntax errors only: no program, no type check, fast.
  const out = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  const d = out.diagnostics?.[0];
  if (d) {
    const msg = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    throw new Error(`EMIT_TYPESCRIPT_SYNTAX: ${msg} at offset ${d.start ?? 0}`);
  }
}
