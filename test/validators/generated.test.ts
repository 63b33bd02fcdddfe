// The committed generated/cognito-idp/validators.js, used the way a consumer would use it.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as v from "../../generated/cognito-idp/validators.js";
import type { ValidationIssue, ValidationResult } from "../../generated/cognito-idp/validators.js";

const MODULE_URL = new URL("../../generated/cognito-idp/validators.js", import.meta.url);

/**
 * A realistic AdminGetUser response as the service sends it. Reconciliation with botocore made
 * DateType epoch seconds (the service's JSON timestamps), so dates are numbers, not RFC 3339 strings.
 */
const good = (): Record<string, unknown> => ({
  Username: "alice",
  UserAttributes: [
    { Name: "email", Value: "a@example.com" },
    { Name: "custom:tier", Value: "gold" },
  ],
  UserStatus: "CONFIRMED",
  Enabled: true,
  UserCreateDate: 1714566896.123,
  UserLastModifiedDate: 1714636800,
  PreferredMfaSetting: "SOFTWARE_TOKEN_MFA",
  UserMFASettingList: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"],
});

const pointers = (issues: { pointer: string }[]): string[] => issues.map((e) => e.pointer).sort();
const codesAt = (r: ValidationResult, pointer: string): string[] =>
  r.errors.filter((e) => e.pointer === pointer).map((e) => e.code);

function expectIssueShape(issues: ValidationIssue[]): void {
  for (const e of issues) {
    expect(Object.keys(e).sort()).toEqual(["code", "message", "pointer"]);
    expect(typeof e.pointer).toBe("string");
    // A JSON pointer: empty (the whole value) or slash-separated tokens.
    expect(e.pointer === "" || e.pointer.startsWith("/")).toBe(true);
    expect(e.code).toMatch(/^INSTANCE_[A-Z_]+$/);
    expect(e.message.length).toBeGreaterThan(0);
  }
}

function expectValid(r: ValidationResult): void {
  expect(r.errors).toEqual([]);
  expect(r.valid).toBe(true);
}

describe("generated validators: good values", () => {
  it("accepts a realistic AdminGetUserResponse with validate, is and assert, with no drift", () => {
    expect(v.validateAdminGetUserResponse(good())).toEqual({ valid: true, errors: [], drift: [] });
    expect(v.isAdminGetUserResponse(good())).toBe(true);
    expect(() => v.assertAdminGetUserResponse(good())).not.toThrow();
  });

  it("accepts the minimal response (only Username is required)", () => {
    expectValid(v.validateAdminGetUserResponse({ Username: "bob" }));
  });

  it("accepts the same value in strict mode when every member and value is known", () => {
    expectValid(v.validateAdminGetUserResponse(good(), { strict: true }));
  });

  it("accepts whitespace in attribute names, as the botocore pattern does", () => {
    expectValid(
      v.validateAdminGetUserResponse({ ...good(), UserAttributes: [{ Name: "a b" }, { Name: "tab\there" }] }),
    );
  });

  it("counts string length in code points: 128 emoji fit maxLength 128 although their UTF-16 length is 256", () => {
    const name = "😀".repeat(128);
    expect(name.length).toBe(256);
    expectValid(v.validateAdminGetUserResponse({ ...good(), Username: name }));
    expect(v.isUsernameType(name)).toBe(true);
    const tooLong = v.validateAdminGetUserResponse({ ...good(), Username: "😀".repeat(129) });
    expect(tooLong.valid).toBe(false);
    expect(codesAt(tooLong, "/Username")).toEqual(["INSTANCE_STRING_MAX_LENGTH"]);
  });

  it("exposes a table of every validator and the root types", () => {
    expect(v.validators["AdminGetUserResponse"]).toBe(v.validateAdminGetUserResponse);
    expect(v.validators["AdminGetUserResponse"]!(good()).valid).toBe(true);
    expect(Object.isFrozen(v.validators)).toBe(true);
    expect(v.rootTypes).toContain("AdminGetUserResponse");
    expect(v.rootTypes).toContain("GetUserResponse");
    // Error shapes are not documents' own types.
    expect(v.rootTypes).not.toContain("AliasExistsException");
    expect(Object.keys(v.validators)).toContain("AliasExistsException");
    // The table has no prototype: inherited names are not validators.
    expect(v.validators["constructor"]).toBeUndefined();
    expect(v.validators["toString"]).toBeUndefined();
  });
});

