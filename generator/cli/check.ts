import type { Argv } from "yargs";
import { run } from "./print.js";

export const checkCommand = {
  command: "check",
  describe: "Exit 1 when the generated output on disk is not what generate would write",
  builder: (y: Argv) =>
    y
      .option("schemas", { type: "string", default: "schemas", describe: "A corpus folder, or a folder of corpus folders" })
      .option("out", { type: "string", default: "generated", describe: "Output root to compare" })
      .option("json", { type: "boolean", default: false, describe: "Print differences as JSON" }),
  handler: (argv: { schemas: string; out: string; json: boolean }) =>
    run(argv.json, async () => {
      const { check } = await import("../index.js");
      const results = await check({ schemas: argv.schemas, out: argv.out });
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
          for (const d of r.differences.slice(0, 20)) process.stdout.write(`  ${d.change.padEnd(7)} ${d.path}\n`);
          if (r.differences.length > 20) process.stdout.write(`  … and ${r.differences.length - 20} more\n`);
        }
        if (stale.length > 0) process.stdout.write("Run `npx structgen generate` to refresh.\n");
      }
      return stale.length > 0 ? 1 : 0;
    }),
};
