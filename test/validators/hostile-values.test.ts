// Regression tests for the validator findings of the second adversarial pass (issue #13, items 1-4):
// error counts linear and bounded, depth limits that fail closed, one reading of members for
// isX, validateX and assertX on any value, and "$schema" ignored only where no type declares it.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as v from "../../generated/cognito-idp/validators.js";
import type { Model } from "../../generator/ir/model.js";
import type { ValidatorModule } from "../../generator/validators-module.js";
import { arr, member, model, named, obj, prim, ref, sourcedEnum } from "../helpers/ir.js";
import { validatorsOf } from "../helpers/runtime.js";

type Result = {
  valid: boolean;
  errors: { pointer: string; code: string }[];
  drift: { pointer: string; kind?: string }[];
  omitted?: number;
};
type Mod = ValidatorModule & Record<string, unknown>;

const badItems = (n: number) =>
  JSON.parse(`{"Username":"a","UserMFASettingList":[${Array(n).fill(7).join(",")}]}`) as unknown;

describe("regression: quadratic in the number of errors (issue #13.1)", () => {
  it.each([16_000, 1_000_000])("%i bad items: linear time, at most 100 errors kept, the rest counted", (n) => {
    const value = badItems(n);
    const start = performance.now();
    const r = v.validateAdminGetUserResponse(value) as Result;
    const strict = v.validateAdminGetUserResponse(value, { strict: true }) as Result;
    const elapsed = performance.now() - start;
    expect(r.valid).toBe(false);
    expect(r.errors).toHaveLength(100);
    expect(r.omitted).toBe(n - 100);
    expect(r.errors[0]).toEqual({
      pointer: "/UserMFASettingList/0",
      code: "INSTANCE_STRING_EXPECTED",
      message: "must be a string",
    });
    expect(strict.errors).toHaveLength(100);
    // A megabyte of bad items in about a second (it takes milliseconds; the bound allows a busy machine).
    expect(elapsed).toBeLessThan(n > 100_000 ? 3_000 : 500);
    expect(v.isAdminGetUserResponse(value)).toBe(false);
    expect(() => v.assertAdminGetUserResponse(value)).toThrow(/… and \d+ more/);
  });

  it("UserAttributes: [null × 50,000], and maxErrors chooses how many are kept", () => {
    const value = { Username: "a", UserAttributes: Array(50_000).fill(null) };
    const start = performance.now();
    const r = v.validateAdminGetUserResponse(value) as Result;
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(r.errors).toHaveLength(100);
    expect(r.omitted).toBe(49_900);
    const few = v.validateAdminGetUserResponse(value, { maxErrors: 3 }) as Result;
    expect(few.errors.map((e) => e.pointer)).toEqual(["/UserAttributes/0", "/UserAttributes/1", "/UserAttributes/2"]);
    expect(few.omitted).toBe(49_997);
    const all = v.validateAdminGetUserResponse(value, { maxErrors: Infinity }) as Result;
    expect(all.errors).toHaveLength(50_000);
    expect(all.omitted).toBeUndefined();
  });

  it("drift is bounded the same way", () => {
    const value: Record<string, unknown> = { Username: "a" };
    for (let i = 0; i < 1_000; i++) value[`extra${i}`] = i;
    const r = v.validateAdminGetUserResponse(value, { maxErrors: 10 }) as Result & { driftOmitted?: number };
    expect(r.valid).toBe(true);
    expect(r.drift).toHaveLength(10);
    expect(r.driftOmitted).toBe(990);
  });
});

// A recursive type: each node may hold children and carries an open enum.
const tree: Model = model("tree", [
  named(
    "Node",
    obj([member("name", prim("string"), true), member("status", ref("Status")), member("children", arr(ref("Node")))]),
  ),
  named(
    "Status",
    sourcedEnum([
      ["A", []],
      ["B", []],
    ]),
  ),
]);

/** A chain of `depth` nodes; the deepest one carries `leaf`. */
function chain(depth: number, leaf: Record<string, unknown>): unknown {
  let node: Record<string, unknown> = { name: "leaf", ...leaf };
  for (let i = 1; i < depth; i++) node = { name: `n${i}`, children: [node] };
  return node;
}

const pointerAt = (depth: number, last: string) => `${"/children/0".repeat(depth - 1)}/${last}`;

