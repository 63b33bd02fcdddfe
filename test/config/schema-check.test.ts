// The config checker against ajv (the oracle): for the bundled config and for random mutations of
// it, the same errors at the same places. ajv is not loaded at run time; this test holds the small
// checker to what ajv would say about structgen.config.schema.json.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import Ajv2020Module from "ajv/dist/2020.js";
import { schemaErrors } from "../../generator/config/schema-check.js";

const ROOT = new URL("../../", import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, ROOT), "utf8")) as Record<string, unknown>;
const schema = read("structgen.config.schema.json");
const config = read("structgen.config.json");
const Ajv2020 = (Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module;
const oracle = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** Errors as a sorted list of "pointer keyword" (plus the offending name for propertyNames). */
const ours = (v: unknown) =>
  schemaErrors(schema, v)
    .filter((e) => e.propertyName === undefined)
    .map((e) => `${e.instancePath} ${e.keyword}`)
    .sort();
const theirs = (v: unknown) => {
  if (oracle(v)) return [];
  // ajv reports a propertyNames failure twice (the pattern, then propertyNames): compare the rest.
  return (oracle.errors ?? [])
    .filter((e) => e.keyword !== "propertyNames" && !(e as { propertyName?: string }).propertyName)
    .map((e) => `${e.instancePath} ${e.keyword}`)
    .sort();
};
const verdict = (v: unknown) => schemaErrors(schema, v).length === 0;

/** JSON values that stress each keyword: wrong types, odd strings, arrays with repeats. */
const leaf = fc.oneof(
  fc.constantFrom("", "x", "types", "js", "ts", "house", "prettier", "botocore", "aws-sdk", "Bad Id", "union"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    // Plain objects, as JSON.parse makes them (fast-check may give null-prototype ones).
    fc
      .dictionary(fc.constantFrom("id", "kind", "path", "x", "sources", "emit"), tie("value"), { maxKeys: 3 })
      .map((d) => ({ ...d })),
  ),
})).value;

/** Sets the member at a random path of a copy of the bundled config to a random value. */
function mutate(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    const next = at[k];
    if (next === null || typeof next !== "object") return copy;
    at = next as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
  return copy;
}
const paths = fc.constantFrom(
  ["schemas"],
  ["out"],
  ["emit"],
  ["emit", "0"],
  ["validators", "flavour"],
  ["format"],
  ["corpora", "cognito-idp", "sources"],
  ["corpora", "cognito-idp", "sources", "0", "id"],
  ["corpora", "cognito-idp", "sources", "0", "kind"],
  ["corpora", "cognito-idp", "policies", "enumMembers"],
  ["corpora", "cognito-idp", "overrides", "0", "fact"],
  ["corpora", "bad name!"],
  ["surprise"],
);

describe("structgen.config.json checker (ajv as the oracle)", () => {
  it("accepts the bundled config, as ajv does", () => {
    expect(oracle(config)).toBe(true);
    expect(schemaErrors(schema, config)).toEqual([]);
  });

  it("reports the same errors as ajv for random mutations of it", () => {
    fc.assert(
      fc.property(paths, json, (p, v) => {
        const m = mutate(config, p, v);
        expect(ours(m)).toEqual(theirs(m));
        expect(verdict(m)).toBe(oracle(m));
      }),
      { numRuns: 500 },
    );
  });

  it("a corpus name the pattern refuses is named in the error", () => {
    const errors = schemaErrors(schema, { corpora: { "bad name!": {} } });
    expect(errors.map((e) => [e.keyword, e.propertyName])).toEqual([["pattern", "bad name!"]]);
  });

  it("refuses a schema keyword it does not implement, rather than ignoring it", () => {
    expect(() => schemaErrors({ type: "object", maxProperties: 1 }, {})).toThrow(/maxProperties/);
  });
});
