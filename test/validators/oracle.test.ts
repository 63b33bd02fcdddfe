// ajv as an oracle: the committed schema.json compiled in-process must agree with the committed
// standalone validators (validity and the set of error pointers) on every value we try.
import Ajv2020Module from "ajv/dist/2020.js";
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import * as runtime from "../../generator/emit/validators/runtime.js";
import * as generated from "../../generated/cognito-idp/validators.js";

type Validate = (
  value: unknown,
  options?: { strict?: boolean },
) => { valid: boolean; errors: { pointer: string; code: string; message: string }[]; drift: { pointer: string }[] };
interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}
type AjvCheck = ((value: unknown) => boolean) & { errors?: AjvError[] | null };

// Under NodeNext the CommonJS default export arrives as `.default` (see generator/emit/validators/ajv.ts).
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const schema = JSON.parse(readFileSync(new URL("../../generated/cognito-idp/schema.json", import.meta.url), "utf8")) as {
  $id: string;
  $defs: Record<string, unknown>;
};
const FIXTURES = new URL("../fixtures/validators/", import.meta.url);

/** The same format functions the generated module inlines, registered as ajv.ts registers them. */
const FORMATS: Record<string, (s: string) => boolean> = {
  "date-time": runtime.isDateTime,
  date: runtime.isDate,
  time: runtime.isTime,
  duration: runtime.isDuration,
  uuid: runtime.isUuid,
  "uri-reference": runtime.isUriReference,
  "json-pointer": runtime.isJsonPointer,
};

let ajv: InstanceType<typeof Ajv2020>;
beforeAll(() => {
  ajv = new Ajv2020({ allErrors: true, strictTypes: false, unicodeRegExp: true });
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: "string", validate });
  ajv.addVocabulary(["x-sensitive"]);
  ajv.addSchema(schema);
});

const token = (s: unknown) => String(s).replace(/~/g, "~0").replace(/\//g, "~1");

/** Where each ajv error points, computed here (independently of the runtime's toIssues). */
function oraclePointers(errors: AjvError[]): string[] {
  return [
    ...new Set(
      errors.map((e) =>
        e.keyword === "required"
          ? `${e.instancePath}/${token(e.params["missingProperty"])}`
          : e.keyword === "additionalProperties"
            ? `${e.instancePath}/${token(e.params["additionalProperty"])}`
            : e.instancePath,
      ),
    ),
  ].sort();
}

function oracle(type: string, value: unknown): { valid: boolean; pointers: string[] } {
  const check = ajv.getSchema(`${schema.$id}#/$defs/${type}`) as AjvCheck | undefined;
  if (!check) throw new Error(`ajv has no schema for ${type}`);
  const valid = check(value) === true;
  return { valid, pointers: valid ? [] : oraclePointers(check.errors ?? []) };
}

function ours(type: string, value: unknown): { valid: boolean; pointers: string[] } {
  const validate = (generated.validators as Record<string, Validate>)[type];
  if (!validate) throw new Error(`no generated validator for ${type}`);
  const r = validate(value);
  return { valid: r.valid, pointers: [...new Set(r.errors.map((e) => e.pointer))].sort() };
}

function agree(type: string, value: unknown, label: string): { valid: boolean; pointers: string[] } {
  const expected = oracle(type, value);
  const actual = ours(type, value);
  expect(actual, `${type}: ${label}`).toEqual(expected);
  return actual;
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
    expect(fixtures.map((f) => f.type).sort()).toEqual(
      ["AdminGetUserResponse", "AttributeMappingType", "AttributeType", "DateType", "GetUserResponse", "UserPoolMfaType", "UserStatusType"],
    );
    for (const f of fixtures) {
      expect(f.cases.some((c) => c.valid), f.type).toBe(true);
      expect(f.cases.some((c) => !c.valid), f.type).toBe(true);
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
      const drift = c.valid ? validate(c.value).drift.map((d) => d.pointer).sort() : [];
      expect(drift, `${f.type}: ${name}: drift`).toEqual([...(c.drift ?? [])].sort());
      const strict = validate(c.value, { strict: true });
      expect(strict.valid, `${f.type}: ${name}: strict`).toBe(c.valid && drift.length === 0);
      if (c.valid && drift.length > 0) expect([...new Set(strict.errors.map((e) => e.pointer))].sort()).toEqual(drift);
    });
  }
});

describe("oracle agreement on hand-picked values", () => {
  it("pins the pointers of a value with many problems", () => {
    const value = { Username: 1, UserAttributes: [null, { Name: "" }, "x", { Value: 2 }], Enabled: null, UserStatus: 3 };
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
    const types = Object.keys(schema.$defs);
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
