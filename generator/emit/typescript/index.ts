// TypeScript emitter: an exported interface or type alias per named type, in each view, written
// as final text (banner included) in the layout prettier gives it. Enums export the closed union
// under their name and an open alias beside it.
import type { Model, NamedType, TypeNode } from "../../ir/model.js";
import { children, referencedNames } from "../../ir/walk.js";
import { bannerText } from "../banner.js";
import { fragmentOf, type EmitOptions, type Emitter } from "../files.js";
import { declarationText } from "./declaration.js";
import { viewFiles, type View } from "./view.js";

export const emitTypeScript: Emitter = (model, options) => {
  const shared: SharedText = { wire: new WeakMap(), sdk: new WeakMap() };
  return viewFiles(model).map((f) => ({
    path: f.path,
    kind: "ts" as const,
    content: typesSource(model, f.view, f.title, options, shared),
    final: true as const,
  }));
};

/** A type's text that reads nothing open-dependent, by SDK-ness: the open and strict views share it. */
interface SharedText {
  wire: WeakMap<NamedType, string>;
  sdk: WeakMap<NamedType, string>;
}

/**
 * Whether `view.open` can change the type's text: type-text.ts reads it only at references to types
 * with an open alias, known values and enums (any enum counts here).
 */
function readsOpen(node: TypeNode, openNames: ReadonlyMap<string, string>): boolean {
  if (node.kind === "ref") return openNames.has(node.name);
  if (node.kind === "enum") return true;
  if (node.kind === "primitive" && node.knownValues && node.knownValues.length > 0) return true;
  return children(node).some((c) => readsOpen(c, openNames));
}

/** A view's file: banner, title, then each type's declarations in model (name) order. */
export function typesSource(
  model: Model,
  view: View = { sdk: false, open: true, openNames: new Map() },
  title?: string,
  options?: EmitOptions,
  shared?: SharedText,
): string {
  const header = `// ${bannerText(model.name)}\n${title ? `// ${title}\n` : ""}\n`;
  if (model.types.length === 0) return `${header}export {};\n`;
  return header + model.types.map((t) => typeDeclarations(t, view, options, shared)).join("\n");
}

/**
 * A type's declarations in a view narrowed to what they can read: the open-alias names of the type
 * itself and of the types it refers to. The memo's key is exactly the type and that narrowed view.
 */
function typeDeclarations(t: NamedType, view: View, options: EmitOptions | undefined, shared?: SharedText): string {
  const openNames = new Map<string, string>();
  for (const name of [t.name, ...referencedNames(t.node)]) {
    const open = view.openNames.get(name);
    if (open !== undefined) openNames.set(name, open);
  }
  const own: View = { sdk: view.sdk, open: view.open, openNames };
  const context = { sdk: own.sdk, open: own.open, openNames: [...openNames] };
  const compute = () => declarationText(t, own);
  const texts = shared?.[own.sdk ? "sdk" : "wire"];
  if (!texts || readsOpen(t.node, openNames)) return fragmentOf(options, "typescript", t, context, compute);
  // The other open-ness gave the same text: the same type, SDK-ness and open-alias names.
  return fragmentOf(options, "typescript", t, context, () => {
    let text = texts.get(t);
    if (text === undefined) texts.set(t, (text = compute()));
    return text;
  });
}
