import { readFile } from "node:fs/promises";
import type { Argv } from "yargs";
import { EXIT, run } from "./print.js";

/** How a "-" argument reaches the command (see main.ts); shown as the file name. */
export const STDIN = "<stdin>";

interface Args {
  files?: string[];
  schemas?: string;
  corpus?: string;
  type?: string;
  strict: boolean;
  json: boolean;
}

export const validateCommand = {
  command: "validate [files..]",
  describe: "Validate JSON files (or - for stdin) against a type",
  builder: (y: Argv) =>
    y
      .positional("files", { type: "string", array: true, describe: "JSON files to check; - reads standard input" })
      .option("schemas", { type: "string", describe: "Compile this corpus folder in memory instead of using the bundled validators" })
      .option("corpus", { type: "string", describe: "Which bundled corpus, when several are generated" })
      .option("type", { type: "string", describe: "The type to validate against (optional when the corpus has one root type)" })
      .option("strict", { type: "boolean", default: false, describe: "Also reject members no schema declares" })
      .option("json", { type: "boolean", default: false, describe: "Print results as JSON" })
      .example("$0 validate --type AdminGetUserResponse response.json", "check one response")
      .example("cat r.json | $0 validate --type GetUserResponse -", "check standard input"),
  handler: (argv: Args) =>
    run(argv.json, async () => {
      const usage = (msg: string): number => {
        process.stderr.write(`structgen validate: ${msg}\n`);
        return EXIT.usage;
      };
      const files = argv.files ?? [];
      if (files.length === 0) return usage("no input files (use - for standard input)");
      const { loadBundled, compileInMemory } = await import("../validators-module.js");
      const mod = argv.schemas ? await compileInMemory(argv.schemas) : await loadBundled(argv.corpus);
      const names = Object.keys(mod.validators);
      let type = argv.type;
      if (type === undefined) {
        if (mod.rootTypes.length !== 1) return usage(`--type is required: the corpus has ${mod.rootTypes.length} root types`);
        type = mod.rootTypes[0]!;
      }
      const validate = Object.prototype.hasOwnProperty.call(mod.validators, type) ? mod.validators[type] : undefined;
      if (!validate) {
        const { suggest } = await import("./suggest.js");
        const close = suggest(type, names);
        return usage(`unknown type ${JSON.stringify(type)}${close.length > 0 ? `; did you mean ${close.join(", ")}?` : ""}`);
      }
      const results = [];
      for (const file of files) {
        let text: string;
        try {
          text = file === STDIN || file === "-" ? await readStdin() : await readFile(file, "utf8");
        } catch (e) {
          return usage(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        }
        let value: unknown;
        try {
          value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        } catch (e) {
          results.push({ file, type, valid: false, errors: [{ pointer: "", code: "INPUT_NOT_JSON", message: `is not valid JSON: ${(e as Error).message}` }] });
          continue;
        }
        results.push({ file, type, ...validate(value, { strict: argv.strict }) });
      }
      if (argv.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      else {
        for (const r of results) {
          if (r.valid) process.stdout.write(`${r.file}: valid ${r.type}${argv.strict ? " (strict)" : ""}\n`);
          else for (const e of r.errors) process.stdout.write(`${r.file}: ${e.pointer || "/"}: ${e.message} [${e.code}]\n`);
          // Drift is shown whether or not the value is valid (strict mode reports it as errors).
          for (const d of "drift" in r ? r.drift : []) {
            const what = d.kind === "unknown-value" ? `unknown value ${JSON.stringify(d.value)}` : "member no schema declares";
            process.stdout.write(`${r.file}: ${d.pointer || "/"}: drift: ${what}\n`);
          }
          if ("omitted" in r && r.omitted) process.stdout.write(`${r.file}: … and ${r.omitted} more errors\n`);
        }
      }
      return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalid;
    }),
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
