// Validators emitter: ajv compiles the JSON Schema at generation time; the standalone code,
// our runtime and a typed wrapper per type become one dependency-free ESM module.
import standaloneModule from "ajv/dist/standalone/index.js";
import { readFileSync } from "node:fs";
import type { Model } from "../../ir/model.js";
import type { Emitter, OutputFile } from "../files.js";
import { schemaId, toJsonSchema } from "../json-schema/index.js";
import { createAjv, FORMATS, forAjv } from "./ajv.js";
import { declarations } from "./declarations.js";
import { shapesOf } from "./shapes.js";
import { fastPathSource } from "./fast.js";
import { compileOrder } from "./order.js";
import { diagnostic, StructgenError } from "../../diagnostics/diagnostic.js";
import { jsonStringEscapes, stringLiteral } from "../quote.js";

const standaloneCode = standaloneModule.default ?? standaloneModule;

/** ajv's runtime helpers that standalone code still `require`s (ajv#2598), by our runtime name. */
const RUNTIME_REQUIRES: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': "ucs2length",
  'require("ajv/dist/runtime/equal").default': "equal",
};

let runtimeText: string | undefined;

/** The runtime's source, without `export`, to inline (the build copies runtime.js beside this file). */
export function runtimeSource(): string {
  runtimeText ??= readFileSync(new URL("./runtime.js", import.meta.url), "utf8");
  return runtimeText.replace(/^export /gm, "");
}

export function validatorsSource(model: Model): string {
  const ajv = createAjv();
  ajv.addSchema(forAjv(toJsonSchema(model)));
  const id = schemaId(model);
  const refs: Record<string, string> = {};
  const order = compileOrder(model);
  for (const name of order.names) refs[`check_${name}`] = `${id}#/$defs/${name}`;
  let code: string;
  try {
    code = model.types.length > 0 ? standaloneCode(ajv, refs) : "";
  } catch (e) {
    // A cycle of references hundreds of types long still nests every compile: say so, with a code.
    if (!(e instanceof RangeError)) throw e;
    throw new StructgenError([diagnostic("EMIT_VALIDATOR_FAILED", { name: model.name, reason: `${e.message} (references nest ${order.nesting} types deep)` })]);
  }
  code = code.replace(/require\("[^"]*"\)(?:\.default)?/g, (m) => {
    const name = RUNTIME_REQUIRES[m];
    if (!name) throw new Error(`EMIT_VALIDATOR_FAILED: standalone code needs an unknown runtime helper: ${m}`);
    return name;
  });
  code = code.replace(/^"use strict";/, "").replace(/export const check_/g, "const check_");
  // ajv writes schema text only as JSON string literals, where the JSON escapes mean the same.
  code = jsonStringEscapes(code);
  const formats = Object.entries(FORMATS)
    .map(([name, [fn]]) => `${JSON.stringify(name)}: { validate: ${fn} }`)
    .join(", ");
  const wrappers = model.types.map(
    (t) =>
      `export function validate${t.name}(value, options) { return fast(q_${t.name}, value) ? { valid: true, errors: [], drift: [] } : validateWith(check_${t.name}, shapes, ${JSON.stringify(t.name)}, value, !!(options && options.strict)); }\n` +
      `export function is${t.name}(value) { return fast(q_${t.name}, value) || isValid(check_${t.name}, value); }\n` +
      `export function assert${t.name}(value) { assertValid(check_${t.name}, value, ${JSON.stringify(t.name)}); }`,
  );
  const table = model.types.map((t) => `${JSON.stringify(t.name)}: validate${t.name}`).join(",\n");
  const roots = model.types.filter((t) => t.root && t.role === "shape").map((t) => JSON.stringify(t.name));
  return [
    runtimeSource(),
    `const formats = { ${formats} };`,
    // JSON.parse keeps a member named "__proto__" an ordinary key, unlike an object literal.
    `const shapes = JSON.parse(${stringLiteral(JSON.stringify(shapesOf(model)))});`,
    code,
    fastPathSource(model),
    ...wrappers,
    `/** Every validate function by type name. */\nexport const validators = Object.freeze({ __proto__: null, ${table} });`,
    `/** The root types of the corpus (documents' own types, not error shapes). */\nexport const rootTypes = Object.freeze([${roots.join(", ")}]);`,
    `export { ValidationError, sdkToWire };`,
  ].join("\n\n");
}

export const emitValidators: Emitter = (model): OutputFile[] => [
  { path: "validators.js", kind: "js", content: validatorsSource(model) },
  { path: "validators.d.ts", kind: "ts", content: declarations(model) },
];
