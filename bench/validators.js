// The generated validators against their peers, in one process (run after `npm run build`):
// AdminGetUserResponse valid, invalid and with 50 attributes; structgen's isX/validateX against
// ajv (defaults, allErrors), TypeBox compiled and the hand-written validator in hand-written.js.
// Interleaved rounds, the best of each; the figures are ratios (the machine is shared and noisy).
import { readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import * as hand from "./hand-written.js";
import { KNOWN_FORMATS } from "../dist/ir/formats.js";

const ROOT = new URL("../generated/cognito-idp/", import.meta.url);
const ours = await import(new URL("validators.js", ROOT).href);
const runtime = await import(new URL("runtime.js", ROOT).href);
const schema = JSON.parse(readFileSync(new URL("schema.json", ROOT), "utf8"));
const { default: AjvModule } = await import("ajv/dist/2020.js");
const Ajv2020 = AjvModule.default ?? AjvModule;
const { Type } = await import("@sinclair/typebox");
const { TypeCompiler } = await import("@sinclair/typebox/compiler");

function ajvWith(options) {
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: true, ...options });
  ajv.addVocabulary(["x-sensitive"]);
  ajv.addKeyword({
    keyword: "x-bigBounds",
    type: "string",
    schemaType: "object",
    validate: (b, s) => runtime.bigWithin(s, b),
  });
  for (const f of KNOWN_FORMATS) {
    ajv.addFormat(f, { type: "string", validate: () => true });
  }
  ajv.addSchema(schema);
  return ajv.getSchema(`${schema.$id}#/$defs/AdminGetUserResponse`);
}

// TypeBox: the same shape. TypeBox counts UTF-16 units and reads inherited members; its RegExp
// type keeps the `u` flag the patterns need.
const name = Type.RegExp(/^(?:[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+)$/u, { minLength: 1, maxLength: 32 });
const typebox = TypeCompiler.Compile(
  Type.Object({
    Username: Type.RegExp(/^(?:[\p{L}\p{M}\p{S}\p{N}\p{P}]+)$/u, { minLength: 1, maxLength: 128 }),
    UserAttributes: Type.Optional(
      Type.Array(Type.Object({ Name: name, Value: Type.Optional(Type.String({ maxLength: 2048 })) })),
    ),
    UserCreateDate: Type.Optional(Type.Number()),
    UserLastModifiedDate: Type.Optional(Type.Number()),
    Enabled: Type.Optional(Type.Boolean()),
    UserStatus: Type.Optional(Type.String()),
    MFAOptions: Type.Optional(
      Type.Array(Type.Object({ DeliveryMedium: Type.Optional(Type.String()), AttributeName: Type.Optional(name) })),
    ),
    PreferredMfaSetting: Type.Optional(Type.String({ maxLength: 131072 })),
    UserMFASettingList: Type.Optional(Type.Array(Type.String())),
  }),
);

const good = JSON.parse(
  JSON.stringify({
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
  }),
);
const bad = JSON.parse(JSON.stringify({ ...good, Username: "", UserStatus: 7, UserAttributes: [{ Value: 1 }] }));
const wide = JSON.parse(
  JSON.stringify({
    ...good,
    UserAttributes: Array.from({ length: 50 }, (_, i) => ({
      Name: `custom:attribute_${i}`,
      Value: `value number ${i} ✓`,
    })),
  }),
);

for (const [label, v, expected] of [
  ["valid", good, true],
  ["invalid", bad, false],
  ["50 attributes", wide, true],
]) {
  const checks = [
    ours.isAdminGetUserResponse(v),
    ours.validateAdminGetUserResponse(v).valid,
    hand.isAdminGetUserResponse(v),
    hand.validateAdminGetUserResponse(v).valid,
  ];
  if (checks.some((c) => c !== expected)) throw new Error(`bench: the ${label} value is judged wrongly: ${checks}`);
}

/**
 * Best ops/s per case over interleaved rounds (each round runs every case once). On a shared,
 * noisy machine interference only ever slows a round down, so the best round is the steadiest.
 */
function compare(cases, { rounds = 15, ms = 30 } = {}) {
  const out = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const fn of Object.values(cases)) for (let i = 0; i < 5000; i++) fn();
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of Object.entries(cases)) {
      let n = 0;
      const start = performance.now();
      let now = start;
      while (now - start < ms) {
        for (let i = 0; i < 100; i++) fn();
        n += 100;
        now = performance.now();
      }
      out[k].push(n / ((now - start) / 1000));
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, a]) => [k, Math.max(...a)]));
}

const ajvDefault = ajvWith({});
const ajvAll = ajvWith({ allErrors: true });
const fmt = (x) => Math.round(x).toLocaleString("en-US");
const ratio = (a, b) => (a / b).toFixed(2);
const rows = [];
const bars = [];
// Bound once, as a named import binds them (a namespace lookup among 1,500 exports is no one's use).
const { isAdminGetUserResponse: isX, validateAdminGetUserResponse: validateX } = ours;
const { isAdminGetUserResponse: handIs, validateAdminGetUserResponse: handValidate } = hand;
for (const [label, v] of [
  ["valid", good],
  ["invalid", bad],
  ["50 attributes", wide],
]) {
  const r = compare({
    is: () => isX(v),
    validate: () => validateX(v),
    handIs: () => handIs(v),
    handValidate: () => handValidate(v),
    typebox: () => typebox.Check(v),
    ajv: () => ajvDefault(v),
    ajvAll: () => ajvAll(v),
  });
  rows.push({
    case: label,
    "isX ops/s": fmt(r.is),
    "validateX ops/s": fmt(r.validate),
    "isX ÷ TypeBox": ratio(r.is, r.typebox),
    "isX ÷ hand is": ratio(r.is, r.handIs),
    "validateX ÷ hand validate": ratio(r.validate, r.handValidate),
    "isX ÷ ajv": ratio(r.is, r.ajv),
    "validateX ÷ ajv allErrors": ratio(r.validate, r.ajvAll),
  });
  if (label === "valid")
    bars.push(
      ["valid isX ≥ 1.0× TypeBox", r.is / r.typebox, 1],
      ["valid isX ≥ 0.8× hand-written", r.is / r.handIs, 0.8],
      ["valid validateX ≥ 0.8× hand-written", r.validate / r.handValidate, 0.8],
    );
  if (label === "invalid")
    bars.push(
      ["invalid isX ≥ 1.0× hand-written", r.is / r.handIs, 1],
      ["invalid validateX ≥ 0.5× hand-written", r.validate / r.handValidate, 0.5],
    );
}
console.log(
  "Validators: AdminGetUserResponse, best of interleaved rounds (structgen validateX includes drift and messages)",
);
console.table(rows);
for (const [bar, got, want] of bars) console.log(`${got >= want ? "meets" : "MISSES"} ${bar}: ${got.toFixed(2)}×`);
const size = (f) => statSync(new URL(f, ROOT)).size;
console.log(
  `validator code for the bundled corpus: validators.js ${fmt(size("validators.js"))} B + runtime.js ${fmt(size("runtime.js"))} B`,
);
