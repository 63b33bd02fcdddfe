// `structgen diff OLD NEW`: what changed between two versions of a contract, and whom it breaks.
// The body takes parsed options, so it does not depend on the argument parser.
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";
import type { Impact } from "../diff/change.js";
import { colourEnabled } from "./colour.js";
import { defineCommand, JSON_OUTPUT } from "./command.js";

export interface DiffOptions {
  old?: string;
  new?: string;
  json?: boolean;
  /** "text" (default), "markdown" or "json". */
  format?: string;
  /** "breaking" or "warning": exit 1 when a change is at least that severe. */
  failOn?: string;
  corpus?: string;
  /** Folder relative paths start from (default: the process's). */
  cwd?: string;
  /** Where the report goes (default: standard output). */
  out?: { write(s: string): unknown; isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["breaking", "warning"] as const;

const usage = (reason: string) => new StructgenError([diagnostic("USAGE_BAD_ARGUMENT", { reason })]);

/** Colour as every command decides it (cli/colour.ts), for a stream that is or is not a terminal. */
export const wantColour = (isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean =>
  colourEnabled(isTTY === undefined ? {} : { isTTY }, env);

/** Runs the command; returns the exit code. Usage errors throw a StructgenError with a USAGE_ code. */
export async function runDiff(options: DiffOptions): Promise<number> {
  const { old, new: next } = options;
  if (!old || !next) throw usage("diff needs two versions: structgen diff OLD NEW (a folder, or git:<rev>)");
  if (options.json && options.format !== undefined && options.format !== "json")
    throw usage(`--json and --format ${options.format} contradict each other`);
  const format = options.json ? "json" : (options.format ?? "text");
  if (!(FORMATS as readonly string[]).includes(format))
    throw usage(`--format must be one of ${FORMATS.join(", ")}, not ${JSON.stringify(format)}`);
  if (options.failOn !== undefined && !(FAIL_ON as readonly string[]).includes(options.failOn)) {
    throw usage(`--fail-on must be one of ${FAIL_ON.join(", ")}, not ${JSON.stringify(options.failOn)}`);
  }
  const cwd = options.cwd ?? process.cwd();
  const out = options.out ?? process.stdout;
  const env = options.env ?? process.env;
  const [{ openVersion, fallbackFolder, pairCorpora, modelOf }, { removeCheckouts }, lib] = await Promise.all([
    import("../diff/inputs.js"),
    import("../diff/git.js"),
    import("../diff/index.js"),
  ]);

  const opened: { cleanup: () => void }[] = [];
  const exit = () => {
    opened.forEach((v) => v.cleanup());
    removeCheckouts(); // also a copy still being made
  };
  // Interrupted (Ctrl-C, a CI timeout), the temp copies of git revisions go too; then the signal
  // does what it would have done.
  const onSignal = (signal: NodeJS.Signals) => {
    exit();
    process.kill(process.pid, signal);
  };
  const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  process.once("exit", exit);
  for (const s of SIGNALS) process.once(s, onSignal);
  try {
    const a = await openVersion(old, fallbackFolder(next), cwd);
    opened.push(a);
    const b = await openVersion(next, fallbackFolder(old), cwd);
    opened.push(b);
    const corpora = [];
    for (const pair of pairCorpora(a.corpora, b.corpora, options.corpus)) {
      const before = await side(a.label, () => modelOf(pair.corpus, pair.old));
      const after = await side(b.label, () => modelOf(pair.corpus, pair.new));
      corpora.push(lib.diffCorpus(pair.corpus, before, after));
    }
    const report = lib.diffReport(a.label, b.label, corpora);
    if (format === "json") out.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === "markdown") out.write(lib.formatMarkdown(report));
    else out.write(lib.formatText(report, { colour: wantColour(out.isTTY, env) }));
    return lib.exitCode(report, options.failOn as Impact | undefined);
  } finally {
    exit();
    process.removeListener("exit", exit);
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}

/** Builds one side's model; a schema error names the side it came from. */
async function side<T>(label: string, build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (e) {
    if (e instanceof StructgenError) process.stderr.write(`structgen diff: ${label} does not build:\n`);
    throw e;
  }
}

export const command = defineCommand({
  name: "diff",
  summary: "What changed between two versions (folders or git:<rev>[:<path>]), and whom it breaks",
  positionals: { name: "OLD NEW", describe: "Two versions: a corpus or schemas folder, or git:<rev>[:<path>]" },
  options: [
    JSON_OUTPUT("Print the report as JSON"),
    { name: "format", type: "string", value: "FORMAT", describe: "text (default), markdown or json" },
    {
      name: "fail-on",
      type: "string",
      value: "SEVERITY",
      describe: "Exit 1 when a change is breaking (breaking), or a warning or worse (warning)",
    },
    { name: "corpus", type: "string", value: "NAME", describe: "Only this corpus" },
  ],
  examples: [
    ["structgen diff git:HEAD~1 schemas", "what the last commit changed, and whom it breaks"],
    ["structgen diff old/ new/ --format markdown --fail-on breaking", "a pull-request comment; exit 1 if breaking"],
  ],
  async run({ values: v, positionals }) {
    if (positionals.length > 2) throw usage(`diff takes two versions, not ${positionals.length}`);
    const [old, next] = positionals;
    return runDiff({
      ...(old !== undefined ? { old } : {}),
      ...(next !== undefined ? { new: next } : {}),
      json: v.json,
      ...(v.format !== undefined ? { format: v.format } : {}),
      ...(v["fail-on"] !== undefined ? { failOn: v["fail-on"] } : {}),
      ...(v.corpus !== undefined ? { corpus: v.corpus } : {}),
    });
  },
});
