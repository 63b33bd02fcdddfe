// npm run bench: the figures the issues set bars for, as ratios against peers measured in the same
// process (validators) or in the same run, side by side (whole processes: generation, start-up,
// scaling). Nothing here is asserted; the README's Benchmarks section quotes the latest output.
//   BENCH_RUNS=N  runs per whole-process figure (default 5)
//   BENCH_ONLY=validators|generate  one part only
import { existsSync } from "node:fs";
import os from "node:os";

const only = process.env.BENCH_ONLY;
console.log(
  `structgen bench, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} cores`,
);
console.log(`${os.cpus()[0]?.model ?? "unknown cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB\n`);
if (!only || only === "validators") {
  if (existsSync(new URL("./validators.js", import.meta.url))) await import("./validators.js");
}
if (!only || only === "generate") await import("./generate.js");
