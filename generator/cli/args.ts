// Command-line parsing with node:util parseArgs, checked against a command's options table. Usage mistakes
// become coded diagnostics (exit 2) with "did you mean" for a misspelt option.
import { parseArgs } from "node:util";
import { diagnostic, StructgenError } from "../diagnostics/diagnostic.js";
import type { Code } from "../diagnostics/catalogue.js";
import { COMMON_OPTIONS, type Args, type Command, type OptionSpec } from "./command.js";
import { didYouMean } from "../diagnostics/suggest.js";

export const usageError = (code: Code, params: Record<string, string | number> = {}): StructgenError =>
  new StructgenError([diagnostic(code, params)]);

export { didYouMean };

/** All options a command accepts, its own first. */
export const optionsOf = (command: Command): readonly OptionSpec[] => [...command.options, ...COMMON_OPTIONS];

export function parseCommandArgs(command: Command, argv: readonly string[]): Args {
  const specs = optionsOf(command);
  const options = Object.fromEntries(
    specs.map((o) => [o.name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
  ) as NonNullable<Parameters<typeof parseArgs>[0]>["options"];
  // Not strict: the tokens are checked below, so errors are coded and suggest close names.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const byName = new Map(specs.map((o) => [o.name, o]));
  const values: Record<string, string | boolean | undefined> = {};
  for (const o of specs) values[o.name] = o.type === "boolean" ? false : o.default;
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === "positional") positionals.push(t.value);
    if (t.kind !== "option") continue;
    const negated = t.name.startsWith("no-") ? byName.get(t.name.slice(3)) : undefined;
    const spec = byName.get(t.name) ?? (negated?.type === "boolean" ? negated : undefined);
    if (!spec) {
      // A misspelt --long option is compared with long names only, -x with short ones.
      const long = t.rawName.startsWith("--");
      const names = specs.flatMap((o) => (long ? [`--${o.name}`] : o.short ? [`-${o.short}`] : []));
      throw usageError("USAGE_UNKNOWN_OPTION", {
        option: t.rawName,
        help: `structgen ${command.name} --help`,
        suggestion: didYouMean(t.rawName, names),
      });
    }
    const option = `--${spec.name}`;
    if (spec.type === "boolean") {
      if (t.inlineValue) throw usageError("USAGE_OPTION_VALUE", { option, reason: "takes no value" });
      values[spec.name] = spec !== negated;
    } else {
      // parseArgs takes the next word as the value even when it looks like an option (`--type --json`).
      const v = t.value;
      if (v === undefined || (!t.inlineValue && v.startsWith("-") && v !== "-")) {
        throw usageError("USAGE_OPTION_VALUE", {
          option,
          reason: `needs a value${spec.value ? ` (${spec.value})` : ""}`,
        });
      }
      values[spec.name] = v;
    }
  }
  if (!command.positionals && positionals.length > 0) {
    throw usageError("USAGE_UNEXPECTED_ARGUMENT", { argument: JSON.stringify(positionals[0]), command: command.name });
  }
  return { values, positionals } as Args;
}