describe("generated validators: bad values", () => {
  it.each([
    ["a string", "alice"],
    ["a number", 42],
    ["a boolean", true],
    ["null", null],
    ["an array", [good()]],
  ])("rejects %s at the root with INSTANCE_OBJECT_EXPECTED", (_label, value) => {
    const r = v.validateAdminGetUserResponse(value);
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{ pointer: "", code: "INSTANCE_OBJECT_EXPECTED", message: expect.any(String) }]);
    expect(v.isAdminGetUserResponse(value)).toBe(false);
  });

  it("reports a missing required member at the member's pointer", () => {
    const { Username: _, ...rest } = good();
    const r = v.validateAdminGetUserResponse(rest);
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      { pointer: "/Username", code: "INSTANCE_REQUIRED_PROPERTY_MISSING", message: "is required" },
    ]);
  });

  it("reports wrong member types with a code per JSON type", () => {
    const r = v.validateAdminGetUserResponse({
      ...good(),
      Username: 7,
      Enabled: "yes",
      UserAttributes: {},
      UserCreateDate: "2024-05-01T12:34:56Z",
      UserStatus: 3,
    });
    expect(r.valid).toBe(false);
    expectIssueShape(r.errors);
    expect(codesAt(r, "/Username")).toContain("INSTANCE_STRING_EXPECTED");
    expect(codesAt(r, "/Enabled")).toEqual(["INSTANCE_BOOLEAN_EXPECTED"]);
    expect(codesAt(r, "/UserAttributes")).toEqual(["INSTANCE_ARRAY_EXPECTED"]);
    // Dates are epoch seconds on the wire; an RFC 3339 string is not one.
    expect(codesAt(r, "/UserCreateDate")).toEqual(["INSTANCE_NUMBER_EXPECTED"]);
    // An open enum still requires a string: one error, not one per anyOf branch.
    expect(codesAt(r, "/UserStatus")).toEqual(["INSTANCE_STRING_EXPECTED"]);
  });

  it("an unknown enum value is drift by default and INSTANCE_ENUM_MISMATCH in strict mode", () => {
    const value = { ...good(), UserStatus: "confirmed" };
    const loose = v.validateAdminGetUserResponse(value);
    expect(loose.valid).toBe(true);
    expect(loose.drift).toEqual([
      {
        pointer: "/UserStatus",
        kind: "unknown-value",
        value: "confirmed",
        known: expect.arrayContaining(["CONFIRMED", "EXTERNAL_PROVIDER"]),
      },
    ]);
    expect(v.isAdminGetUserResponse(value)).toBe(true);

    const strict = v.validateAdminGetUserResponse(value, { strict: true });
    expect(strict.valid).toBe(false);
    expect(strict.errors).toHaveLength(1);
    expect(strict.errors[0]!.pointer).toBe("/UserStatus");
    expect(strict.errors[0]!.code).toBe("INSTANCE_ENUM_MISMATCH");
    expect(strict.errors[0]!.message).toContain('"CONFIRMED"');
    expect(strict.errors[0]!.message).toContain('"FORCE_CHANGE_PASSWORD"');
  });

  it("reports drift in known-value lists inside arrays", () => {
    const r = v.validateAdminGetUserResponse({
      ...good(),
      UserMFASettingList: ["SMS_MFA", "WEBAUTHN"],
      PreferredMfaSetting: "WEBAUTHN",
    });
    expect(r.valid).toBe(true);
    expect(pointers(r.drift)).toEqual(["/PreferredMfaSetting", "/UserMFASettingList/1"]);
    expect(
      pointers(
        v.validateAdminGetUserResponse({ ...good(), UserMFASettingList: ["WEBAUTHN"] }, { strict: true }).errors,
      ),
    ).toEqual(["/UserMFASettingList/0"]);
  });

  it("rejects an empty Username by minLength", () => {
    const r = v.validateAdminGetUserResponse({ ...good(), Username: "" });
    expect(r.valid).toBe(false);
    expect(codesAt(r, "/Username")).toContain("INSTANCE_STRING_MIN_LENGTH");
  });

  it("rejects a 129-character Username by maxLength and accepts 128", () => {
    const r = v.validateAdminGetUserResponse({ ...good(), Username: "a".repeat(129) });
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      { pointer: "/Username", code: "INSTANCE_STRING_MAX_LENGTH", message: expect.stringContaining("128") },
    ]);
    expectValid(v.validateAdminGetUserResponse({ ...good(), Username: "a".repeat(128) }));
  });

  it("rejects a Username with a space: the pattern must match the entire value", () => {
    const r = v.validateAdminGetUserResponse({ ...good(), Username: "alice smith" });
    expect(r.errors).toEqual([
      { pointer: "/Username", code: "INSTANCE_STRING_PATTERN_MISMATCH", message: expect.any(String) },
    ]);
  });

  it("rejects an attribute Name that fails the pattern, with the item's pointer", () => {
    // None of \p{L}\p{M}\p{S}\p{N}\p{P}, tab, newline, return or space.
    for (const name of ["\u0000", "a\u0007b", "\u00a0", "x\u2028y"]) {
      const value = {
        ...good(),
        UserAttributes: [
          { Name: "email", Value: "x" },
          { Name: name, Value: "x" },
        ],
      };
      const r = v.validateAdminGetUserResponse(value);
      expect(r.valid, JSON.stringify(name)).toBe(false);
      expect(r.errors).toEqual([
        { pointer: "/UserAttributes/1/Name", code: "INSTANCE_STRING_PATTERN_MISMATCH", message: expect.any(String) },
      ]);
    }
  });

  it("reports every problem of a value, each at its own pointer", () => {
    const r = v.validateAdminGetUserResponse({
      UserAttributes: [{ Name: "x".repeat(33) }, { Name: "ok", Value: 5 }, { Value: "v" }],
      UserStatus: null,
      Enabled: 1,
    });
    expect(r.valid).toBe(false);
    expectIssueShape(r.errors);
    expect(pointers(r.errors)).toEqual([
      "/Enabled",
      "/UserAttributes/0/Name",
      "/UserAttributes/1/Value",
      "/UserAttributes/2/Name",
      "/UserStatus",
      "/Username",
    ]);
    expect(codesAt(r, "/UserAttributes/0/Name")).toEqual(["INSTANCE_STRING_MAX_LENGTH"]);
    expect(codesAt(r, "/UserAttributes/2/Name")).toEqual(["INSTANCE_REQUIRED_PROPERTY_MISSING"]);
    expect(codesAt(r, "/Username")).toEqual(["INSTANCE_REQUIRED_PROPERTY_MISSING"]);
    expect(codesAt(r, "/UserStatus")).toEqual(["INSTANCE_STRING_EXPECTED"]);
  });

  it("dates are finite numbers of epoch seconds", () => {
    for (const date of [0, 1714566896, 1714566896.123])
      expectValid(v.validateAdminGetUserResponse({ ...good(), UserCreateDate: date }));
    for (const date of ["2024-05-01T12:34:56Z", "1714566896", null, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = v.validateAdminGetUserResponse({ ...good(), UserCreateDate: date });
      expect(r.errors, String(date)).toEqual([
        { pointer: "/UserCreateDate", code: "INSTANCE_NUMBER_EXPECTED", message: expect.any(String) },
      ]);
    }
  });

  it("escapes map keys in pointers (RFC 6901)", () => {
    const r = v.validateAttributeMappingType({ "a/b~c": 1, ok: "fine" });
    expect(r.errors).toEqual([{ pointer: "/a~1b~0c", code: "INSTANCE_STRING_EXPECTED", message: expect.any(String) }]);
  });
});

