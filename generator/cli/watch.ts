// `generate --watch` on the command line: one line per run on standard output
// (`shop: 8 types, 3 files written [41 ms]`), diagnostics on standard error (warnings when they
// change, errors every time), and Ctrl-C (SIGINT) or SIGTERM ends it with exit 0 once a run in
// progress has finished, so no staging folder or lock is left behind.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { GenerateOptions } from "../run.js";
import type { WatchRun } from "../watch/index.js";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function watchCommand(options: GenerateOptions, level: "error" | "warning" | "info"): Promise<number> {
  const [{ watch }, { printDiagnostics, reportFailure }, { tidied }] = await Promise.all([
    import("../watch/index.js"),
    import("./print.js"),
    import("../write/atomic.js"),
  ]);
  let shownWarnings = "";
  const quiet = level === "error";
  const onRun = (run: WatchRun) => {
    if (!run.ok) {
      reportFailure(run.error, false, quiet);
      process.stderr.write(`structgen: generate failed [${run.ms} ms]; watching for changes\n`);
      shownWarnings = "";
      return;
    }
    // Warnings repeat on every run; they are shown again only when they change.
    const warnings: Diagnostic[] = run.results.flatMap((r) => r.diagnostics);
    const key = JSON.stringify(warnings);
    if (key !== shownWarnings) printDiagnostics(warnings, false, level);
    shownWarnings = key;
    if (quiet) return;
    const line = run.results
      .map((r) => {
        const removed = r.removed > 0 ? `, ${r.removed} removed` : "";
        return `${r.corpus}: ${plural(r.types, "type", "types")}, ${plural(r.written, "file", "files")} written${removed}`;
      })
      .join("; ");
    // Printed once the run's staging folders are gone too (removed just after it reports), so the
    // output folders hold only the outputs when the line appears.
    void tidied().then(() => process.stdout.write(`${line} [${run.ms} ms]\n`));
  };
  const watching = await watch({ ...options, onRun });
  if (!quiet) process.stderr.write("structgen: watching for changes (Ctrl-C to stop)\n");
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void watching.stop().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
