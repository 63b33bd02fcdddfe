// Where `validate` gets its validators: the bundled generated module, or a corpus compiled in
// memory (the same checks generate writes, as one module with the runtime inlined, imported from
// a data: URL). Only the CLI imports this module: compileInMemory reaches the pipeline and the
// emitters (structgen/contract must not).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundledCorpora, bundledRoot } from "./contract/bundled.js";
import { diagnostic, StructgenError } from "./diagnostics/diagnostic.js";

export interface Issue {
  pointer: string;
  code: string;
  message: string;
}
export interface ValidatorDrift {
  pointer: string;
  kind: "unknown-value" | "unknown-property";
  value: unknown;
  known?: readonly string[];
}
export interface ValidatorResult {
  valid: boolean;
  errors: Issue[];
  drift: ValidatorDrift[];
  omitted?: number;
  driftOmitted?: number;
}
export interface ValidatorModule {
  validators: Readonly<
    Record<string, (value: unknown, options?: { strict?: boolean; maxErrors?: number }) => ValidatorResult>
  >;
  rootTypes: readonly string[];
}

export async function loadBundled(corpus?: string): Promise<ValidatorModule> {
  const names = bundledCorpora();
  const name = corpus ?? (names.length === 1 ? names[0] : undefined);
  if (!name || !names.includes(name)) {
    throw new StructgenError([
      diagnostic("USAGE_BAD_ARGUMENT", {
        reason:
          names.length === 0
            ? "no generated validators are bundled; pass --schemas DIR"
            : `choose a corpus with --corpus: ${names.join(", ")}`,
      }),
    ]);
  }
  return (await import(pathToFileURL(path.join(bundledRoot, name, "validators.js")).href)) as ValidatorModule;
}

export async function compileInMemory(schemasDir: string): Promise<ValidatorModule> {
  const [{ buildModel }, { inMemorySource }] = await Promise.all([
    import("./pipeline.js"),
    import("./emit/validators/index.js"),
  ]);
  const model = await buildModel({ name: path.basename(path.resolve(schemasDir)), dir: schemasDir });
  const source = inMemorySource(model);
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`)) as ValidatorModule;
}
