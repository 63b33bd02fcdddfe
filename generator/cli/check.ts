import type { Argv } from "yargs";
import { run } from "./print.js";

export const checkCommand = {
  command: "check",
  describe: "Exit 1 when the generated output on disk is not what generate would write",
  builder: (y: Argv) =>
    y
      .option("config", { type: "string", describe: "structgen.config.json (default: the nearest, from here up)" })
      .option("schemas", { type: "string", describe: "Corpus folder or folder of corpora (default: config's, or schemas)" })
      .option("out", { type: "string", describe: "Output root to compare (default: the config's, or generated)" })
      .option("json", { type: "boolean", default: false, describe: "Print differences as JSON" }),
  handler: (argv: { config?: string; schemas?: string; out?: string; json: boolean }) =>
    run(argv.json, async () => {
      const { check } = await import("../index.js");
      const results = await check({ config: argv.config, schemas: argv.schemas, out: argv.out });
      const stale = results.filter((r) => r.differences.length > 0);
      if (argv.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      else {
        for (const r of results) {
          if (r.differences.length === 0) {
            process.stdout.write(`${r.corpus}: up to date\n`);
            continue;
          }
          const counts = ["missing", "changed", "extra"].map((k) => `${r.differences.filter((d) => d.change === k).length} ${k}`).join(", ");
          process.stdout.write(`${r.corpus}: ${r.outDir} is stale (${counts})\n`);
          for (const d of r.differences.slice(0, 20)) {
            process.stdout.write(`  ${d.change.padEnd(7)} ${d.path}${d.detail ? ` (${d.detail})` : ""}\n`);
          }
          if (r.differences.length > 20) process.stdout.write(`  … and ${r.differences.length - 20} more\n`);
        }
        if (stale.length > 0) process.stdout.write("Run `npx structgen generate` to refresh.\n");
      }
      return stale.length > 0 ? 1 : 0;
    }),
};