describe("sdkToWire", () => {
  it("turns an AWS SDK v3 output into the wire view the validators check", () => {
    const sdk = {
      $metadata: { httpStatusCode: 200 },
      ...good(),
      UserCreateDate: new Date(1714566896123),
      UserLastModifiedDate: undefined,
    };
    expect(v.validateAdminGetUserResponse(sdk).valid).toBe(false);
    const wire = v.sdkToWire(sdk) as Record<string, unknown>;
    expect(wire["UserCreateDate"]).toBe(1714566896.123);
    expect(Object.keys(wire)).not.toContain("$metadata");
    expect(Object.keys(wire)).not.toContain("UserLastModifiedDate");
    expect(v.validateAdminGetUserResponse(wire, { strict: true })).toEqual({ valid: true, errors: [], drift: [] });
  });
});

describe("assert functions", () => {
  it("throws one ValidationError listing every problem", () => {
    const bad = { UserStatus: 1, Enabled: "no", UserAttributes: [{ Name: "" }] };
    const expected = v.validateAdminGetUserResponse(bad).errors;
    expect(expected.length).toBeGreaterThanOrEqual(4);
    let thrown: unknown;
    try {
      v.assertAdminGetUserResponse(bad);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(v.ValidationError);
    expect(thrown).toBeInstanceOf(Error);
    const err = thrown as InstanceType<typeof v.ValidationError>;
    expect(err.name).toBe("ValidationError");
    expect(err.typeName).toBe("AdminGetUserResponse");
    expect(err.errors).toEqual(expected);
    for (const e of expected) {
      expect(err.message).toContain(e.pointer);
      expect(err.message).toContain(`[${e.code}]`);
    }
  });

  it("does not throw for drift (assert checks what the default mode checks)", () => {
    expect(() => v.assertAdminGetUserResponse({ ...good(), UserStatus: "NEW_STATUS", Extra: 1 })).not.toThrow();
  });

  it("throws a ValidationError, not the reader's own error, for an unreadable value", () => {
    const value = { ...good() };
    Object.defineProperty(value, "Username", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(() => v.assertAdminGetUserResponse(value)).toThrow(v.ValidationError);
  });
});

describe("strict mode and drift", () => {
  const extra = () => ({
    ...good(),
    Extra: 1,
    UserAttributes: [{ Name: "email", Value: "a@example.com", Verified: true }],
  });

  it("default mode accepts undeclared members (services add fields) and reports them as drift", () => {
    const r = v.validateAdminGetUserResponse(extra());
    expectValid(r);
    expect([...r.drift].sort((a, b) => (a.pointer < b.pointer ? -1 : 1))).toEqual([
      { pointer: "/Extra", kind: "unknown-property", value: "Extra" },
      { pointer: "/UserAttributes/0/Verified", kind: "unknown-property", value: "Verified" },
    ]);
    expect(v.isAdminGetUserResponse(extra())).toBe(true);
  });

  it("rejects undeclared members at the top and nested in UserAttributes items", () => {
    const r = v.validateAdminGetUserResponse(extra(), { strict: true });
    expect(r.valid).toBe(false);
    expectIssueShape(r.errors);
    expect(pointers(r.errors)).toEqual(["/Extra", "/UserAttributes/0/Verified"]);
    for (const e of r.errors) expect(e.code).toBe("INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED");
  });

  it("regression: drift is never lost: an undeclared member is reported beside other errors", () => {
    const loose = v.validateAdminGetUserResponse({ Extra: 1, UserStatus: "NEW" });
    expect(loose.valid).toBe(false);
    expect(pointers(loose.errors)).toEqual(["/Username"]);
    expect(pointers(loose.drift)).toEqual(["/Extra", "/UserStatus"]);
    const strict = v.validateAdminGetUserResponse({ Extra: 1, UserStatus: "NEW" }, { strict: true });
    expect(strict.valid).toBe(false);
    expect(pointers(strict.errors)).toEqual(["/Extra", "/UserStatus", "/Username"]);
    expect(codesAt(strict, "/Username")).toEqual(["INSTANCE_REQUIRED_PROPERTY_MISSING"]);
    expect(codesAt(strict, "/Extra")).toEqual(["INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED"]);
    expect(strict.drift).toEqual([]);
  });

  it("does not treat map keys as undeclared members", () => {
    expectValid(v.validateAttributeMappingType({ email: "mail", "custom:x": "y" }, { strict: true }));
  });
});

describe("validators never throw", () => {
  let protoNames: string[];
  let protoDescriptors: PropertyDescriptorMap;
  beforeAll(() => {
    protoNames = Object.getOwnPropertyNames(Object.prototype).sort();
    protoDescriptors = Object.getOwnPropertyDescriptors(Object.prototype);
  });
  afterAll(() => {
    // Nothing above may have polluted or altered Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
    expect(Object.getOwnPropertyDescriptors(Object.prototype)).toEqual(protoDescriptors);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  const modes = [undefined, { strict: true }] as const;

  it("undefined → a result", () => {
    for (const o of modes) {
      const r = v.validateAdminGetUserResponse(undefined, o);
      expect(r.valid).toBe(false);
      expect(r.errors).toEqual([{ pointer: "", code: "INSTANCE_OBJECT_EXPECTED", message: expect.any(String) }]);
    }
    expect(v.isAdminGetUserResponse(undefined)).toBe(false);
  });

  it("a getter that throws → INSTANCE_UNREADABLE", () => {
    const value = { ...good() };
    Object.defineProperty(value, "Username", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    for (const o of modes) {
      const r = v.validateAdminGetUserResponse(value, o);
      expect(r.valid).toBe(false);
      expect(r.errors).toEqual([
        { pointer: "", code: "INSTANCE_UNREADABLE", message: expect.stringContaining("boom") },
      ]);
    }
    expect(v.isAdminGetUserResponse(value)).toBe(false);
  });

  it("validate reads each member once: a getter that would throw on a second read never does", () => {
    let reads = 0;
    const value = { ...good(), Undeclared: true };
    Object.defineProperty(value, "UserStatus", {
      enumerable: true,
      get: () => {
        reads++;
        if (reads > 1) throw new Error("second read");
        return "CONFIRMED";
      },
    });
    const r = v.validateAdminGetUserResponse(value);
    expect(reads).toBe(1);
    expect(r.valid).toBe(true);
    expect(r.drift.map((d: { pointer: string }) => d.pointer)).toEqual(["/Undeclared"]);
  });

  it("a Proxy whose traps throw → a result", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("get trap");
        },
        has: () => {
          throw new Error("has trap");
        },
        ownKeys: () => {
          throw new Error("ownKeys trap");
        },
      },
    );
    for (const o of modes) expect(v.validateAdminGetUserResponse(hostile, o).valid).toBe(false);
    expect(v.isAdminGetUserResponse(hostile)).toBe(false);
  });

  it("a cyclic object → a result (valid by default, its cycles are undeclared in strict mode)", () => {
    const value: Record<string, unknown> = { ...good() };
    value["self"] = value;
    const item: Record<string, unknown> = { Name: "email", Value: "x" };
    item["owner"] = value;
    value["UserAttributes"] = [item];
    const loose = v.validateAdminGetUserResponse(value);
    expectValid(loose);
    expect(pointers(loose.drift)).toEqual(["/UserAttributes/0/owner", "/self"]);
    expect(pointers(v.validateAdminGetUserResponse(value, { strict: true }).errors)).toEqual([
      "/UserAttributes/0/owner",
      "/self",
    ]);
    // A cycle where the schema expects data.
    const list: unknown[] = [];
    list.push(list);
    const r = v.validateAdminGetUserResponse({ Username: "u", UserAttributes: list });
    expect(r.errors).toEqual([
      { pointer: "/UserAttributes/0", code: "INSTANCE_OBJECT_EXPECTED", message: expect.any(String) },
    ]);
  });

  it("10k-deep nesting → a result", () => {
    let deepObject: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deepObject = { UserAttributes: [{ Name: "n", Value: "v", x: deepObject }] };
    let deepArray: unknown[] = [];
    for (let i = 0; i < 10_000; i++) deepArray = [deepArray];
    for (const o of modes) {
      expect(v.validateAdminGetUserResponse({ ...good(), Extra: deepObject }, o).valid).toBe(o === undefined);
      const r = v.validateAdminGetUserResponse({ ...good(), UserAttributes: deepArray }, o);
      expect(r.valid).toBe(false);
      expect(pointers(r.errors)).toEqual(["/UserAttributes/0"]);
      expect(v.validateAttributeMappingType({ deep: deepArray }, o).valid).toBe(false);
      expect(v.sdkToWire(deepArray)).toBeDefined();
    }
  });

  it('keys "__proto__" and "constructor" are ordinary members and pollute nothing', () => {
    const value = JSON.parse(
      '{"Username":"u","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"UserAttributes":[{"Name":"n","__proto__":{"polluted":3}}]}',
    );
    const loose = v.validateAdminGetUserResponse(value);
    expectValid(loose);
    expect(pointers(loose.drift)).toEqual(["/UserAttributes/0/__proto__", "/__proto__", "/constructor"]);
    expect(pointers(v.validateAdminGetUserResponse(value, { strict: true }).errors)).toEqual([
      "/UserAttributes/0/__proto__",
      "/__proto__",
      "/constructor",
    ]);
    const map = JSON.parse('{"__proto__":{"polluted":1},"constructor":"c"}');
    expect(v.validateAttributeMappingType(map).errors).toEqual([
      { pointer: "/__proto__", code: "INSTANCE_STRING_EXPECTED", message: expect.any(String) },
    ]);
    expectValid(v.validateAttributeMappingType(JSON.parse('{"__proto__":"p","constructor":"c"}'), { strict: true }));
    // sdkToWire copies such keys as own members, never onto a prototype.
    const wire = v.sdkToWire(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(wire)).toBe(Object.prototype);
    expect(Object.keys(wire)).toContain("__proto__");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("objects without a prototype are validated like plain objects", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o["Username"] = "x";
    expectValid(v.validateAdminGetUserResponse(o, { strict: true }));
  });
});

describe("the module itself", () => {
  const text = readFileSync(MODULE_URL, "utf8");

  it("boolean checks allocate nothing: no literals, constructors, closures or string building in any $is function", () => {
    const bodies = [...text.matchAll(/^function (\w+\$is\d*)\(([^)]*)\) \{\n([\s\S]*?)^\}$/gm)];
    expect(bodies.length).toBeGreaterThan(500);
    for (const [, name, , body] of bodies) {
      const code = body!.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      expect(code, name).not.toMatch(/\bnew\b|=>|`|\bfunction\b|[=(,]\s*\[|[=(,]\s*\{|""\s*\+|\+\s*""/);
    }
  });

  it("is ESM that requires nothing and imports only its runtime", () => {
    expect(text).toMatch(/^export function validateAdminGetUserResponse\(/m);
    expect(text).not.toContain("require(");
    // JSDoc types name the runtime as import("./runtime.js"); the code itself imports nothing dynamically.
    expect(text.replace(/\/\*[\s\S]*?\*\//g, "")).not.toMatch(/\bimport\s*\(\s*["']/);
    const sources = [...text.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(sources)).toEqual(new Set(["./runtime.js"]));
    const runtime = readFileSync(new URL("runtime.js", MODULE_URL), "utf8");
    expect(runtime).not.toMatch(/\bfrom\s*["']/);
    expect(runtime).not.toContain("require(");
  });
});
