// Open objects in boolean mode read declared members directly and prove only what can change the
// verdict (compounds.ts openObjectIs; owns, ownsAll, declaredOnly and miss). Each row: a value,
// the verdict JSON's view gives, and the same verdict from isX, validateX and assertX.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as v from "../../generated/cognito-idp/validators.js";
import type { Model } from "../../generator/ir/model.js";
import { member, model, named, obj, prim, ref, union } from "../helpers/ir.js";
import { rng, ValueGen } from "../helpers/ir-values.js";
import { randomModel } from "../helpers/random-ir.js";
import { validatorsOf } from "../helpers/runtime.js";
import type { ValidatorModule } from "../../generator/validators-module.js";

type Mod = Record<string, (x: unknown, o?: object) => unknown>;
const mod = v as unknown as Mod;

function verdicts(type: string, value: unknown): boolean[] {
  let asserted = true;
  try {
    mod[`assert${type}`]!(value);
  } catch {
    asserted = false;
  }
  const strict = (mod[`validate${type}`]!(value, { strict: true }) as { valid: boolean }).valid;
  return [
    mod[`is${type}`]!(value) as boolean,
    (mod[`validate${type}`]!(value) as { valid: boolean }).valid,
    asserted,
    strict,
  ];
}

const scope = { ScopeName: "read", ScopeDescription: "Reads" };
const inherit = (proto: object, own: object): object => Object.assign(Object.create(proto) as object, own);
const hidden = (own: object, name: string, value: unknown): object =>
  Object.defineProperty({ ...own }, name, { value, enumerable: false });

describe("regression: ownsAll counted down the limit it compared with (two required members failed)", () => {
  it.each([
    ["both own", scope, true],
    ["the second inherited", inherit({ ScopeDescription: "Reads" }, { ScopeName: "read" }), false],
    ["the first non-enumerable", hidden({ ScopeDescription: "Reads" }, "ScopeName", "read"), false],
    ["both own, in the other order", { ScopeDescription: "Reads", ScopeName: "read" }, true],
  ])("ResourceServerScopeType, %s", (_label, value, valid) => {
    expect(verdicts("ResourceServerScopeType", value)).toEqual([valid, valid, valid, valid]);
  });
});

describe("regression: a throwing getter JSON does not see made the value unreadable", () => {
  const boom = {
    get: () => {
      throw new Error("boom");
    },
  };
  it.each([
    ["inherited", () => Object.create(Object.defineProperty({}, "Enabled", { ...boom, enumerable: true }))],
    ["own, not enumerable", () => Object.defineProperty({}, "Enabled", { ...boom, enumerable: false })],
  ])("an optional member's getter, %s: valid in isX, validateX and assertX", (_label, build) => {
    const value = Object.assign(build() as object, { Username: "alice" });
    expect(verdicts("AdminGetUserResponse", value)).toEqual([true, true, true, true]);
  });
  it("one JSON sees is still unreadable", () => {
    const value = Object.defineProperty({ Username: "alice" }, "Enabled", { ...boom, enumerable: true });
    expect(verdicts("AdminGetUserResponse", value)).toEqual([false, false, false, false]);
    const r = mod["validateAdminGetUserResponse"]!(value) as { errors: { code: string }[] };
    expect(r.errors.map((e) => e.code)).toEqual(["INSTANCE_UNREADABLE"]);
  });
});

describe("direct reads decide as JSON's view does", () => {
  const user = { Username: "alice" };
  it.each([
    ["an own invalid optional member", { ...user, Enabled: "yes" }, [false, false, false, false]],
    ["an inherited invalid optional member", inherit({ Enabled: "yes" }, user), [true, true, true, true]],
    ["a non-enumerable invalid optional member", hidden(user, "Enabled", "yes"), [true, true, true, true]],
    // The inherited member is no member; the own undeclared one is drift, an error in strict mode.
    [
      "an inherited valid member beside an undeclared own one",
      inherit({ Enabled: true }, { ...user, X: 1 }),
      [true, true, true, false],
    ],
    [
      "an own member that is undefined beside an inherited one",
      inherit({ Enabled: true }, { ...user, UserStatus: undefined }),
      [true, true, true, true],
    ],
    [
      "an invalid optional member after an inherited one",
      inherit({ Enabled: true }, { ...user, UserStatus: 7 }),
      [false, false, false, false],
    ],
  ])("AdminGetUserResponse: %s", (_label, value, expected) => {
    expect(verdicts("AdminGetUserResponse", value)).toEqual(expected);
  });
});

// A linked type: `next` is read before `flag`, so a failing flag comes after the rest of the chain.
const linked: Model = model("linked", [
  named("Link", obj([member("next", ref("Link")), member("flag", prim("boolean"))])),
  named("Choice", union(ref("Named"), prim("string"))),
  named("Named", obj([member("name", prim("string"), true), member("on", prim("boolean"))])),
  named("Loose", union(ref("Open"), prim("string"))),
  named("Open", obj([member("name", prim("string"), true), member("data", { kind: "any", attrs: { facts: [] } })])),
]);

