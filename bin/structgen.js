#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm install` through the prepare script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("structgen: dist/ is missing; run `npm install` (or `npm run build`) first.\n");
  process.exit(2);
}
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
// process.exit can cut off output still queued for a pipe; an empty write's callback runs after the rest.
await Promise.all([process.stdout, process.stderr].map((s) => new Promise((resolve) => s.write("", resolve))));
process.exit(code);
