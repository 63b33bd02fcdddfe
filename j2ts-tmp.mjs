import { readFileSync, writeFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";
const schema = JSON.parse(readFileSync("generated/cognito-idp/schema.json", "utf8"));
const root = { ...schema, title: "Root", type: "object", properties: Object.fromEntries(Object.keys(schema.$defs).map((k) => [k, { $ref: `#/$defs/${k}` }])) };
const ts = await compile(root, "Root", { additionalProperties: false });
writeFileSync("/tmp/j2ts-out.ts", ts);
