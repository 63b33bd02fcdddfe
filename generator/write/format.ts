// Formatting is not on the hot path: emitters write final text (banner included, in the style
// prettier keeps with the fixed options below), and the writer writes it as it is. prettier runs
// only for users who ask for it (`format: "prettier"`), optionally with their own configuration.
import path from "node:path";
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
