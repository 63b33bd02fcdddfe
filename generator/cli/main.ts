// structgen's command line: a tiny dispatcher over node:util parseArgs. Only the command being run is imported,
// and each command imports its heavy modules (the pipeline, the validators) inside run().
import { readFileSync } from "node:fs";
import { didYouMean, parseCommandArgs, usageError } from "./args.js";
import type { Command } from "./command.js";

export type Registry = Readonly<Record<string, () => Promise<{ command: Command }>>>;

export const COMMANDS: Registry = {
  generate: () => import("./generate.js"),
  check: () => import("./check.js"),
  reconcile: () => import("./reconcile.js"),
  validate: () => import("./validate.js"),
  diff: () => import("./diff.js"),
};

/** structgen's own version, from the package.json beside dist/ (or generator/), never the working folder's. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** --help or -h before any `--`. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

/** Runs one command line and resolves to its exit code (see README: 0 ok, 1 invalid, 2 usage, 3 internal). */
export async function main(argv: readonly string[], commands: Registry = COMMANDS): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  const names = Object.keys(commands);
  let json = false;
  let quiet = false;
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first.startsWith("-")) {
      if (asksForHelp(argv)) {
        const { mainHelp } = await import("./help.js");
        out(mainHelp(await Promise.all(names.map(async (n) => (await commands[n]!()).command))));
        return 0;
      }
      if (first === "--version") {
        out(`${version()}\n`);
        return 0;
      }
      if (first === undefined) throw usageError("USAGE_NO_COMMAND", { commands: names.join(", ") });
      const known = first.startsWith("--") ? ["--help", "--version"] : ["-h"];
      throw usageError("USAGE_UNKNOWN_OPTION", {
        option: first,
        help: "structgen --help",
        suggestion: didYouMean(first, known),
      });
    }
    const load = Object.prototype.hasOwnProperty.call(commands, first) ? commands[first] : undefined;
    if (!load) {
      throw usageError("USAGE_UNKNOWN_COMMAND", { name: JSON.stringify(first), suggestion: didYouMean(first, names) });
    }
    const { command } = await load();
    if (asksForHelp(rest)) {
      const { commandHelp } = await import("./help.js");
      out(commandHelp(command));
      return 0;
    }
    const args = parseCommandArgs(command, rest);
    const values = args.values as Record<string, unknown>;
    if (values["version"] === true) {
      out(`${version()}\n`);
      return 0;
    }
    json = values["json"] === true;
    quiet = values["quiet"] === true;
    return await command.run(args);
  } catch (e) {
    // Help and failure reporting load only when needed: the common path stays small.
    const { reportFailure } = await import("./print.js");
    return reportFailure(e, json, quiet);
  }
}
