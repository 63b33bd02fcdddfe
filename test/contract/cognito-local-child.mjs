// Runs cognito-local in this process and exits when the parent goes away (its stdin closes),
// so a killed or crashed test run never leaves a server behind.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
const require = createRequire(import.meta.url);
await import(pathToFileURL(require.resolve("cognito-local/lib/bin/start.js")).href);
