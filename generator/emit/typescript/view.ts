// The views a model is emitted in. Wire: JSON on the network (what validators check).
// SDK: what the AWS SDK v3 returns (Date for timestamps; members `T | undefined` as it declares them).
// Open: unknown enum values allowed (`"A" | (string & {})`); strict: closed unions.
import type { Model } from "../../ir/model.js";
import { typeIdentifier } from "../../ir/names.js";

export interface View {
  sdk: boolean;
  open: boolean;
  /** Enum type name → the name of its open alias. */
  openNames: ReadonlyMap<string, string>;
}

export function openNames(model: Model): Map<string, string> {
  const taken = new Set(model.types.map((t) => t.name));
  const out = new Map<string, string>();
  for (const t of model.types) {
    if (t.node.kind !== "enum" || !t.node.open) continue;
    const name = typeIdentifier(`${t.name}Open`, taken);
    taken.add(name);
    out.set(t.name, name);
  }
  return out;
}

export interface ViewFile {
  path: string;
  view: View;
  title: string;
}

/** The files to write: the SDK views only when an AWS SDK source took part. */
export function viewFiles(model: Model): ViewFile[] {
  const names = openNames(model);
  const sdk = model.reconciliation?.sources.some((s) => s.kind === "aws-sdk") ?? false;
  const files: ViewFile[] = [
    {
      path: "types.ts",
      view: { sdk: false, open: true, openNames: names },
      title: "Wire view: JSON as sent on the network. Enums are open (unknown values are drift).",
    },
    {
      path: "types.strict.ts",
      view: { sdk: false, open: false, openNames: names },
      title: "Wire view, strict: closed enums, as strict validation accepts.",
    },
  ];
  if (sdk) {
    files.push(
      {
        path: "sdk.ts",
        view: { sdk: true, open: true, openNames: names },
        title: "SDK view: what the AWS SDK v3 returns (Date for timestamps). Enums are open.",
      },
      {
        path: "sdk.strict.ts",
        view: { sdk: true, open: false, openNames: names },
        title: "SDK view, strict: closed enums.",
      },
    );
  }
  return files;
}
