// How diagnostics and failures reach a person (colour on a terminal) or a program (--json), and which exit code
// each failure gets.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatLocation, StructgenError } from "../diagnostics/diagnostic.js";
import { colourEnabled, painter } from "./colour.js";

export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** Library codes that describe the arguments rather than the input: "no files" is a usage error. */
const ARGUMENT_CODES: ReadonlySet<string> = new Set(["INPUT_NO_SCHEMAS"]);

export function formatDiagnostic(d: Diagnostic, stream: { isTTY?: boolean } = process.stderr): string {
  const paint = painter(colourEnabled(stream));
  const colour = d.severity === "error" ? 31 : d.severity === "warning" ? 33 : 36;
  const where = formatLocation(d.at);
  const head = `${where ? `${where}: ` : ""}${paint(colour, d.severity)} ${paint(1, d.code)}: ${d.message}`;
  return d.hint ? `${head}\n  ${paint(2, `hint: ${d.hint}`)}` : head;
}

export type Level = "error" | "warning" | "info";

export function printDiagnostics(ds: readonly Diagnostic[], json: boolean, minSeverity: Level = "warning"): void {
  const rank = { error: 0, warning: 1, info: 2 };
  const shown = ds.filter((d) => rank[d.severity] <= rank[minSeverity]);
  if (json) process.stdout.write(`${JSON.stringify({ diagnostics: shown }, null, 2)}\n`);
  else for (const d of shown) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** 2 when every error is about the arguments (USAGE_*, no schema files), else 1. */
export function exitCodeOf(e: StructgenError): number {
  const errors = e.diagnostics.filter((d) => d.severity === "error");
  const usage = errors.length > 0 && errors.every((d) => d.code.startsWith("USAGE_") || ARGUMENT_CODES.has(d.code));
  return usage ? EXIT.usage : EXIT.invalid;
}

/** Prints a failure and returns its exit code: coded errors are the user's to fix; anything else is a bug. */
export function reportFailure(e: unknown, json: boolean, quiet = false): number {
  if (e instanceof StructgenError) {
    printDiagnostics(e.diagnostics, json, quiet ? "error" : "warning");
    return exitCodeOf(e);
  }
  process.stderr.write(
    `structgen: internal error: ${e instanceof Error ? e.message : String(e)}\n` +
      "This is a bug in structgen. Please report it with the command and input that caused it.\n" +
      (process.env["STRUCTGEN_DEBUG"] && e instanceof Error ? `${e.stack}\n` : ""),
  );
  return EXIT.internal;
}
