// ajv as an oracle (test/helpers/ajv-oracle.ts) for the committed generated/cognito-idp validators:
// ajv on the emitted JSON Schema must give the same verdict and the same (pointer, code) pairs on
// every value tried here (differential.test.ts draws many more).
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import * as generated from "../../generated/cognito-idp/validators.js";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";
import { Oracle, verdictOf } from "../helpers/ajv-oracle.js";

type Validate = (
  value: unknown,
  options?: { strict?: boolean; maxErrors?: number },
) => { valid: boolean; errors: { pointer: string; code: string; message: string }[]; drift: { pointer: string }[] };

const FIXTURES = new URL("../fixtures/validators/", import.meta.url);

let oracle: Oracle;
let types: string[];
beforeAll(async () => {
  const [corpus] = await discoverCorpora("schemas");
  const model = await buildModel(corpus!);
  oracle = new Oracle(model);
  types = model.types.map((t) => t.name);
}, 120_000);

function ours(type: string, value: unknown): { valid: boolean; issues: string[] } {
  const validate = (generated.validators as Record<string, Validate>)[type];
  if (!validate) throw new Error(`no generated validator for ${type}`);
  return verdictOf(validate(value, { maxErrors: Infinity }));
}

function agree(type: string, value: unknown, label: string): { valid: boolean; pointers: string[] } {
  const actual = ours(type, value);
  expect(actual, `${type}: ${label}`).toEqual(oracle.check(type, value));
  return {
    valid: actual.valid,
    pointers: [...new Set(actual.issues.map((i) => i.slice(0, i.lastIndexOf(" "))))].sort(),
  };
}

interface Fixture {
  type: string;
  /** `drift`: where the generated validator reports an unknown value or member (default: nowhere). */
  cases: { name: string; valid: boolean; value: unknown; drift?: string[] }[];
}
const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, FIXTURES), "utf8")) as Fixture);

describe("oracle agreement on the data-driven fixtures", () => {
  it("has fixtures for the types this suite promises", () => {
    expect(fixtures.map((f) => f.type).sort()).toEqual([
      "AdminGetUserResponse",
      "AttributeMappingType",
      "AttributeType",
      "DateType",
      "GetUserResponse",
      "UserPoolMfaType",
      "UserStatusType",
    ]);
    for (const f of fixtures) {
      expect(
        f.cases.some((c) => c.valid),
        f.type,
      ).toBe(true);
      expect(
        f.cases.some((c) => !c.valid),
        f.type,
      ).toBe(true);
    }
  });

  for (const f of fixtures) {
    it.each(f.cases.map((c) => [c.name, c] as const))(`${f.type}: %s`, (name, c) => {
      const r = agree(f.type, c.value, name);
      // Agreement alone could hide a shared mistake: each case also states its expected outcome.
      expect(r.valid, `${f.type}: ${name}`).toBe(c.valid);
      if (!c.valid) expect(r.pointers.length).toBeGreaterThan(0);
      // Drift is ours alone (ajv has no notion of it); strict mode turns it into errors.
      const validate = (generated.validators as Record<string, Validate>)[f.type]!;
      const drift = c.valid
        ? validate(c.value)
            .drift.map((d) => d.pointer)
            .sort()
        : [];
      expect(drift, `${f.type}: ${name}: drift`).toEqual([...(c.drift ?? [])].sort());
      const strict = validate(c.value, { strict: true });
      expect(strict.valid, `${f.type}: ${name}: strict`).toBe(c.valid && drift.length === 0);
      if (c.valid && drift.length > 0) expect([...new Set(strict.errors.map((e) => e.pointer))].sort()).toEqual(drift);
    });
  }
});

describe("oracle agreement on hand-picked values", () => {
  it("pins the pointers of a value with many problems", () => {
    const value = {
      Username: 1,
      UserAttributes: [null, { Name: "" }, "x", { Value: 2 }],
      Enabled: null,
      UserStatus: 3,
    };
    const r = agree("AdminGetUserResponse", value, "many problems");
    expect(r.pointers).toEqual([
      "/Enabled",
      "/UserAttributes/0",
      "/UserAttributes/1/Name",
      "/UserAttributes/2",
      "/UserAttributes/3/Name",
      "/UserAttributes/3/Value",
      "/UserStatus",
      "/Username",
    ]);
  });

  it("agrees on code-point lengths and lone surrogates", () => {
    for (const [label, s] of [
      ["128 emoji", "😀".repeat(128)],
      ["129 emoji", "😀".repeat(129)],
      ["127 emoji and a lone high surrogate", `${"😀".repeat(127)}\uD83D`],
      ["a lone low surrogate", "\uDE00"],
      ["combining marks", "e\u0301".repeat(64)],
    ] as const) {
      agree("UsernameType", s, label);
      agree("AdminGetUserResponse", { Username: s }, label);
    }
  });

  it("agrees on every type for a spread of generic values", () => {
    const values: [string, unknown][] = [
      ["null", null],
      ["true", true],
      ["zero", 0],
      ["a fraction", 1.5],
      ["a negative integer", -1],
      ["2^31", 2 ** 31],
      ["empty string", ""],
      ["a word", "x"],
      ["a date-time", "2024-05-01T12:34:56Z"],
      ["empty array", []],
      ["array of strings", ["a", "b"]],
      ["array of empty objects", [{}, {}]],
      ["empty object", {}],
      ["object with a string", { a: "b" }],
      ["object with a Name", { Name: "n", Value: "v", Username: "u" }],
    ];
    // At least one per schema file; reconciliation may add types only the other sources know.
    expect(types.length).toBeGreaterThanOrEqual(465);
    expect(Object.keys(generated.validators).sort()).toEqual([...types].sort());
    let valid = 0;
    let invalid = 0;
    for (const t of types) {
      for (const [label, value] of values) {
        if (agree(t, value, label).valid) valid++;
        else invalid++;
      }
    }
    // Both outcomes are exercised, so agreement is not vacuous.
    expect(valid).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(100);
  });
});
