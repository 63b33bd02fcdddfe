// structgen.config.json: one file describes a project (inputs, output, what is emitted, how each
// corpus is reconciled). Found from the working folder up, or named with --config; checked
// against structgen.config.schema.json at the package root (config/schema-check.ts; no ajv at run time).
// Options given here (command-line flags) override the file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { diagnostic, StructgenError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { escapePointerToken, parseJson, type JsonValue, type ParsedJson } from "../load/parse-json.js";
import { corpusConfig, type CorpusConfig, type CorpusSettings } from "../reconcile/config.js";
import { CONFIG_NAME, findConfig } from "./find.js";
import { schemaErrors, type SchemaError } from "./schema-check.js";
import { OUTPUT_KINDS, selectionProblem, type Flavour, type FormatStyle, type OutputKind } from "./outputs.js";

export interface ProjectOptions {
  /** A structgen.config.json to read; false reads none; undefined looks from the working folder up. */
  config?: string | false;
  /** Overrides the config's `schemas`: a corpus folder, or a folder of corpus folders. */
  schemas?: string;
  /** Overrides the config's `out`: each corpus goes to <out>/<corpus name>. */
  out?: string;
  emit?: readonly OutputKind[];
  flavour?: Flavour;
  format?: FormatStyle;
  /** The working folder (default: process.cwd()). */
  cwd?: string;
}

export interface Project {
  /** The working folder (absolute): flags' paths start here, and diagnostics name paths from here. */
  cwd: string;
  /** The config file read (absolute), if any. */
  file?: string;
  /** Where the config's relative paths start: its folder, or the working folder without one. */
  dir: string;
  /** Absolute. */
  schemas: string;
  /** Absolute output root. */
  out: string;
  /** The outputs to write, in the order of OUTPUT_KINDS. */
  emit: OutputKind[];
  flavour: Flavour;
  format: FormatStyle;
  /** The corpora the config lists for its `schemas` folder; undefined: every corpus found there, without settings. */
  corpora?: CorpusConfig[];
}

/** structgen.config.json as written (after its JSON Schema accepted it). */
interface RawConfig {
  schemas?: string;
  out?: string;
  emit?: OutputKind[];
  validators?: { flavour?: Flavour };
  format?: FormatStyle;
  corpora?: Record<string, CorpusSettings>;
}

export interface LoadOptions {
  /**
   * false skips checking the file against its JSON Schema (and loading ajv): only for check's
   * answer from hashes, which trusts a config whose exact bytes a successful generate recorded.
   */
  schemaCheck?: boolean;
}

export async function loadProject(options: ProjectOptions = {}, load: LoadOptions = {}): Promise<Project> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  let file: string | undefined;
  if (typeof options.config === "string") file = path.resolve(cwd, options.config);
  else if (options.config !== false) file = findConfig(cwd);
  const read = file ? await readConfigFile(file, cwd, load.schemaCheck ?? true) : undefined;
  const raw = read?.value ?? {};
  const dir = file ? path.dirname(file) : cwd;
  const configured = path.resolve(dir, raw.schemas ?? "schemas");
  const schemas = options.schemas !== undefined ? path.resolve(cwd, options.schemas) : configured;
  const emit = OUTPUT_KINDS.filter((k) => (options.emit ?? raw.emit ?? OUTPUT_KINDS).includes(k));
  const problem = selectionProblem(emit);
  if (problem && options.emit) throw new StructgenError([diagnostic("USAGE_BAD_ARGUMENT", { reason: problem })]);
  if (problem)
    throw new StructgenError([
      diagnostic("CONFIG_INVALID", { file: read!.display, reason: problem }, read!.doc.locate("/emit")),
    ]);
  // The report names the file from the project's folder: the same from any working folder.
  const locateIn = (pointer: string) => ({ ...read!.doc.locate(pointer), file: path.basename(file!) });
  // The listed corpora describe the configured folder; --schemas elsewhere reads that folder alone.
  const corpora =
    read && raw.corpora && schemas === configured
      ? Object.keys(raw.corpora)
          .sort()
          .map((name) => corpusConfig(name, raw.corpora![name]!, dir, schemas, locateIn))
      : undefined;
  return {
    cwd,
    ...(file ? { file } : {}),
    dir,
    schemas,
    out: options.out !== undefined ? path.resolve(cwd, options.out) : path.resolve(dir, raw.out ?? "generated"),
    emit,
    flavour: options.flavour ?? raw.validators?.flavour ?? "js",
    format: options.format ?? raw.format ?? "house",
    ...(corpora ? { corpora } : {}),
  };
}

async function readConfigFile(
  file: string,
  cwd: string,
  schemaCheck: boolean,
): Promise<{ value: RawConfig; doc: ParsedJson; display: string }> {
  const display = path.relative(cwd, file) || CONFIG_NAME;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new StructgenError([diagnostic("USAGE_CONFIG_NOT_FOUND", { path: display, reason })]);
  }
  // Unchecked (check's answer from hashes): plain JSON.parse, positions unknown; anything wrong
  // there makes that answer "not proven", and the checked path reports it.
  if (!schemaCheck) {
    const locate = (pointer: string) => ({ file: display, pointer, line: 0, column: 0 });
    const doc: ParsedJson = { file: display, value: JSON.parse(text) as JsonValue, locate };
    return { value: doc.value as RawConfig, doc, display };
  }
  const parsed = parseJson(display, text);
  if (!parsed.ok) throw new StructgenError(parsed.diagnostics);
  const errors = await configErrors(parsed.doc.value);
  if (errors.length > 0) {
    throw new StructgenError(
      errors.map((e): Diagnostic => {
        const { pointer, reason } = explain(e);
        return diagnostic(
          "CONFIG_INVALID",
          { file: display, reason: `${pointer || "/"}: ${reason}` },
          parsed.doc.locate(pointer),
        );
      }),
    );
  }
  return { value: parsed.doc.value as RawConfig, doc: parsed.doc, display };
}

/** A schema error, pointing at the offending member itself and naming what is allowed. */
function explain(e: SchemaError): { pointer: string; reason: string } {
  if (e.keyword === "additionalProperties") {
    const name = String(e.params["additionalProperty"]);
    return {
      pointer: `${e.instancePath}/${escapePointerToken(name)}`,
      reason: `unknown setting ${JSON.stringify(name)}`,
    };
  }
  if (e.propertyName !== undefined) {
    return {
      pointer: e.instancePath,
      reason: `the name ${JSON.stringify(e.propertyName)} ${e.message ?? "is invalid"}`,
    };
  }
  if (e.keyword === "enum") {
    const allowed = (e.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ");
    return { pointer: e.instancePath, reason: `must be one of ${allowed}` };
  }
  return { pointer: e.instancePath, reason: e.message ?? "is invalid" };
}

let schema: Record<string, unknown> | undefined;

async function configErrors(value: unknown): Promise<SchemaError[]> {
  const file = new URL("../../structgen.config.schema.json", import.meta.url);
  schema ??= JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  return schemaErrors(schema, value);
}
