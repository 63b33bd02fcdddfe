import { KNOWN_FORMATS } from "../../generator/ir/formats.js";
import { FORMATS } from "../helpers/runtime.js";
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { emitJsonSchema, toJsonSchema } from "../../generator/emit/json-schema/index.js";
import { bannerText } from "../../generator/emit/banner.js";
import type { Model } from "../../generator/ir/model.js";
import { arr, enm, map, member, model, named, obj, prim, ref, set, union } from "../helpers/ir.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
type Schema = Record<string, any>;

/** ajv 2020-12 in strict mode, with structgen's own format checks and keyword. */
function compile(schema: Schema, typeName: string) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true, unicodeRegExp: true });
  for (const f of KNOWN_FORMATS) ajv.addFormat(f, FORMATS[f]?.[1] ?? (() => true));
  ajv.addVocabulary(["x-sensitive"]);
  ajv.addSchema(schema);
  const validate = ajv.getSchema(`${schema["$id"]}#/$defs/${typeName}`);
  if (!validate) throw new Error(`no $defs/${typeName}`);
  return validate;
}

/** Every value at a key anywhere in a JSON tree. */
function collect(v: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => collect(x, key, out));
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (k === key) out.push(x);
      collect(x, key, out);
    }
  }
  return out;
}

const shop: Model = model("shop", [
  named(
    "Order",
    obj(
      [
        member("id", prim("string", { pattern: { source: "[a-z]+|[0-9]+", unicode: false }, minLength: 2 }), true, {
          doc: "The <code>id</code>.",
        }),
        member("customer", ref("Customer"), true),
        member("billing", ref("Customer")),
        member("lines", arr(ref("Line"), { minItems: 1 }), true),
        member("tags", set(prim("string"))),
        member("attributes", map(ref("Customer"))),
        member("placed", prim("datetime")),
        member("priority", prim("int8")),
        member("big", prim("int64")),
        member("status", ref("Status")),
        member("password", prim("string"), false, { sensitive: true, deprecated: "" }),
        member("__proto__", prim("boolean")),
      ],
      false,
    ),
    { root: true, doc: "An order." },
  ),
  named("Customer", obj([member("name", prim("string"), true), member("friends", arr(ref("Customer")))])),
  named(
    "Line",
    obj([member("sku", ref("Sku"), true), member("qty", prim("uint16", { minimum: 1, maximum: 100000 }), true)]),
  ),
  named("Sku", prim("string", { pattern: { source: "\\p{Lu}{3}", unicode: true } })),
  named("Status", enm(["shipped", "new", "Cancelled"])),
  named("Anything", union(ref("Customer"), prim("null"))),
  named("Failure", obj([member("message", prim("string"))]), { role: "error" }),
]);

