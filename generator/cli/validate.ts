import { readFile } from "node:fs/promises";
import { didYouMean, usageError } from "./args.js";
import { defineCommand, JSON_OUTPUT, QUIET } from "./command.js";
import { readableFolder } from "./preflight.js";

/** How standard input is named in output. */
export const STDIN = "<stdin>";

export const command = defineCommand({
  name: "validate",
  summary: "Validate JSON files (or - for stdin) against a type",
  positionals: { name: "FILE...", describe: "JSON files to check; - reads standard input" },
  options: [
    {
      name: "schemas",
      type: "string",
      value: "DIR",
      describe: "Compile this corpus folder in memory instead of using the bundled validators",
    },
    { name: "corpus", type: "string", value: "NAME", describe: "Which bundled corpus, when several are generated" },
    {
      name: "type",
      type: "string",
      value: "NAME",
      describe: "The type to validate against (optional when the corpus has one root type)",
    },
    { name: "strict", type: "boolean", describe: "Also reject members no schema declares" },
    JSON_OUTPUT("Print results as JSON"),
    { ...QUIET, describe: "Print errors only (nothing for valid files)" },
  ],
  examples: [
    ["structgen validate --type AdminGetUserResponse response.json", "check one response"],
    ["cat r.json | structgen validate --type GetUserResponse -", "check standard input"],
  ],
  async run({ values: v, positionals: files }) {
    if (files.length === 0) throw usageError("USAGE_NO_FILES");
    if (v.schemas !== undefined) await readableFolder(v.schemas, "--schemas");
    const { loadBundled, compileInMemory } = await import("../validators-module.js");
    const mod = v.schemas !== undefined ? await compileInMemory(v.schemas) : await loadBundled(v.corpus);
    let type = v.type;
    if (type === undefined) {
      if (mod.rootTypes.length !== 1) throw usageError("USAGE_TYPE_REQUIRED", { count: mod.rootTypes.length });
      type = mod.rootTypes[0]!;
    }
    const validate = Object.prototype.hasOwnProperty.call(mod.validators, type) ? mod.validators[type] : undefined;
    if (!validate) {
      throw usageError("USAGE_UNKNOWN_TYPE", {
        type: JSON.stringify(type),
        suggestion: didYouMean(type, Object.keys(mod.validators)),
      });
    }
    const results = [];
    for (const f of files) {
      const file = f === "-" ? STDIN : f;
      const text = await readArgument(f);
      let value: unknown;
      try {
        value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch (e) {
        const message = `is not valid JSON: ${(e as Error).message}`;
        results.push({ file, type, valid: false, errors: [{ pointer: "", code: "INPUT_NOT_JSON", message }] });
        continue;
      }
      results.push({ file, type, ...validate(value, { strict: v.strict }) });
    }
    if (v.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else {
      for (const r of results) {
        if (r.valid && !v.quiet) process.stdout.write(`${r.file}: valid ${r.type}${v.strict ? " (strict)" : ""}\n`);
        for (const e of r.errors) process.stdout.write(`${r.file}: ${e.pointer || "/"}: ${e.message} [${e.code}]\n`);
        if ("omitted" in r && r.omitted) process.stdout.write(`${r.file}: … and ${r.omitted} more errors\n`);
        // Drift is shown whether or not the value is valid (strict mode reports it as errors too).
        if (v.quiet) continue;
        for (const d of "drift" in r ? r.drift : []) {
          const what =
            d.kind === "unknown-value" ? `unknown value ${JSON.stringify(d.value)}` : "member no schema declares";
          process.stdout.write(`${r.file}: ${d.pointer || "/"}: drift: ${what}\n`);
        }
      }
    }
    return results.every((r) => r.valid) ? 0 : 1;
  },
});

async function readArgument(file: string): Promise<string> {
  try {
    return file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw usageError("USAGE_UNREADABLE_ARGUMENT", { argument: file, reason, expected: "file" });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
