// One side of the bench's in-process figure, in a process of its own so neither side runs in a heap
// the other left behind: `cold` generates the project `runs + 1` times with no cache into new output
// folders; `watch` starts generate --watch, edits one schema file `warm + runs` times and times each
// rebuild. Prints {"ms": [...]} on stdout, each run's milliseconds in order (the caller drops warm-ups).
//   node bench/in-process.js cold|watch <project> <scratch> <runs> [warm] [tag]
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

const [mode, project, scratch, runsArg, warmArg = "0", tag = "x"] = process.argv.slice(2);
const runs = Number(runsArg);
const ms = [];
process.env.STRUCTGEN_CACHE_DIR = mkdtempSync(path.join(scratch, `${mode}-cache-`));

if (mode === "cold") {
  const { generate } = await import("../dist/run.js");
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    await generate({ cwd: project, out: mkdtempSync(path.join(scratch, "in-process-cold-")), cache: false });
    ms.push(performance.now() - t);
  }
} else if (mode === "watch") {
  const { watch } = await import("../dist/watch/index.js");
  const edited = path.join(project, "schemas", "cognito-idp", "cognito-idp-admin-get-user-response-structure.json");
  const original = readFileSync(edited, "utf8");
  let flip = 0;
  const editOne = () =>
    writeFileSync(
      edited,
      original.replace(
        /about whom you(?:'re| are) receiving(?: \([^)]*\))?/,
        `about whom you are receiving (${tag}${flip++})`,
      ),
    );
  let settle;
  const nextRun = () => new Promise((resolve) => (settle = resolve));
  const first = nextRun();
  const watching = await watch({
    cwd: project,
    out: mkdtempSync(path.join(scratch, "watch-out-")),
    debounceMs: 20,
    onRun: (r) => settle(r),
  });
  await first;
  for (let i = 0; i < Number(warmArg) + runs; i++) {
    const run = nextRun();
    editOne();
    const r = await run;
    if (!r.ok) throw r.error;
    ms.push(r.ms);
  }
  await watching.stop();
} else throw new Error(`unknown mode ${mode}`);
process.stdout.write(JSON.stringify({ ms }) + "\n");
