// Preloaded (NODE_OPTIONS=--import) into a benchmarked process: on exit, appends the process's peak
// resident set size in KiB to $BENCH_RSS_FILE. Node's own accounting; no tool of this machine's.
import { appendFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