describe("regression: a failing member JSON does not see re-ran the object on its JSON view", () => {
  let mod: Record<string, (x: unknown, o?: object) => unknown>;
  beforeAll(async () => {
    mod = (await validatorsOf(linked)) as unknown as typeof mod;
  });

  it("reads each member once: linear in the depth, not exponential, with an inherited bad flag at every level", () => {
    let reads = 0;
    let node: object = {};
    const depth = 40;
    for (let i = 0; i < depth; i++) {
      const child = node;
      node = Object.create({ flag: "not a boolean" }) as object;
      Object.defineProperty(node, "next", { get: () => (reads++, child), enumerable: true });
    }
    expect(mod["isLink"]!(node)).toBe(true);
    expect(reads).toBe(depth);
  });

  it("strict mode: an inherited valid member does not make a union's object option fail", () => {
    const value = Object.assign(Object.create({ on: true }) as object, { name: "a" });
    expect(mod["isChoice"]!(value)).toBe(true);
    expect((mod["validateChoice"]!(value, { strict: true }) as { valid: boolean }).valid).toBe(true);
    // And one JSON sees still counts: an undeclared member is an error in strict mode.
    expect((mod["validateChoice"]!({ name: "a", extra: 1 }, { strict: true }) as { valid: boolean }).valid).toBe(false);
  });

  it("strict mode: a member of any type is declared, so a union's object option holding one matches", () => {
    const value = { name: "a", data: { anything: [1] } };
    expect((mod["validateLoose"]!(value, { strict: true }) as { valid: boolean }).valid).toBe(true);
    expect((mod["validateLoose"]!({ ...value, other: 1 }, { strict: true }) as { valid: boolean }).valid).toBe(false);
  });
});

describe("property: a value and its JSON text get the same verdict, whatever its prototypes hold", () => {
  // Each member lands own, inherited or own but not enumerable; JSON.stringify sees only the first.
  const place = (entries: [string, unknown][], spots: number[]): object => {
    const proto: Record<string, unknown> = {};
    const out = Object.create(proto) as Record<string, unknown>;
    entries.forEach(([k, value], i) => {
      const spot = spots[i % spots.length]! % 3;
      if (spot === 0) out[k] = value;
      else if (spot === 1) proto[k] = value;
      else Object.defineProperty(out, k, { value, enumerable: false });
    });
    return out;
  };
  const leaf = fc.constantFrom<unknown>("alice", "", 7, true, "CONFIRMED", "NOPE", 1795420941, null);
  const spots = fc.array(fc.nat(8), { minLength: 1, maxLength: 6 });
  const attribute = fc
    .tuple(
      fc.record({ Name: fc.constantFrom<unknown>("sub", "email", "", 5), Value: leaf }, { requiredKeys: [] }),
      spots,
    )
    .map(([o, s]) => place(Object.entries(o), s));
  const user = fc
    .tuple(
      fc.record(
        {
          Username: leaf,
          Enabled: leaf,
          UserStatus: leaf,
          UserCreateDate: leaf,
          UserAttributes: fc.array(attribute, { maxLength: 3 }),
          Extra: leaf,
        },
        { requiredKeys: [] },
      ),
      spots,
    )
    .map(([o, s]) => place(Object.entries(o), s));

  it("isX, validateX (default and strict) as on JSON.parse(JSON.stringify(value))", () => {
    fc.assert(
      fc.property(user, (value) => {
        const view = JSON.parse(JSON.stringify(value)) as unknown;
        expect(mod["isAdminGetUserResponse"]!(value)).toBe(mod["isAdminGetUserResponse"]!(view));
        for (const strict of [false, true])
          expect(mod["validateAdminGetUserResponse"]!(value, { strict })).toEqual(
            mod["validateAdminGetUserResponse"]!(view, { strict }),
          );
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("property: random models, values with members own, inherited or not enumerable", () => {
  /** The value with every object's members spread over own, prototype and non-enumerable at random. */
  function exotic(value: unknown, r: () => number): unknown {
    if (Array.isArray(value)) return value.map((v) => exotic(v, r));
    if (typeof value !== "object" || value === null) return value;
    const proto: Record<string, unknown> = {};
    const out = Object.create(proto) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) {
      const spot = r();
      const inner = exotic(v, r);
      const at = { value: inner, enumerable: true, writable: true, configurable: true };
      if (spot < 0.6) Object.defineProperty(out, k, at);
      else if (spot < 0.8) Object.defineProperty(proto, k, at);
      else Object.defineProperty(out, k, { ...at, enumerable: false });
    }
    return out;
  }

  it("isT and validateT (default and strict) as on the value's JSON text", async () => {
    await fc.assert(
      fc.asyncProperty(randomModel, fc.integer(), async (model, seed) => {
        const m = (await validatorsOf(model)) as ValidatorModule;
        const gen = new ValueGen(model);
        const r = rng(seed);
        for (let i = 0; i < 40; i++) {
          const value = exotic(gen.sample("T0", seed + i, 3), r);
          const view = JSON.parse(JSON.stringify(value) ?? "null") as unknown;
          const label = JSON.stringify(view);
          const is = (m as unknown as Record<string, (x: unknown) => boolean>)["isT0"]!;
          expect(is(value), label).toBe(is(view));
          for (const strict of [false, true])
            expect(m.validators["T0"]!(value, { strict }), label).toEqual(m.validators["T0"]!(view, { strict }));
        }
      }),
      { numRuns: Number(process.env["RUNS"] ?? 30) },
    );
  }, 120_000);
});
