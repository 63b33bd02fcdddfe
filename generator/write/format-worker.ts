// A prettier worker: formats the files it is sent (the writer spreads big outputs over cores).
import { parentPort } from "node:worker_threads";
import type { FormatJob } from "./format.js";

parentPort!.on("message", async (jobs: FormatJob[]) => {
  const { formatOne } = await import("./format.js");
  try {
    parentPort!.postMessage({ ok: true, results: await Promise.all(jobs.map((j) => formatOne(j))) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
