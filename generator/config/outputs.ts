// The outputs a project can choose (`emit` in structgen.config.json), and which files each one is.
import type { OutputFile } from "../emit/files.js";

export const OUTPUT_KINDS = [
  "types",
  "strictTypes",
  "sdk",
  "validators",
  "contract",
  "jsonSchema",
  "docs",
  "report",
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export type Flavour = "js" | "ts";
export type FormatStyle = "house" | "prettier";

/** Which output a file belongs to, by its path. */
export function outputOf(file: Pick<OutputFile, "path">): OutputKind | undefined {
  const p = file.path;
  if (p === "types.ts") return "types";
  if (p === "types.strict.ts") return "strictTypes";
  if (p === "sdk.ts" || p === "sdk.strict.ts") return "sdk";
  if (/^(validators|runtime)\.(js|d\.ts|ts)$/.test(p)) return "validators";
  if (/^contract\.(js|d\.ts|ts)$/.test(p)) return "contract";
  if (p === "schema.json") return "jsonSchema";
  if (p.startsWith("docs/")) return "docs";
  if (p === "reconciliation.json") return "report";
  return undefined;
}

/** A selection's problem, or undefined: validators.d.ts imports ./types.js, contract.js ./validators.js. */
export function selectionProblem(emit: readonly OutputKind[]): string | undefined {
  if (emit.includes("validators") && !emit.includes("types")) {
    return 'emit: "validators" needs "types" (the validators\' declarations import ./types.js); add "types"';
  }
  if (emit.includes("contract") && !emit.includes("validators")) {
    return 'emit: "contract" needs "validators" (the contract runs them); add "validators"';
  }
  return undefined;
}
