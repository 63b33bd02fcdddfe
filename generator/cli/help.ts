// Help text, generated from the commands' tables.
import type { Command } from "./command.js";
import { optionsOf } from "./args.js";

export const EXIT_CODES =
  "Exit codes: 0 ok, 1 invalid input or data, 2 usage error, 3 internal error (a bug: please report it).";

/** Two columns: the left padded to its widest entry. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`.trimEnd());
}

export function commandHelp(c: Command): string {
  const usage = `structgen ${c.name} [options]${c.positionals ? ` ${c.positionals.name}` : ""}`;
  const options = optionsOf(c).map((o): [string, string] => {
    const left = `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value ? ` ${o.value}` : ""}`;
    return [left, `${o.describe}${o.default !== undefined ? ` (default: ${o.default})` : ""}`];
  });
  const lines = [`Usage: ${usage}`, "", c.summary, ""];
  if (c.positionals) lines.push("Arguments:", ...table([[c.positionals.name, c.positionals.describe]]), "");
  lines.push("Options:", ...table(options), "");
  if (c.examples?.length) lines.push("Examples:", ...table(c.examples), "");
  lines.push(EXIT_CODES);
  return `${lines.join("\n")}\n`;
}

export function mainHelp(commands: readonly Command[]): string {
  const lines = [
    "Usage: structgen <command> [options]",
    "",
    "Commands:",
    ...table(commands.map((c) => [`structgen ${c.name}`, c.summary])),
    "",
    "Options:",
    ...table([
      ["-h, --help", "Show help; after a command, that command's options (structgen validate --help)"],
      ["    --version", "Print structgen's version"],
    ]),
    "",
    EXIT_CODES,
  ];
  return `${lines.join("\n")}\n`;
}
