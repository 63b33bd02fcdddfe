// TypeScript emitter: an exported interface or type alias per named type, built with ts-morph.
import { Project, StructureKind, type InterfaceDeclarationStructure, type JSDocStructure, type OptionalKind, type TypeAliasDeclarationStructure } from "ts-morph";
import type { Attributes, Model, NamedType, TypeNode } from "../../ir/model.js";
import type { Emitter, OutputFile } from "../files.js";
import { propertyKey } from "../quote.js";
import { docParts } from "./jsdoc.js";
import { typeText } from "./type-text.js";

export const emitTypeScript: Emitter = (model) => [{ path: "types.ts", kind: "ts", content: typesSource(model) }];

export function typesSource(model: Model): string {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true } });
  const file = project.createSourceFile("types.ts", "", { overwrite: true });
  // One batched insertion: ts-morph re-parses after each manipulation, so per-type calls are slow.
  file.addStatements(model.types.map((t) => (t.node.kind === "object" ? interfaceOf(t, t.node) : aliasOf(t))));
  if (model.types.length === 0) file.addStatements("export {};");
  assertParses(project, file.getFilePath());
  return file.getFullText();
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

function interfaceOf(t: NamedType, node: Extract<TypeNode, { kind: "object" }>): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: t.name,
    isExported: true,
    docs: docs(t.attrs, undefined, roleTags(t)),
    properties: node.members.map((m) => ({
      name: propertyKey(m.name),
      type: typeText(m.type),
      hasQuestionToken: !m.required,
      docs: docs(m.attrs, m.type.kind === "primitive" ? m.type : undefined),
    })),
    indexSignatures: typeof node.additional === "object" ? [{ keyName: "key", keyType: "string", returnType: "unknown" }] : [],
  };
}

function aliasOf(t: NamedType): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name: t.name, isExported: true, type: typeText(t.node), docs: docs(t.attrs, t.node, roleTags(t)) };
}

/** Generated code that does not parse is a structgen bug: fail loudly rather than write it. */
export function assertParses(project: Project, path: string): void {
  const program = project.getProgram().compilerObject;
  const sf = program.getSourceFile(path);
  const diags = sf ? program.getSyntacticDiagnostics(sf) : [];
  if (diags.length > 0) {
    const d = diags[0]!;
    const msg = typeof d.messageText === "string" ? d.messageText : d.messageText.messageText;
    throw new Error(`EMIT_TYPESCRIPT_SYNTAX: ${msg} at offset ${d.start ?? 0} of ${path}`);
  }
}

export type { OutputFile };
