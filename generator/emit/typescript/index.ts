// TypeScript emitter: an exported interface or type alias per named type, in each view, written
// as final text (banner included) in the layout prettier gives it. Enums export the closed union
// under their name and an open alias beside it.
import type { Model } from "../../ir/model.js";
import { bannerText } from "../banner.js";
import type { Emitter } from "../files.js";
import { declarationText } from "./declaration.js";
import { viewFiles, type View } from "./view.js";

export const emitTypeScript: Emitter = (model) =>
  viewFiles(model).map((f) => ({
    path: f.path,
    kind: "ts" as const,
    content: typesSource(model, f.view, f.title),
    final: true as const,
  }));

/** A view's file: banner, title, then each type's declarations in model (name) order. */
export function typesSource(
  model: Model,
  view: View = { sdk: false, open: true, openNames: new Map() },
  title?: string,
): string {
  const header = `// ${bannerText(model.name)}\n${title ? `// ${title}\n` : ""}\n`;
  if (model.types.length === 0) return `${header}export {};\n`;
  return header + model.types.map((t) => declarationText(t, view)).join("\n");
}
