import type { Argv } from "yargs";
import { run } from "./print.js";

export const reconcileCommand = {
  command: "reconcile",
  describe: "Print where the sources disagree (counts by kind, then each) and what was decided",
  builder: (y: Argv) =>
    y
      .option("config", { type: "string", describe: "structgen.config.json (default: the nearest, from here up)" })
      .option("schemas", { type: "string", describe: "Corpus folder, or folder of corpora (default: the config's)" })
      .option("corpus", { type: "string", describe: "Only this corpus" })
      .option("kind", { type: "string", describe: "Only decisions of this kind (e.g. enum-members, required)" })
      .option("fail-on-drift", { type: "boolean", default: false, describe: "Exit 1 when a disagreement has no decision" })
      .option("json", { type: "boolean", default: false, describe: "Print the report as JSON" }),
  handler: (argv: {
    config?: string;
    schemas?: string;
    corpus?: string;
    kind?: string;
    failOnDrift: boolean;
    json: boolean;
  }) =>
    run(argv.json, async () => {
      const [{ projectCorpora, buildModel }, { loadProject }, { reportData }] = await Promise.all([
        import("../pipeline.js"),
        import("../config/project.js"),
        import("../emit/report/index.js"),
      ]);
      const project = await loadProject({ config: argv.config, schemas: argv.schemas });
      const corpora = (await projectCorpora(project)).filter((c) => !argv.corpus || c.name === argv.corpus);
      let undecided = 0;
      const reports = [];
      for (const c of corpora) {
        const model = await buildModel(c);
        const data = reportData(model);
        if (!data) {
          if (!argv.json) process.stdout.write(`${c.name}: no evidence sources configured (add them to structgen.config.json)\n`);
          continue;
        }
        const decisions = data.decisions.filter((d) => !argv.kind || d.kind === argv.kind);
        undecided += decisions.filter((d) => d.disagreement && !d.decision).length;
        reports.push({ ...data, decisions });
        if (argv.json) continue;
        process.stdout.write(`${c.name}: ${data.summary.disagreements} disagreements, ${data.summary.decisions} decisions (sources: ${data.sources.map((s) => s.id).join(", ")})\n`);
        for (const [k, n] of Object.entries(data.summary.byKind)) process.stdout.write(`  ${String(n).padStart(5)}  ${k}\n`);
        process.stdout.write("\n");
        for (const d of decisions) {
          process.stdout.write(`${d.subject} [${d.kind}]\n`);
          for (const cl of d.claims) process.stdout.write(`    ${cl.source}: ${cl.claim}\n`);
          process.stdout.write(`  → ${d.decision || "(no decision)"}  (${d.rule}${d.reason ? `: ${d.reason}` : ""})\n`);
        }
      }
      if (argv.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
      return argv.failOnDrift && undecided > 0 ? 1 : 0;
    }),
};
