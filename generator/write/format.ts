// Formatting is not on the hot path: emitters write final text (banner included, in the style
// prettier keeps), and the writer writes it as it is. Two uses of prettier remain:
// - opt-in: `formatWithPrettier` for users who ask for it, optionally with their own prettier config;
// - transitional: files not yet marked `final` get the banner and prettier here (fixed options),
//   until every emitter writes final text.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { bannerText } from "../emit/banner.js";
import type { FileKind, OutputFile } from "../emit/files.js";

const PARSER: Record<FileKind, string> = { ts: "typescript", js: "babel", md: "markdown", json: "json" };
/** The fixed options: the house style of every emitter is what prettier prints with these. */
export const PRETTIER_OPTIONS = {
  printWidth: 120,
  proseWrap: "preserve",
  endOfLine: "lf",
  trailingComma: "all",
} as const;
/**
 * A file name with the right extension: without one, prettier's TypeScript parser guesses whether
 * the text is JSX with a regular expression that takes quadratic time on big files.
 */
const FILE_NAME: Record<FileKind, string> = {
  ts: "generated.ts",
  js: "generated.js",
  md: "generated.md",
  json: "generated.json",
};

export interface PrettierOptions {
  /** Apply the prettier configuration that applies to files in this folder (.prettierrc, package.json…). */
  configFrom?: string;
}

/**
 * Runs prettier over every file (final or not) for users who ask for it. With `configFrom`, the
 * user's own configuration overrides the fixed options; without, the output does not change.
 */
export async function formatWithPrettier(files: OutputFile[], options: PrettierOptions = {}): Promise<OutputFile[]> {
  const prettier = await import("prettier");
  const out: OutputFile[] = [];
  for (const f of files) {
    const filepath = options.configFrom ? path.join(options.configFrom, path.basename(f.path)) : FILE_NAME[f.kind];
    const user = options.configFrom ? await prettier.resolveConfig(filepath, { editorconfig: true }) : null;
    const content = await prettier.format(f.content, {
      ...PRETTIER_OPTIONS,
      ...user,
      parser: PARSER[f.kind],
      filepath,
    });
    out.push({ ...f, content });
  }
  return out;
}

/** Transitional: the banner for a file whose emitter does not write it yet. */
export function withBanner(file: OutputFile, corpus: string): string {
  const text = bannerText(corpus);
  switch (file.kind) {
    case "ts":
    case "js":
      return `// ${text}\n\n${file.content}`;
    case "md":
      return `<!-- ${text} -->\n\n${file.content}`;
    case "json":
      return JSON.stringify({ $comment: text, ...JSON.parse(file.content) });
  }
}

export interface FormatJob {
  text: string;
  kind: FileKind;
}

/** Formats one text with the fixed options; prettier is loaded only here. */
export async function formatOne(job: FormatJob): Promise<string> {
  const prettier = await import("prettier");
  return prettier.format(job.text, { ...PRETTIER_OPTIONS, parser: PARSER[job.kind], filepath: FILE_NAME[job.kind] });
}

const WORKER = new URL("./format-worker.js", import.meta.url);

/** Below this much text, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 1_000_000;

/** Final files pass as they are; the others (transitional) get the banner and prettier. */
export async function formatFiles(all: OutputFile[], corpus: string): Promise<OutputFile[]> {
  const files = all.filter((f) => !f.final);
  if (files.length === 0) return all;
  const jobs = files.map((f) => ({ text: withBanner(f, corpus), kind: f.kind }));
  const total = jobs.reduce((n, j) => n + j.text.length, 0);
  const lanes = Math.min(availableParallelism(), 4);
  // The worker runs from the built dist/; from sources (tests), format in this thread.
  const parallel = total >= PARALLEL_THRESHOLD && lanes >= 2 && existsSync(fileURLToPath(WORKER));
  const texts = parallel ? await formatInParallel(jobs, lanes) : await Promise.all(jobs.map(formatOne));
  const formatted = new Map(files.map((f, i) => [f, texts[i]!]));
  return all.map((f) => (f.final ? f : { ...f, content: formatted.get(f)! }));
}

/** Spreads jobs over worker threads plus this one, biggest first, to balance the lanes. */
async function formatInParallel(jobs: FormatJob[], lanes: number): Promise<string[]> {
  const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.text.length - jobs[a]!.text.length);
  const buckets: number[][] = Array.from({ length: lanes }, () => []);
  const load = new Array<number>(lanes).fill(0);
  for (const i of order) {
    const lane = load.indexOf(Math.min(...load));
    buckets[lane]!.push(i);
    load[lane]! += jobs[i]!.text.length;
  }
  const results = new Array<string>(jobs.length);
  const run = async (bucket: number[], inWorker: boolean): Promise<void> => {
    const batch = bucket.map((i) => jobs[i]!);
    const out = inWorker ? await inWorkerThread(batch) : await Promise.all(batch.map(formatOne));
    bucket.forEach((i, k) => (results[i] = out[k]!));
  };
  await Promise.all(buckets.map((b, lane) => run(b, lane > 0)));
  return results;
}

function inWorkerThread(batch: FormatJob[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once("message", (m: { ok: boolean; results?: string[]; error?: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.results!);
      else reject(new Error(m.error));
    });
    worker.once("error", reject);
    worker.postMessage(batch);
  });
}
