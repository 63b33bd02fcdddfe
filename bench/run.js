// npm run bench: structgen against peers, in one process, reported as ratios (never asserted).
//   validators: generated standalone module vs ajv compiled in-process (defaults, and allErrors)
//   types:      structgen's TypeScript emitter vs json-schema-to-typescript on the same corpus
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const validators = await import("../generated/cognito-idp/validators.js");
const schema = JSON.parse(readFileSync(new URL("../generated/cognito-idp/schema.json", import.meta.url), "utf8"));
const { default: AjvModule } = await import("ajv/dist/2020.js");
const runtime = await import("../dist/emit/validators/runtime.js");
const Ajv2020 = AjvModule.default ?? AjvModule;

function ajvWith(options) {
  const ajv = new Ajv2020({ strict: false, ...options });
  for (const [name, fn] of Object.entries({ "date-time": runtime.isDateTime, date: runtime.isDate, time: runtime.isTime, duration: runtime.isDuration, uuid: runtime.isUuid, "uri-reference": runtime.isUriReference, "json-pointer": runtime.isJsonPointer })) {
    ajv.addFormat(name, { type: "string", validate: fn });
  }
  ajv.addVocabulary(["x-sensitive"]);
  ajv.addSchema(schema);
  return (name) => ajv.getSchema(`${schema.$id}#/$defs/${name}`);
}

const good = {
  Username: "alice",
  UserAttributes: [
    { Name: "sub", Value: "02cfce4c-4a43-4335-9a38-d2394fd2f642" },
    { Name: "email", Value: "alice@example.com" },
    { Name: "custom:tier", Value: "gold" },
  ],
  UserCreateDate: 1795420941.5,
  UserLastModifiedDate: 1795420941,
  Enabled: true,
  UserStatus: "CONFIRMED",
  UserMFASettingList: ["SMS_MFA"],
  PreferredMfaSetting: "SMS_MFA",
};
const bad = { ...good, Username: "", UserStatus: 7, UserAttributes: [{ Value: 1 }] };

function measure(fn, ms = 400) {
  for (let i = 0; i < 2000; i++) fn();
  let n = 0;
  const end = performance.now() + ms;
  const start = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
  }
  return n / ((performance.now() - start) / 1000);
}

const fmt = (x) => `${Math.round(x).toLocaleString("en-US")} ops/s`;
const rows = [];
const ajvDefault = ajvWith({})("AdminGetUserResponse");
const ajvAll = ajvWith({ allErrors: true })("AdminGetUserResponse");
for (const [label, value] of [["valid response", good], ["invalid response", bad]]) {
  const ours = measure(() => validators.validateAdminGetUserResponse(value));
  const oursStrict = measure(() => validators.validateAdminGetUserResponse(value, { strict: true }));
  const a = measure(() => ajvDefault(value));
  const b = measure(() => ajvAll(value));
  rows.push([label, fmt(ours), fmt(oursStrict), fmt(a), fmt(b), (ours / a).toFixed(2), (ours / b).toFixed(2)]);
}
console.log("Validators: AdminGetUserResponse (structgen includes drift detection and result objects)");
console.table(rows.map(([case_, s, ss, a, b, ra, rb]) => ({ case: case_, structgen: s, "structgen strict": ss, "ajv default": a, "ajv allErrors": b, "× ajv default": ra, "× ajv allErrors": rb })));

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