describe("toJsonSchema", () => {
  const schema = toJsonSchema(shop) as Schema;
  const defs = schema["$defs"] as Schema;

  it("is a 2020-12 document with one $defs entry per named type", () => {
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe("urn:structgen:shop");
    expect(Object.keys(defs).sort()).toEqual(shop.types.map((t) => t.name).sort());
    expect(defs["Failure"]["title"]).toBe("Failure (error)");
    expect(defs["Customer"]["title"]).toBe("Customer");
  });

  it("keeps references as $ref to $defs: never inlined, no invented names", () => {
    const refs = collect(schema, "$ref");
    expect(refs.length).toBeGreaterThanOrEqual(8);
    for (const r of refs) expect(Object.keys(defs).map((n) => `#/$defs/${n}`)).toContain(r);
    const props = defs["Order"]["properties"];
    expect(props["customer"]).toEqual({ $ref: "#/$defs/Customer" });
    expect(props["billing"]).toEqual({ $ref: "#/$defs/Customer" });
    expect(props["lines"]).toEqual({ type: "array", items: { $ref: "#/$defs/Line" }, minItems: 1 });
    expect(defs["Customer"]["properties"]["friends"]).toEqual({ type: "array", items: { $ref: "#/$defs/Customer" } });
    // Nothing nested defines its own types, and no Customer1/Customer2 style names appear.
    expect(collect(defs, "$defs")).toEqual([]);
    expect(collect(defs, "definitions")).toEqual([]);
    expect(JSON.stringify(schema)).not.toMatch(/Customer\d|Line\d/);
  });

  it("anchors patterns as ^(?:…)$", () => {
    expect(defs["Order"]["properties"]["id"]).toEqual({
      type: "string",
      minLength: 2,
      pattern: "^(?:[a-z]+|[0-9]+)$",
      description: "The `id`.",
    });
    expect(defs["Sku"]["pattern"]).toBe("^(?:\\p{Lu}{3})$");
  });

  it("gives sized integers their range, clamped by the schema's own bounds", () => {
    expect(defs["Order"]["properties"]["priority"]).toEqual({ type: "integer", minimum: -128, maximum: 127 });
    expect(defs["Line"]["properties"]["qty"]).toEqual({ type: "integer", minimum: 1, maximum: 65535 });
    // A decimal string, range-checked by the int64 format (BigInt) in the validators.
    expect(defs["Order"]["properties"]["big"]).toEqual({ type: "string", format: "int64" });
  });

  it("maps datetime to format date-time, map to additionalProperties, set to uniqueItems", () => {
    const props = defs["Order"]["properties"];
    expect(props["placed"]).toEqual({ type: "string", format: "date-time" });
    expect(props["attributes"]).toEqual({ type: "object", additionalProperties: { $ref: "#/$defs/Customer" } });
    expect(props["tags"]).toEqual({ type: "array", items: { type: "string" }, uniqueItems: true });
  });

  it("writes required, closed objects, enums sorted, unions, sensitivity and deprecation", () => {
    const order = defs["Order"];
    expect(order["required"]).toEqual(["id", "customer", "lines"]);
    expect(order["additionalProperties"]).toBe(false);
    expect(defs["Customer"]["additionalProperties"]).toBeUndefined();
    expect(order["description"]).toBe("An order.");
    expect(defs["Status"]["enum"]).toEqual(["Cancelled", "new", "shipped"]);
    expect(defs["Anything"]["anyOf"]).toEqual([{ $ref: "#/$defs/Customer" }, { type: "null" }]);
    expect(order["properties"]["password"]).toEqual({ type: "string", deprecated: true, "x-sensitive": true });
  });

  it("keeps a member named __proto__ as a property", () => {
    const props = defs["Order"]["properties"];
    expect(Object.prototype.hasOwnProperty.call(props, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(schema))["$defs"]["Order"]["properties"]["__proto__"]).toEqual({
      type: "boolean",
    });
  });

  it("emitJsonSchema writes the same document as schema.json, final, the banner as its first member", () => {
    const [file, ...rest] = emitJsonSchema(shop);
    expect(rest).toEqual([]);
    expect(file!.path).toBe("schema.json");
    expect(file!.kind).toBe("json");
    expect(file!.final).toBe(true);
    const { $comment, ...doc } = JSON.parse(file!.content) as Record<string, unknown>;
    expect(Object.keys(JSON.parse(file!.content) as object)[0]).toBe("$comment");
    expect($comment).toBe(bannerText(shop.name));
    expect(doc).toEqual(JSON.parse(JSON.stringify(schema)));
    expect(file!.content.endsWith("}\n")).toBe(true);
  });
});

describe("toJsonSchema compiled with ajv 2020", () => {
  const schema = JSON.parse(JSON.stringify(toJsonSchema(shop))) as Schema;
  const order = compile(schema, "Order");
  const good = {
    id: "abc",
    customer: { name: "Ann", friends: [{ name: "Bob" }] },
    lines: [{ sku: "ÄBC", qty: 3 }],
    tags: ["a", "b"],
    attributes: { x: { name: "Cy" } },
    placed: "2024-01-01T00:00:00Z",
    priority: -128,
    big: "-9007199254740993",
    status: "new",
  };
  const errors = (v: unknown): string[] =>
    order(v) ? [] : (order.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);

  it("accepts a valid instance", () => {
    expect(errors(good)).toEqual([]);
  });

  it.each([
    ["a pattern that only matches part of the value", { id: "abc123" }, "/id pattern"],
    ["an int8 above its range", { priority: 128 }, "/priority maximum"],
    ["an int8 below its range", { priority: -129 }, "/priority minimum"],
    ["a uint16 above the declared maximum clamp", { lines: [{ sku: "ABC", qty: 65536 }] }, "/lines/0/qty maximum"],
    ["a repeated set member", { tags: ["a", "a"] }, "/tags uniqueItems"],
    ["a map value of the wrong shape", { attributes: { x: { nope: 1 } } }, "/attributes/x required"],
    ["a member the closed object does not declare", { extra: 1 }, " additionalProperties"],
    ["a value outside the enum", { status: "lost" }, "/status enum"],
    ["an int64 that is not a decimal string", { big: "1e3" }, "/big format"],
    ["an int64 out of range", { big: "9223372036854775808" }, "/big format"],
    ["a sku without the unicode class", { lines: [{ sku: "abc", qty: 1 }] }, "/lines/0/sku pattern"],
    [
      "a recursive ref deep down",
      { customer: { name: "A", friends: [{ friends: [] }] } },
      "/customer/friends/0 required",
    ],
  ])("rejects %s", (_, patch, error) => {
    expect(errors(good)).toEqual([]);
    expect(errors({ ...good, ...patch })).toContain(error);
  });

  it("compiles every $defs entry", () => {
    for (const t of shop.types) expect(typeof compile(schema, t.name)).toBe("function");
  });
});
