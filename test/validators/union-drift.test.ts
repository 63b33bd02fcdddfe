// A union's collecting check asks its options' boolean checks in drift-free mode (2) for one that
// matches without drift, and reports the first matching option's drift otherwise. Each row: a value,
// its verdict and drift by default, and its verdict in strict mode (valid there iff valid without drift).
import { beforeAll, describe, expect, it } from "vitest";
import type { ValidatorModule } from "../../generator/validators-module.js";
import { known, member, model, named, obj, prim, ref, sourcedEnum, union } from "../helpers/ir.js";
import { validatorsOf } from "../helpers/runtime.js";

const unions = model("unions", [
  named("OfKnown", union(ref("Known"))),
  named("Known", known([["SMS_MFA", [["botocore", "named"]]]])),
  named("OfEnum", union(sourcedEnum([["ON", [["botocore", "enum"]]]]), prim("int32"))),
  named("OfOpen", union(ref("Open"), prim("string"))),
  named("Open", obj([member("name", prim("string"), true)])),
  named("DriftFreeSecond", union(ref("Open"), ref("Loose"))),
  named("Loose", obj([member("name", prim("string"), true), member("extra", prim("boolean"))])),
]);

type Row = [type: string, value: unknown, valid: boolean, drift: string[], strict: boolean];

describe("regression: without the drift-free mode a union's matching option hid its drift", () => {
  let mod: ValidatorModule;
  beforeAll(async () => {
    mod = await validatorsOf(unions);
  });

  it.each<Row>([
    ["OfKnown", "SMS_MFA", true, [], true],
    ["OfKnown", "x", true, [""], false],
    ["OfEnum", "ON", true, [], true],
    ["OfEnum", "OFF", true, [""], false],
    ["OfEnum", 7, true, [], true],
    ["OfOpen", { name: "a" }, true, [], true],
    ["OfOpen", { name: "a", more: 1 }, true, ["/more"], false],
    ["OfOpen", "text", true, [], true],
    // The first option matches with drift, the second without: no drift.
    ["DriftFreeSecond", { name: "a", extra: true }, true, [], true],
    ["DriftFreeSecond", { name: "a", other: true }, true, ["/other"], false],
  ])("%s %j", (type, value, valid, drift, strict) => {
    const loose = mod.validators[type]!(value);
    expect(loose.valid).toBe(valid);
    expect(loose.drift.map((d) => d.pointer)).toEqual(drift);
    expect(mod.validators[type]!(value, { strict: true }).valid).toBe(strict);
  });
});
