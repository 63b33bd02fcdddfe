// reconciliation.json is assembled from one fragment per decision; the assembly is the text
// jsonFileText prints for the whole report, byte for byte (with the memo and without it).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fragmentStore } from "../../generator/cache/fragments.js";
import { projectCorpora } from "../../generator/config/corpora.js";
import { loadProject } from "../../generator/config/project.js";
import { jsonFileText } from "../../generator/emit/json-text.js";
import { emitReport, reportData } from "../../generator/emit/report/index.js";
import { buildModel } from "../../generator/pipeline.js";
import { ROOT } from "../cli/helpers.js";

describe("reconciliation.json from fragments", () => {
  for (const dir of [ROOT, path.join(ROOT, "test", "fixtures", "reconcile-other")]) {
    it(`is the whole report's text (${path.relative(ROOT, dir) || "bundled corpus"})`, async () => {
      const project = await loadProject({ cwd: dir, out: path.join(dir, "unused-out") });
      for (const corpus of await projectCorpora(project)) {
        const model = await buildModel(corpus);
        const whole = jsonFileText(model.name, reportData(model)!);
        expect(model.reconciliation!.decisions.length).toBeGreaterThan(1);
        const memo = fragmentStore({ fingerprint: "test" });
        expect(emitReport(model)[0]!.content).toBe(whole);
        expect(emitReport(model, { memo })[0]!.content).toBe(whole);
        expect(emitReport(model, { memo })[0]!.content).toBe(whole);
        expect(memo.stats().hits).toBe(model.reconciliation!.decisions.length);
      }
    });
  }
});
