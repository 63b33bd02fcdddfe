import { CONFIG, defineCommand, JSON_OUTPUT, NO_CACHE, OUT, projectFlags, QUIET, SCHEMAS } from "./command.js";
import { readableFolder } from "./preflight.js";
import { cliProgress } from "./progress.js";

export const command = defineCommand({
  name: "check",
  summary: "Exit 1 when the generated output on disk is not what generate would write",
  options: [
    CONFIG,
    SCHEMAS(),
    OUT("Output root to compare (default: the config's, or generated)"),
    JSON_OUTPUT("Print differences as JSON"),
    QUIET,
    NO_CACHE,
  ],
  async run({ values: v }) {
    if (v.schemas !== undefined) await readableFolder(v.schemas, "--schemas");
    const { check } = await import("../run.js");
    const progress = cliProgress(v.quiet);
    let results;
    try {
      results = await check({
        ...projectFlags(v),
        ...(progress ? { onProgress: progress.onProgress } : {}),
      });
    } finally {
      progress?.done();
    }
    const stale = results.filter((r) => r.differences.length > 0);
    if (v.json) {
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      return stale.length > 0 ? 1 : 0;
    }
    for (const r of results) {
      if (r.differences.length === 0) {
        if (!v.quiet) process.stdout.write(`${r.corpus}: up to date\n`);
        continue;
      }
      const counts = ["missing", "changed", "extra"].map(
        (k) => `${r.differences.filter((d) => d.change === k).length} ${k}`,
      );
      process.stdout.write(`${r.corpus}: ${r.outDir} is stale (${counts.join(", ")})\n`);
      for (const d of r.differences.slice(0, 20)) {
        process.stdout.write(`  ${d.change.padEnd(7)} ${d.path}${d.detail ? ` (${d.detail})` : ""}\n`);
      }
      if (r.differences.length > 20) process.stdout.write(`  … and ${r.differences.length - 20} more\n`);
    }
    if (stale.length > 0) process.stdout.write("Run `npx structgen generate` to refresh.\n");
    return stale.length > 0 ? 1 : 0;
  },
});
