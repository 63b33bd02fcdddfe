// Generation figures for `npm run bench`, whole processes side by side (see process.js):
//   cold generate of the bundled corpus vs json-schema-to-typescript (types only, prettier), peak memory,
//   check with nothing changed (hash index warm, and empty as in a clean clone), --help and validate vs
//   `node -e 1`, one edited file vs cold (whole process, and in one process as watch mode rebuilds), and
//   scaling. BENCH_SCALING=0 leaves the scaling curve out.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { compare, median, runNode } from "./process.js";
import { scaleCorpus } from "./scale-corpus.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = path.join(ROOT, "bin", "structgen.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-bench-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

const ratio = (a, b) => (a / b).toFixed(2);
const ms = (x) => `${x.toFixed(0)} ms`;
const mib = (x) => `${x.toFixed(0)} MiB`;
/** A fresh, empty cache folder for each cold run. */
const coldEnv = () => ({ STRUCTGEN_CACHE_DIR: mkdtempSync(path.join(tmp, "cache-")) });
const rows = [];

// Cold generate (no cache, empty output folder) vs json-schema-to-typescript on the same corpus.
const out = path.join(tmp, "out");
const schema = path.join(ROOT, "generated", "cognito-idp", "schema.json");
const cold = {
  args: [BIN, "generate", "--out", out, "--quiet"],
  cwd: ROOT,
  before: () => rmSync(out, { recursive: true, force: true }),
};
Object.defineProperty(cold, "env", { get: coldEnv, enumerable: true });
const peer = { args: [path.join(ROOT, "bench", "j2ts-types.js"), schema, path.join(tmp, "j2ts.ts")], cwd: ROOT };
const [g, j] = compare([cold, peer], RUNS);
rows.push({
  figure: "cold generate, all outputs",
  structgen: ms(g.wall),
  yardstick: `${ms(j.wall)} (json-schema-to-typescript, types only)`,
  ratio: ratio(g.wall, j.wall),
  bar: "≤ 1.0",
});
rows.push({
  figure: "peak memory of that run",
  structgen: mib(g.rss),
  yardstick: mib(j.rss),
  ratio: ratio(g.rss, j.rss),
  bar: "≤ 1.0",
});

// check and start-up against node itself. The output folder now holds a fresh generate.
const cacheDir = mkdtempSync(path.join(tmp, "warm-"));
runNode([BIN, "generate", "--out", out, "--quiet"], { cwd: ROOT, env: { STRUCTGEN_CACHE_DIR: cacheDir } });
const warm = { STRUCTGEN_CACHE_DIR: cacheDir };
const nodeOnly = { args: ["-e", "1"], cwd: ROOT };
const response = path.join(tmp, "response.json");
writeFileSync(
  response,
  JSON.stringify({ Username: "alice", Enabled: true, UserStatus: "CONFIRMED", UserCreateDate: 1795420941 }),
);
// The hash index remembers a file's hash by its status once the file has settled (2 s after its last
// change): as when check runs a while after generate. The first check fills the index.
await new Promise((r) => setTimeout(r, 2500));
const checkArgs = [BIN, "check", "--out", out];
runNode(checkArgs, { cwd: ROOT, env: warm });
const [c, n1] = compare([{ args: checkArgs, cwd: ROOT, env: warm }, nodeOnly], RUNS);
rows.push({
  figure: "check, nothing changed",
  structgen: ms(c.wall),
  yardstick: `${ms(n1.wall)} (node -e 1)`,
  ratio: ratio(c.wall, n1.wall),
  bar: "≤ 2.0",
});
// A clean clone: no cache yet, so every input and output is read and hashed.
const fresh = { args: checkArgs, cwd: ROOT };
Object.defineProperty(fresh, "env", { get: coldEnv, enumerable: true });
const [cf, n4] = compare([fresh, nodeOnly], RUNS);
rows.push({
  figure: "check, nothing changed, empty cache (clean clone)",
  structgen: ms(cf.wall),
  yardstick: `${ms(n4.wall)} (node -e 1)`,
  ratio: ratio(cf.wall, n4.wall),
  bar: "",
});
const [h, n2] = compare([{ args: [BIN, "--help"], cwd: ROOT }, nodeOnly], RUNS);
rows.push({
  figure: "--help",
  structgen: ms(h.wall),
  yardstick: `${ms(n2.wall)} (node -e 1)`,
  ratio: ratio(h.wall, n2.wall),
  bar: "≤ 2.0",
});
const [v, n3] = compare(
  [{ args: [BIN, "validate", "--type", "AdminGetUserResponse", response], cwd: ROOT }, nodeOnly],
  RUNS,
);
rows.push({
  figure: "validate one file",
  structgen: ms(v.wall),
  yardstick: `${ms(n3.wall)} (node -e 1)`,
  ratio: ratio(v.wall, n3.wall),
  bar: "≤ 2.0",
});

// One schema file edited, then generate again with the cache of the previous run (whole process).
const project = path.join(tmp, "project");
cpSync(path.join(ROOT, "schemas"), path.join(project, "schemas"), { recursive: true });
for (const f of ["structgen.config.json", "test/fixtures/live"]) {
  try {
    cpSync(path.join(ROOT, f), path.join(project, f), { recursive: true });
  } catch {
    // Older layouts keep the configuration under schemas/.
  }
}
const edited = path.join(project, "schemas", "cognito-idp", "cognito-idp-admin-get-user-response-structure.json");
const original = readFileSync(edited, "utf8");
let flip = 0;
const editOne = () =>
  writeFileSync(edited, original.replace("about whom you're receiving", `about whom you are receiving (${flip++})`));
