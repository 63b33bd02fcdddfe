// What a command is: its name, summary, options table and run(). Help and parsing are derived from the table.

export interface OptionSpec {
  name: string;
  type: "string" | "boolean";
  /** Placeholder in help for a string option's value, e.g. DIR. */
  value?: string;
  short?: string;
  default?: string;
  describe: string;
}

export interface Positionals {
  /** As shown in the usage line, e.g. FILE... */
  name: string;
  describe: string;
}

/** Parsed values: booleans are true/false, strings are set or (without a default) undefined. */
export type Values<O extends readonly OptionSpec[]> = {
  [K in O[number] as K["name"]]: K extends { type: "boolean" }
    ? boolean
    : K extends { default: string }
      ? string
      : string | undefined;
};

export interface Args<O extends readonly OptionSpec[] = readonly OptionSpec[]> {
  values: Values<O>;
  positionals: string[];
}

export interface Command<O extends readonly OptionSpec[] = readonly OptionSpec[]> {
  name: string;
  summary: string;
  options: O;
  /** Without it, the command takes no positional arguments. */
  positionals?: Positionals;
  examples?: readonly (readonly [command: string, what: string])[];
  /** Resolves to the exit code; throws StructgenError for coded failures. */
  run(args: Args<O>): Promise<number>;
}

/** Keeps the options table's literal types so run() sees typed values. */
export const defineCommand = <const O extends readonly OptionSpec[]>(c: Command<O>): Command<O> => c;

/** Options every command accepts. */
export const COMMON_OPTIONS = [
  { name: "help", type: "boolean", short: "h", describe: "Show this help" },
  { name: "version", type: "boolean", describe: "Print structgen's version" },
] as const satisfies readonly OptionSpec[];

export const QUIET = { name: "quiet", type: "boolean", describe: "Print errors only" } as const satisfies OptionSpec;
export const JSON_OUTPUT = (what: string) =>
  ({ name: "json", type: "boolean", describe: what }) as const satisfies OptionSpec;

/** Where the project's settings come from, and what overrides them (see config/project.ts). */
export const CONFIG = {
  name: "config",
  type: "string",
  value: "FILE",
  describe: "structgen.config.json (default: the nearest, from here up)",
} as const satisfies OptionSpec;
export const SCHEMAS = (what = "Corpus folder or folder of corpora (default: the config's, or schemas)") =>
  ({ name: "schemas", type: "string", value: "DIR", describe: what }) as const satisfies OptionSpec;
export const OUT = (what: string) =>
  ({ name: "out", type: "string", value: "DIR", describe: what }) as const satisfies OptionSpec;
/** `--no-cache`: an option of its own name, since a boolean's --no- form cannot tell "off" from "not given". */
export const NO_CACHE = {
  name: "no-cache",
  type: "boolean",
  describe: "Do not read or write the generation cache (check then always renders)",
} as const satisfies OptionSpec;

/** The project options generate, check and watch take from their shared flags. */
export function projectFlags(v: { config?: string; schemas?: string; out?: string; "no-cache"?: boolean }) {
  return {
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(v.schemas !== undefined ? { schemas: v.schemas } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(v["no-cache"] ? { cache: false as const } : {}),
  };
}
