// How diagnostics reach a person (colour on a terminal) or a program (--json).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatLocation } from "../diagnostics/diagnostic.js";

export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

const useColour = (stream: NodeJS.WriteStream) => stream.isTTY === true && !process.env["NO_COLOR"];
const paint = (stream: NodeJS.WriteStream, code: number, s: string) => (useColour(stream) ? `\u001b[${code}m${s}\u001b[0m` : s);

export function formatDiagnostic(d: Diagnostic, stream: NodeJS.WriteStream = process.stderr): string {
  const colour = d.severity === "error" ? 31 : d.severity === "warning" ? 33 : 36;
  const where = formatLocation(d.at);
  const head = `${where ? `${where}: ` : ""}${paint(stream, colour, d.severity)} ${paint(stream, 1, d.code)}: ${d.message}`;
  return d.hint ? `${head}\n  ${paint(stream, 2, `hint: ${d.hint}`)}` : head;
}

export function printDiagnostics(ds: Diagnostic[], json: boolean, minSeverity: "error" | "warning" | "info" = "warning"): void {
  const rank = { error: 0, warning: 1, info: 2 };
  const shown = ds.filter((d) => rank[d.severity] <= rank[minSeverity]);
  if (json) process.stdout.write(`${JSON.stringify({ diagnostics: shown }, null, 2)}\n`);
  else for (const d of shown) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** Runs a command body: known failures become coded output and exit 1; bugs say they are bugs. */
export async function run(json: boolean, body: () => Promise<number>): Promise<never> {
  const { StructgenError } = await import("../diagnostics/diagnostic.js");
  let code: number;
  try {
    code = await body();
  } catch (e) {
    if (e instanceof StructgenError) {
      printDiagnostics(e.diagnostics, json, "warning");
      // A USAGE_* diagnostic (e.g. an unknown --corpus) is a usage error, like yargs' own.
      const errors = e.diagnostics.filter((d) => d.severity === "error");
      code = errors.length > 0 && errors.every((d) => d.code.startsWith("USAGE_")) ? EXIT.usage : EXIT.invalid;
    } else {
      process.stderr.write(
        `structgen: internal error: ${e instanceof Error ? e.message : String(e)}\n` +
          "This is a bug in structgen. Please report it with the command and input that caused it.\n" +
          (process.env["STRUCTGEN_DEBUG"] && e instanceof Error ? `${e.stack}\n` : ""),
      );
      code = EXIT.internal;
    }
  }
  process.exit(code);
}