const pOut = path.join(project, "generated");
const pCache = { STRUCTGEN_CACHE_DIR: path.join(project, ".cache") };
runNode([BIN, "generate", "--out", pOut, "--quiet"], { cwd: project, env: pCache });
const incremental = { args: [BIN, "generate", "--out", pOut, "--quiet"], cwd: project, env: pCache, before: editOne };
const projectCold = { args: [BIN, "generate", "--out", path.join(tmp, "pcold"), "--quiet"], cwd: project };
Object.defineProperty(projectCold, "env", { get: coldEnv, enumerable: true });
const [inc, pc] = compare([incremental, projectCold], RUNS);
rows.push({
  figure: "one schema file edited, generate (whole process)",
  structgen: ms(inc.wall),
  yardstick: `${ms(pc.wall)} (cold)`,
  ratio: ratio(inc.wall, pc.wall),
  bar: "≤ 0.1",
});
// What any process pays before it regenerates anything, against the same cold run: node's start-up, and
// --help (structgen's least code). A regenerating process starts at least as heavy as these.
rows.push({
  figure: "floor: node -e 1, --help (vs that cold run)",
  structgen: `${ms(n2.wall)}, ${ms(h.wall)}`,
  yardstick: `${ms(pc.wall)} (cold)`,
  ratio: `${ratio(n2.wall, pc.wall)}, ${ratio(h.wall, pc.wall)}`,
  bar: "",
});

// In one process: a watch-mode rebuild after one edited file (parsed files, evidence and fragments
// kept from the previous run) vs a cold build (no cache, a new output folder). Each side runs in a
// process of its own (bench/in-process.js), twice. As the cold side drops its first run (modules loaded
// and compiled: one cold build runs all of its code many times over), the rebuild side is taken once V8
// has compiled the rebuild's own code, which each rebuild runs only a little of: about ten rebuilds
// (measured 2026-11-26: medians of 35 ms for rebuilds 1-10, then 23-26 ms for each ten up to 60). The
// first WARM rebuilds of a session are shown on a row of their own.
const WARM = 10;
const REBUILDS = Math.max(RUNS, 30);
const IN_PROCESS = path.join(ROOT, "bench", "in-process.js");
const side = (mode, runs, warm, tag) =>
  JSON.parse(runNode([IN_PROCESS, mode, project, tmp, String(runs), String(warm), tag], { cwd: project }).stdout).ms;
const coldMs = [];
const steady = [];
const warming = [];
// Cold then watch, then watch then cold: what one side leaves the machine doing (dirty pages written
// back) falls on the other side as often.
for (const round of [1, 2]) {
  const cold = () => coldMs.push(...side("cold", RUNS, 0).slice(1));
  if (round === 1) cold();
  const rebuilds = side("watch", REBUILDS, WARM, `r${round}-`);
  warming.push(...rebuilds.slice(0, WARM));
  steady.push(...rebuilds.slice(WARM));
  if (round === 2) cold();
}

const inProcess = [
  {
    figure: `watch rebuild after one edited file (median of ${steady.length})`,
    structgen: ms(median(steady)),
    yardstick: `${ms(median(coldMs))} (cold, in-process)`,
    // Three places: the figure sits near its bar, where two would round it onto it.
    ratio: (median(steady) / median(coldMs)).toFixed(3),
    bar: "≤ 0.1",
  },
  {
    figure: `the first ${WARM} rebuilds of a session (median; first, slowest)`,
    structgen: `${ms(median(warming))}; ${ms(warming[0])}, ${ms(Math.max(...warming))}`,
    yardstick: `${ms(median(coldMs))} (cold, in-process)`,
    ratio: (median(warming) / median(coldMs)).toFixed(3),
    bar: "",
  },
];
console.log(`Generation (whole processes, medians of ${RUNS} runs in turn)`);
console.table(rows);
console.log(`\nIn one process (each side in a process of its own; cold: median of ${coldMs.length})`);
console.table(inProcess);

// Scaling: 1×, 2×, 5×, 10× copies of the corpus (no evidence sources), each generated cold.
if (process.env.BENCH_SCALING === "0") process.exit(0);
const scale = [];
const scaleRuns = Math.max(1, Math.min(RUNS, 3));
for (const k of [1, 2, 5, 10]) {
  const dir = path.join(tmp, `scale-${k}`);
  const types = scaleCorpus(path.join(ROOT, "schemas", "cognito-idp"), k, path.join(dir, "schemas", "corpus"));
  const run = {
    args: [BIN, "generate", "--schemas", path.join(dir, "schemas"), "--out", path.join(dir, "out"), "--quiet"],
    cwd: dir,
  };
  Object.defineProperty(run, "env", { get: coldEnv, enumerable: true });
  const [r] = compare([run], scaleRuns);
  scale.push({ k, types, wall: r.wall, rss: r.rss });
  rmSync(dir, { recursive: true, force: true });
}
const base = scale[0];
console.log("\nScaling: k copies of the corpus, cold generate (bars at 10×: time ≤ 10×, memory ≤ 3×)");
console.table(
  scale.map((s) => ({
    copies: s.k,
    files: s.types,
    wall: ms(s.wall),
    "× time": ratio(s.wall, base.wall),
    peak: mib(s.rss),
    "× memory": ratio(s.rss, base.rss),
  })),
);
