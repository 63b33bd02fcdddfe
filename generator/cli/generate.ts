import type { Argv } from "yargs";
import { printDiagnostics, run } from "./print.js";

export const generateCommand = {
  command: "generate",
  describe: "Generate types, validators, JSON Schema and docs for each corpus",
  builder: (y: Argv) =>
    y
      .option("schemas", { type: "string", default: "schemas", describe: "A corpus folder, or a folder of corpus folders" })
      .option("out", { type: "string", default: "generated", describe: "Output root; each corpus goes to <out>/<corpus>" })
      .option("json", { type: "boolean", default: false, describe: "Print the result and diagnostics as JSON" })
      .option("verbose", { type: "boolean", default: false, describe: "Also print informational diagnostics" }),
  handler: (argv: { schemas: string; out: string; json: boolean; verbose: boolean }) =>
    run(argv.json, async () => {
      const { generate } = await import("../index.js");
      const results = await generate({ schemas: argv.schemas, out: argv.out });
      if (argv.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      for (const r of results) {
        printDiagnostics(r.diagnostics, false, argv.verbose ? "info" : "warning");
        if (!argv.json) process.stdout.write(`${r.corpus}: ${r.types} types, ${r.files} files written to ${r.outDir}\n`);
      }
      return 0;
    }),
};
