import { CONFIG, defineCommand, JSON_OUTPUT, NO_CACHE, OUT, projectFlags, QUIET, SCHEMAS } from "./command.js";
import { usageError } from "./args.js";
import { readableFolder } from "./preflight.js";
import { printDiagnostics } from "./print.js";
import { cliProgress } from "./progress.js";

export const command = defineCommand({
  name: "generate",
  summary: "Generate types, validators, JSON Schema and docs for each corpus",
  options: [
    CONFIG,
    SCHEMAS(),
    OUT("Output root: <out>/<corpus> (default: the config's, or generated)"),
    JSON_OUTPUT("Print the result and diagnostics as JSON"),
    { name: "verbose", type: "boolean", describe: "Also print informational diagnostics" },
    QUIET,
    NO_CACHE,
    { name: "watch", type: "boolean", describe: "Generate again on every change to the inputs, evidence or config" },
  ],
  async run({ values: v }) {
    if (v.schemas !== undefined) await readableFolder(v.schemas, "--schemas");
    if (v.watch) {
      if (v.json)
        throw usageError("USAGE_BAD_ARGUMENT", { reason: "--watch prints a line per run; it takes no --json" });
      const { watchCommand } = await import("./watch.js");
      return watchCommand(
        {
          ...projectFlags(v),
        },
        v.quiet ? "error" : v.verbose ? "info" : "warning",
      );
    }
    // One cold run: V8 lets the old generation grow to up to 4x what its last full collection kept,
    // most of it garbage from emitting; 2x holds the peak lower at no measured cost in time.
    (await import("node:v8")).setFlagsFromString("--heap-growing-percent=100");
    const { generate } = await import("../run.js");
    const progress = cliProgress(v.quiet);
    let results;
    try {
      results = await generate({
        ...projectFlags(v),
        ...(progress ? { onProgress: progress.onProgress } : {}),
      });
    } finally {
      progress?.done();
    }
    if (v.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    for (const r of results) {
      printDiagnostics(r.diagnostics, false, v.quiet ? "error" : v.verbose ? "info" : "warning");
      if (v.json || v.quiet) continue;
      const counts = `${r.written} written, ${r.unchanged} unchanged, ${r.removed} removed`;
      process.stdout.write(`${r.corpus}: ${r.types} types, ${r.files} files in ${r.outDir} (${counts})\n`);
    }
    return 0;
  },
});
