import { didYouMean, usageError } from "./args.js";
import { CONFIG, defineCommand, JSON_OUTPUT, QUIET, SCHEMAS } from "./command.js";
import { readableFolder } from "./preflight.js";
import { cliProgress } from "./progress.js";

export const command = defineCommand({
  name: "reconcile",
  summary: "Print where the sources disagree (counts by kind, then each) and what was decided",
  options: [
    CONFIG,
    SCHEMAS("Corpus folder, or folder of corpora (default: the config's)"),
    { name: "corpus", type: "string", value: "NAME", describe: "Only this corpus" },
    {
      name: "kind",
      type: "string",
      value: "KIND",
      describe: "Only decisions of this kind (e.g. enum-members, required)",
    },
    { name: "fail-on-drift", type: "boolean", describe: "Exit 1 when a disagreement has no decision" },
    JSON_OUTPUT("Print the report as JSON"),
    { ...QUIET, describe: "Print only disagreements without a decision" },
  ],
  async run({ values: v }) {
    if (v.schemas !== undefined) await readableFolder(v.schemas, "--schemas");
    const [{ projectCorpora, buildModel }, { loadProject }, { reportData }] = await Promise.all([
      import("../pipeline.js"),
      import("../config/project.js"),
      import("../emit/report/index.js"),
    ]);
    const project = await loadProject({
      ...(v.config !== undefined ? { config: v.config } : {}),
      ...(v.schemas !== undefined ? { schemas: v.schemas } : {}),
    });
    const all = await projectCorpora(project);
    if (v.corpus !== undefined && !all.some((c) => c.name === v.corpus)) {
      const names = all.map((c) => c.name);
      throw usageError("USAGE_UNKNOWN_CORPUS", {
        name: JSON.stringify(v.corpus),
        suggestion: didYouMean(v.corpus, names),
        corpora: names.join(", "),
      });
    }
    const out = (s: string) => void (v.json ? undefined : process.stdout.write(s));
    let undecided = 0;
    const reports = [];
    for (const c of all.filter((c) => v.corpus === undefined || c.name === v.corpus)) {
      const progress = cliProgress(v.quiet || v.json);
      let model;
      try {
        model = await buildModel(c, (stage) => progress?.onProgress({ corpus: c.name, stage }));
      } finally {
        progress?.done();
      }
      // Which evidence source was skipped or read from recorded facts, before the report.
      if (!v.json && !v.quiet) {
        const { printDiagnostics } = await import("./print.js");
        printDiagnostics(
          model.diagnostics.filter((d) => d.code.startsWith("SOURCE_")),
          false,
          "info",
        );
      }
      const data = reportData(model);
      if (!data) {
        if (!v.quiet) out(`${c.name}: no evidence sources configured (add them to structgen.config.json)\n`);
        continue;
      }
      const decisions = data.decisions.filter((d) => v.kind === undefined || d.kind === v.kind);
      undecided += decisions.filter((d) => d.disagreement && !d.decision).length;
      reports.push({ ...data, decisions });
      if (!v.quiet) {
        const { disagreements, decisions: decided } = data.summary;
        const sources = data.sources.map((s) => s.id).join(", ");
        out(`${c.name}: ${disagreements} disagreements, ${decided} decisions (sources: ${sources})\n`);
        for (const [k, n] of Object.entries(data.summary.byKind)) out(`  ${String(n).padStart(5)}  ${k}\n`);
        out("\n");
      }
      for (const d of decisions) {
        if (v.quiet && !(d.disagreement && !d.decision)) continue;
        out(`${d.subject} [${d.kind}]\n`);
        for (const cl of d.claims) out(`    ${cl.source}: ${cl.claim}\n`);
        out(`  → ${d.decision || "(no decision)"}  (${d.rule}${d.reason ? `: ${d.reason}` : ""})\n`);
      }
    }
    if (v.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return v["fail-on-drift"] && undecided > 0 ? 1 : 0;
  },
});
