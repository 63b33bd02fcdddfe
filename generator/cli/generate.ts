import type { Argv } from "yargs";
import { printDiagnostics, run } from "./print.js";

export const generateCommand = {
  command: "generate",
  describe: "Generate types, validators, JSON Schema and docs for each corpus",
  builder: (y: Argv) =>
    y
      .option("config", { type: "string", describe: "structgen.config.json (default: the nearest, from here up)" })
      .option("schemas", { type: "string", describe: "Corpus folder or folder of corpora (default: config's, or schemas)" })
      .option("out", { type: "string", describe: "Output root: <out>/<corpus> (default: config's, or generated)" })
      .option("json", { type: "boolean", default: false, describe: "Print the result and diagnostics as JSON" })
      .option("verbose", { type: "boolean", default: false, describe: "Also print informational diagnostics" }),
  handler: (argv: { config?: string; schemas?: string; out?: string; json: boolean; verbose: boolean }) =>
    run(argv.json, async () => {
      const { generate } = await import("../index.js");
      const results = await generate({ config: argv.config, schemas: argv.schemas, out: argv.out });
      if (argv.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      for (const r of results) {
        printDiagnostics(r.diagnostics, false, argv.verbose ? "info" : "warning");
        const counts = `${r.written} written, ${r.unchanged} unchanged, ${r.removed} removed`;
        const line = `${r.corpus}: ${r.types} types, ${r.files} files in ${r.outDir} (${counts})`;
        if (!argv.json) process.stdout.write(`${line}\n`);
      }
      return 0;
    }),
};
