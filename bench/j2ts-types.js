// The yardstick for `generate`: json-schema-to-typescript turning structgen's JSON Schema for the
// bundled corpus into TypeScript types only, formatted with prettier (its default), written to a file.
//   node bench/j2ts-types.js SCHEMA_JSON OUT_TS
import { readFileSync, writeFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";

const [schemaFile, outFile] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
const names = Object.keys(schema.$defs);
const root = {
  ...schema,
  title: "Root",
  type: "object",
  properties: Object.fromEntries(names.map((k) => [k, { $ref: `#/$defs/${k}` }])),
};
writeFileSync(outFile, await compile(root, "Root", { additionalProperties: false }));
