import { defineCommand, JSON_OUTPUT, QUIET } from "./command.js";
import { readableFolder } from "./preflight.js";
import { printDiagnostics } from "./print.js";
import { cliProgress } from "./progress.js";

export const command = defineCommand({
  name: "generate",
  summary: "Generate types, validators, JSON Schema and docs for each corpus",
  options: [
    {
      name: "schemas",
      type: "string",
      value: "DIR",
      default: "schemas",
      describe: "A corpus folder, or a folder of corpus folders",
    },
    {
      name: "out",
      type: "string",
      value: "DIR",
      default: "generated",
      describe: "Output root; each corpus goes to <out>/<corpus>",
    },
    JSON_OUTPUT("Print the result and diagnostics as JSON"),
    { name: "verbose", type: "boolean", describe: "Also print informational diagnostics" },
    QUIET,
  ],
  async run({ values: v }) {
    await readableFolder(v.schemas, "--schemas");
    const { generate } = await import("../index.js");
    const progress = cliProgress(v.quiet);
    let results;
    try {
      results = await generate({
        schemas: v.schemas,
        out: v.out,
        ...(progress ? { onProgress: progress.onProgress } : {}),
      });
    } finally {
      progress?.done();
    }
    if (v.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    for (const r of results) {
      printDiagnostics(r.diagnostics, false, v.quiet ? "error" : v.verbose ? "info" : "warning");
      if (!v.json && !v.quiet)
        process.stdout.write(`${r.corpus}: ${r.types} types, ${r.files} files written to ${r.outDir}\n`);
    }
    return 0;
  },
});
