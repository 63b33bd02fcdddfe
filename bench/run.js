// npm run bench: structgen against peers, in one process, reported as ratios (never asserted).
//   validators: bench/validators.js (ajv defaults and allErrors, TypeBox, the hand-written peer)
//   types:      structgen's TypeScript emitter vs json-schema-to-typescript on the same corpus
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const schema = JSON.parse(readFileSync(new URL("../generated/cognito-idp/schema.json", import.meta.url), "utf8"));

// Validators: structgen's against ajv, TypeBox and a hand-written peer (bench/validators.js).
await import("./validators.js");

// Types: our emitter (ts-morph) vs json-schema-to-typescript over the whole corpus.
const [{ buildModel, discoverCorpora }, { emitTypeScript }, { compile }] = await Promise.all([
  import("../dist/index.js"),
  import("../dist/emit/typescript/index.js"),
  import("json-schema-to-typescript"),
]);
const [corpus] = await discoverCorpora("schemas");
const model = await buildModel(corpus);
let t = performance.now();
emitTypeScript(model);
const oursMs = performance.now() - t;
t = performance.now();
await compile({ ...schema, $defs: schema.$defs, title: "Root", type: "object", properties: Object.fromEntries(Object.keys(schema.$defs).map((k) => [k, { $ref: `#/$defs/${k}` }])) }, "Root", { bannerComment: "", format: false, additionalProperties: false, strictIndexSignatures: true });
const peerMs = performance.now() - t;
console.log(`\nTypes for ${model.types.length} named types (4 views for structgen, 1 for json-schema-to-typescript, unformatted):`);
console.table([{ structgen: `${oursMs.toFixed(0)} ms`, "json-schema-to-typescript": `${peerMs.toFixed(0)} ms`, ratio: (peerMs / oursMs).toFixed(2) }]);
