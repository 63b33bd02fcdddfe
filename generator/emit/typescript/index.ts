// TypeScript emitter: an exported interface or type alias per named type, in each view, written
// as final text (banner included) in the layout prettier gives it. Enums export the closed union
// under their name and an open alias beside it.
import type { Model, NamedType } from "../../ir/model.js";
import { referencedNames } from "../../ir/walk.js";
import { bannerText } from "../banner.js";
import { fragmentOf, type EmitOptions, type Emitter } from "../files.js";
import { declarationText } from "./declaration.js";
import { viewFiles, type View } from "./view.js";

export const emitTypeScript: Emitter = (model, options) =>
  viewFiles(model).map((f) => ({
    path: f.path,
    kind: "ts" as const,
    content: typesSource(model, f.view, f.title, options),
    final: true as const,
  }));

/** A view's file: banner, title, then each type's declarations in model (name) order. */
export function typesSource(
  model: Model,
  view: View = { sdk: false, open: true, openNames: new Map() },
  title?: string,
  options?: EmitOptions,
): string {
  const header = `// ${bannerText(model.name)}\n${title ? `// ${title}\n` : ""}\n`;
  if (model.types.length === 0) return `${header}export {};\n`;
  return header + model.types.map((t) => typeDeclarations(t, view, options)).join("\n");
}

/**
 * A type's declarations in a view narrowed to what they can read: the open-alias names of the type
 * itself and of the types it refers to. The memo's key is exactly the type and that narrowed view.
 */
function typeDeclarations(t: NamedType, view: View, options: EmitOptions | undefined): string {
  const openNames = new Map<string, string>();
  for (const name of [t.name, ...referencedNames(t.node)]) {
    const open = view.openNames.get(name);
    if (open !== undefined) openNames.set(name, open);
  }
  const own: View = { sdk: view.sdk, open: view.open, openNames };
  const context = { sdk: own.sdk, open: own.open, openNames: [...openNames] };
  return fragmentOf(options, "typescript", t, context, () => declarationText(t, own));
}
