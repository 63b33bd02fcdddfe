// TypeScript emitter: an exported interface or type alias per named type, in each view, written
// as final text (banner included) in the layout prettier gives it. Enums export the closed union
// under their name and an open alias beside it.
import type { Model, NamedType, TypeNode } from "../../ir/model.js";
import { children, referencedNames } from "../../ir/walk.js";
import { bannerText } from "../banner.js";
import { fragmentOf, fragmentsFrom, joinedOf, outputFile, sharedOf } from "../files.js";
import { textOf } from "../../joined.js";
import type { EmitOptions, Emitter, Text } from "../files.js";
import { declarationText } from "./declaration.js";
import { viewFiles, type View } from "./view.js";

export const emitTypeScript: Emitter = (model, options) => {
  const files = viewFiles(model);
  // The views' one map of open-alias names, as the memo shares it between runs: a type's text is a
  // function of the type, the view's flags and this map, so the memo may compare them by identity.
  const names = sharedOf(options, `typescript-open-names\0${model.name}`, [...files[0]!.view.openNames]);
  const shared: Shared = { narrowed: new WeakMap(), from: files[0]!.view.openNames, names };
  return files.map((f) => outputFile(f.path, "ts", typesText(model, f.view, f.title, options, shared)));
};

/**
 * What a type's views have in common (the views share one map of open-alias names): that map
 * narrowed to the type, whether its text reads open-ness, and when not, its text by SDK-ness,
 * which the open and strict views then share.
 */
interface Shared {
  narrowed: WeakMap<NamedType, Narrowed>;
  /** The views' map of open-alias names, and its entries (the same object from run to run while equal). */
  from: ReadonlyMap<string, string>;
  names: readonly (readonly [string, string])[];
}
interface Narrowed {
  from: ReadonlyMap<string, string>;
  openNames: Map<string, string>;
  readsOpen: boolean;
  wire?: string;
  sdk?: string;
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

function narrowed(t: NamedType, names: ReadonlyMap<string, string>, shared: Shared | undefined): Narrowed {
  const known = shared?.narrowed.get(t);
  if (known && known.from === names) return known;
  const openNames = new Map<string, string>();
  for (const name of [t.name, ...referencedNames(t.node)]) {
    const open = names.get(name);
    if (open !== undefined) openNames.set(name, open);
  }
  const n: Narrowed = { from: names, openNames, readsOpen: readsOpen(t.node, openNames) };
  shared?.narrowed.set(t, n);
  return n;
}

/** A view's file: banner, title, then each type's declarations in model (name) order. */
export function typesSource(
  model: Model,
  view: View = { sdk: false, open: true, openNames: new Map() },
  title?: string,
  options?: EmitOptions,
): string {
  return textOf(typesText(model, view, title, options));
}

/** typesSource's text, as parts through a memo that joins them. */
function typesText(model: Model, view: View, title?: string, options?: EmitOptions, shared?: Shared): Text {
  const header = `// ${bannerText(model.name)}\n${title ? `// ${title}\n` : ""}\n`;
  if (model.types.length === 0) return `${header}export {};\n`;
  const name = `typescript\0${model.name}\0${title ?? ""}`;
  let decls: string[];
  // `shared.names` holds the view's map when it is the one emitTypeScript shared between its views.
  if (shared?.from === view.openNames) {
    const deps = [view.sdk, view.open, shared.names];
    const types = model.types;
    // One per type: its context and its text build the type's narrowed view once between them.
    const made: ReturnType<typeof declarationsOf>[] = [];
    const of = (i: number) => (made[i] ??= declarationsOf(types[i]!, view, shared));
    decls = fragmentsFrom(
      options,
      "typescript",
      name,
      types,
      () => deps,
      (i) => of(i).context(),
      (i) => of(i).compute(),
    );
  } else decls = model.types.map((t) => typeDeclarations(t, view, options, shared));
  // The header, then the declarations one a line apart.
  return joinedOf(options, name, header, decls, "\n", "");
}

/**
 * A type's declarations in a view narrowed to what they can read: the open-alias names of the type
 * itself and of the types it refers to. The memo's key is exactly the type and that narrowed view.
 */
function typeDeclarations(t: NamedType, view: View, options: EmitOptions | undefined, shared?: Shared): string {
  const { context, compute } = declarationsOf(t, view, shared);
  const c = context();
  return fragmentOf(options, "typescript", t, c, () => compute());
}

/**
 * A type's memo context and its declarations' text in a view, each built only when asked for (the
 * type's narrowed view is built once, and kept in `shared` when there is one).
 */
function declarationsOf(t: NamedType, view: View, shared?: Shared): { context(): unknown; compute(): string } {
  let n: Narrowed | undefined;
  return {
    context() {
      n ??= narrowed(t, view.openNames, shared);
      return { sdk: view.sdk, open: view.open, openNames: [...n.openNames] };
    },
    compute() {
      n ??= narrowed(t, view.openNames, shared);
      const text = () => declarationText(t, { sdk: view.sdk, open: view.open, openNames: n!.openNames });
      if (!shared || n.readsOpen) return text();
      // The other open-ness gave the same text: the same type, SDK-ness and open-alias names.
      const k = view.sdk ? "sdk" : "wire";
      return (n[k] ??= text());
    },
  };
}
