// Banner and prettier: every generated file says it is generated, and is formatted the same
// way on every machine (a fixed config; the user's .prettierrc is deliberately not read).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { bannerText } from "../emit/banner.js";
import type { FileKind, OutputFile } from "../emit/files.js";

const PARSER: Record<FileKind, string> = { ts: "typescript", js: "babel", md: "markdown", json: "json" };
const OPTIONS = { printWidth: 120, proseWrap: "preserve", endOfLine: "lf", trailingComma: "all" } as const;
/**
 * A file name with the right extension: without one, prettier's TypeScript parser guesses whether
 * the text is JSX with a regular expression that takes quadratic time on big files.
 */
const FILE_NAME: Record<FileKind, string> = { ts: "generated.ts", js: "generated.js", md: "generated.md", json: "generated.json" };

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

/** Formats one text; prettier is loaded only here, when output is produced. */
export async function formatOne(job: FormatJob): Promise<string> {
  const prettier = await import("prettier");
  return prettier.format(job.text, { ...OPTIONS, parser: PARSER[job.kind], filepath: FILE_NAME[job.kind] });
}

const WORKER = new URL("./format-worker.js", import.meta.url);

/** Below this much text, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 1_000_000;

export async function formatFiles(all: OutputFile[], corpus: string): Promise<OutputFile[]> {
  const files = all.filter((f) => !f.final);
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
