// structgen's command line. Commands load their heavy modules (ts-morph, prettier, ajv) lazily.
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { checkCommand } from "./check.js";
import { generateCommand } from "./generate.js";
import { reconcileCommand } from "./reconcile.js";
import { EXIT } from "./print.js";
import { STDIN, validateCommand } from "./validate.js";

// yargs drops a lone "-", the usual name for standard input; pass it through as a token.
const args = hideBin(process.argv).map((a) => (a === "-" ? STDIN : a));

await yargs(args)
  .scriptName("structgen")
  .usage("$0 <command> [options]")
  .command(generateCommand)
  .command(checkCommand)
  .command(reconcileCommand)
  .command(validateCommand)
  .demandCommand(1, "Name a command.")
  .strict()
  .help()
  .alias("h", "help")
  .version()
  .epilogue("Exit codes: 0 ok, 1 invalid input or data, 2 usage error, 3 internal error (a bug: please report it).")
  .fail((msg, err) => {
    if (err) throw err;
    process.stderr.write(`structgen: ${msg}\nRun structgen --help for usage.\n`);
    process.exit(EXIT.usage);
  })
  .parseAsync();