describe("regression: --strict stops checking below nesting level 128 (issue #13.2)", () => {
  let mod: Mod;
  beforeAll(async () => {
    mod = await validatorsOf(tree);
  });
  const validate = (x: unknown, o?: object) => mod.validators["Node"]!(x, o) as Result;

  it("finds drift and unknown values at level 200, in both modes", () => {
    const value = chain(200, { status: "C", extra: true });
    const loose = validate(value);
    expect(loose.valid).toBe(true);
    expect(loose.drift.map((d) => d.pointer).sort()).toEqual([pointerAt(200, "extra"), pointerAt(200, "status")]);
    const strict = validate(value, { strict: true });
    expect(strict.valid).toBe(false);
    expect(strict.errors.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      `${pointerAt(200, "extra")} INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED`,
      `${pointerAt(200, "status")} INSTANCE_ENUM_MISMATCH`,
    ]);
    expect((mod["isNode"] as (x: unknown) => boolean)(value)).toBe(true);
  });

  it("rejects nesting past the limit with INSTANCE_MAX_DEPTH_EXCEEDED, never as valid", () => {
    // Objects and arrays alternate: a chain of n nodes is 2n - 1 levels deep.
    for (const depth of [300, 1_000, 20_000]) {
      const value = chain(depth, {});
      for (const o of [undefined, { strict: true }]) {
        const r = validate(value, o);
        expect(r.valid, `${depth}`).toBe(false);
        expect(r.errors.map((e) => e.code)).toEqual(["INSTANCE_MAX_DEPTH_EXCEEDED"]);
      }
      expect((mod["isNode"] as (x: unknown) => boolean)(value)).toBe(false);
      expect(() => (mod["assertNode"] as (x: unknown) => void)(value)).toThrow(/INSTANCE_MAX_DEPTH_EXCEEDED/);
    }
  });

  it("puts the limit at the same depth in isX and validateX: 512 levels pass, 513 do not", () => {
    // Depth 2n - 2 for the deepest node's object: n = 257 puts it at 512.
    expect(validate(chain(257, {})).valid).toBe(true);
    expect((mod["isNode"] as (x: unknown) => boolean)(chain(257, {}))).toBe(true);
    const past = validate(chain(258, {}));
    expect(past.valid).toBe(false);
    // The first container past 512 levels is the children array of the node at level 512.
    expect(past.errors[0]!.pointer).toBe(pointerAt(257, "children"));
    expect((mod["isNode"] as (x: unknown) => boolean)(chain(258, {}))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

class WithGetter {
  get Username(): string {
    return "alice";
  }
}

function exotic(): [string, () => unknown][] {
  const nonEnumerable = {};
  Object.defineProperty(nonEnumerable, "Username", { value: "alice", enumerable: false });
  const ownGetter = {};
  Object.defineProperty(ownGetter, "Username", { get: () => "alice", enumerable: true });
  const throwing = { Username: "alice" };
  Object.defineProperty(throwing, "Enabled", {
    get: () => {
      throw new Error("boom");
    },
    enumerable: true,
  });
  const revocable = Proxy.revocable({ Username: "alice" }, {});
  revocable.revoke();
  const nullProto = Object.assign(Object.create(null) as object, { Username: "alice" });
  const sparse: unknown[] = [];
  sparse[2] = { Name: "email" };
  const undef = { Username: "alice", Enabled: undefined };
  // Required members are read directly before the walk: what the read finds must not decide alone.
  const shadowing = Object.assign(Object.create({ Username: "" }) as object, { Username: "alice" });
  const hiddenBad = Object.create({ Username: "alice" }) as object;
  Object.defineProperty(hiddenBad, "Username", { value: "", enumerable: false });
  // Optional members are read directly too: one that fails counts only if JSON sees it.
  const inheritedBad = Object.assign(Object.create({ Enabled: "yes" }) as object, { Username: "alice" });
  const hiddenOptional = { Username: "alice" };
  Object.defineProperty(hiddenOptional, "Enabled", { value: "yes", enumerable: false });
  const swapped = Object.assign(Object.create({ Enabled: true }) as object, { Username: "alice", Extra: 1 });
  return [
    ["a class instance whose Username is a prototype getter", () => new WithGetter()],
    ["Object.create({ Username: 'alice' })", () => Object.create({ Username: "alice" })],
    ["a non-enumerable own Username", () => nonEnumerable],
    ["an own enumerable getter", () => ownGetter],
    ["a throwing getter", () => throwing],
    ["a Proxy over a valid value", () => new Proxy({ Username: "alice", Enabled: true }, {})],
    ["a revoked Proxy", () => revocable.proxy],
    ["a null-prototype object", () => nullProto],
    ["sparse UserAttributes", () => ({ Username: "alice", UserAttributes: sparse })],
    ["a member that is undefined", () => undef],
    ["an own Username over an inherited invalid one", () => shadowing],
    ["a non-enumerable invalid Username over an inherited valid one", () => hiddenBad],
    ["an inherited invalid Enabled", () => inheritedBad],
    ["a non-enumerable invalid Enabled", () => hiddenOptional],
    ["an own invalid Enabled", () => ({ Username: "alice", Enabled: "yes" })],
    ["an inherited Enabled beside an own undeclared member", () => swapped],
    ["a Date", () => new Date()],
    ["a boxed string Username", () => ({ Username: new String("alice") })],
  ];
}

const TYPES = ["AdminGetUserResponse", "GetUserResponse", "AttributeType", "UserType", "ListUsersResponse"];

function expectAgreement(type: string, value: unknown, label: string): boolean {
  const mod = v as unknown as Record<string, (x: unknown, o?: object) => unknown>;
  const r = mod[`validate${type}`]!(value) as Result;
  const is = mod[`is${type}`]!(value);
  expect(is, `is${type} vs validate${type}: ${label}`).toBe(r.valid);
  let thrown: unknown;
  try {
    mod[`assert${type}`]!(value);
  } catch (e) {
    thrown = e;
  }
  expect(thrown === undefined, `assert${type}: ${label}`).toBe(r.valid);
  if (thrown !== undefined) expect((thrown as Error).name, label).toBe("ValidationError");
  return r.valid;
}

describe("regression: the fast path and the exact path disagree on non-JSON values (issue #13.3)", () => {
  it("own enumerable members as JSON sees them, the same in isX, validateX and assertX", () => {
    const verdicts = Object.fromEntries(
      exotic().map(([label, build]) => [label, expectAgreement("AdminGetUserResponse", build(), label)]),
    );
    expect(verdicts).toEqual({
      "a class instance whose Username is a prototype getter": false,
      "Object.create({ Username: 'alice' })": false,
      "a non-enumerable own Username": false,
      "an own enumerable getter": true,
      "a throwing getter": false,
      "a Proxy over a valid value": true,
      "a revoked Proxy": false,
      "a null-prototype object": true,
      "sparse UserAttributes": false,
      "a member that is undefined": true,
      "an own Username over an inherited invalid one": true,
      "a non-enumerable invalid Username over an inherited valid one": false,
      "an inherited invalid Enabled": true,
      "a non-enumerable invalid Enabled": true,
      "an own invalid Enabled": false,
      "an inherited Enabled beside an own undeclared member": true,
      "a Date": false,
      "a boxed string Username": false,
    });
    const unreadable = v.validateAdminGetUserResponse(exotic()[4]![1]()) as Result;
    expect(unreadable.errors).toEqual([
      { pointer: "", code: "INSTANCE_UNREADABLE", message: "could not be read: boom" },
    ]);
    expect((v.validateAdminGetUserResponse(exotic()[6]![1]()) as Result).errors[0]!.code).toBe("INSTANCE_UNREADABLE");
    // The undeclared member is drift (an error in strict mode); the inherited one is no member at all.
    const swapped = exotic().find(([label]) => label.startsWith("an inherited Enabled beside"))![1]();
    const loose = v.validateAdminGetUserResponse(swapped) as Result;
    expect(loose.drift.map((d) => [d.pointer, d.kind])).toEqual([["/Extra", "unknown-property"]]);
    const strict = v.validateAdminGetUserResponse(swapped, { strict: true }) as Result;
    expect(strict.errors.map((e) => e.pointer)).toEqual(["/Extra"]);
  });

  it("property: isX, validateX and assertX agree on arbitrary non-JSON values", () => {
    const values = fc.oneof(
      fc.anything({
        maxDepth: 3,
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withSparseArray: true,
        withTypedArray: true,
      }),
      fc.record(
        {
          Username: fc.anything({ maxDepth: 1, withBoxedValues: true }),
          UserAttributes: fc.array(fc.anything({ maxDepth: 2, withNullPrototype: true, withSparseArray: true }), {
            maxLength: 3,
          }),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), values, (type, value) => {
        expectAgreement(type, value, fc.stringify(value));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("regression: a declared member named $schema was stripped (issue #13.4)", () => {
  const documents: Model = model("docs", [
    named(
      "Declares",
      obj([member("$schema", prim("string", { minLength: 3 }), true), member("a", prim("int32"))], false),
    ),
    named("Plain", obj([member("a", prim("int32"))], false)),
    named("Alias", ref("Declares")),
  ]);
  let mod: Mod;
  beforeAll(async () => {
    mod = await validatorsOf(documents);
  });
  const check = (type: string, x: unknown, strict = false) => mod.validators[type]!(x, { strict }) as Result;

  it("is data where the type declares it", () => {
    expect(check("Declares", { $schema: "x" }).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      "/$schema INSTANCE_STRING_MIN_LENGTH",
    ]);
    expect(check("Declares", { a: 1 }).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      "/$schema INSTANCE_REQUIRED_PROPERTY_MISSING",
    ]);
    expect(check("Declares", { $schema: "https://example.com/s" }).valid).toBe(true);
    expect(check("Alias", { a: 1 }).valid).toBe(false);
    expect((mod["isDeclares"] as (x: unknown) => boolean)({ a: 1 })).toBe(false);
  });

  it("is ignored at the top level elsewhere (a string only), and is a member below it", () => {
    expect(check("Plain", { $schema: "https://example.com/s", a: 1 }, true).valid).toBe(true);
    expect((mod["isPlain"] as (x: unknown) => boolean)({ $schema: "https://example.com/s" })).toBe(true);
    expect(check("Plain", { $schema: 3 }).errors.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      "/$schema INSTANCE_ADDITIONAL_PROPERTY_NOT_ALLOWED",
    ]);
    expect(
      v.validateAdminGetUserResponse({ $schema: "https://example.com/s", Username: "a" }, { strict: true }).valid,
    ).toBe(true);
    const nested = v.validateAdminGetUserResponse(
      { Username: "a", UserAttributes: [{ Name: "n", $schema: "x" }] },
      { strict: true },
    ) as Result;
    expect(nested.errors.map((e) => e.pointer)).toEqual(["/UserAttributes/0/$schema"]);
  });
});
