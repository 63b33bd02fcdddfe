// checkContract never throws for bad data (README): the SDK-output detection reads values
// defensively, so a throwing getter, a Proxy or a revoked Proxy becomes a result, not an exception.
import { describe, expect, it } from "vitest";
import { checkContract, expectContract } from "../../generator/contract/index.js";

function hostile(): [string, () => unknown][] {
  const getter = { Username: "alice" };
  Object.defineProperty(getter, "UserAttributes", {
    get: () => {
      throw new Error("getter boom");
    },
    enumerable: true,
  });
  const traps = new Proxy(
    {},
    {
      ownKeys: () => {
        throw new Error("ownKeys boom");
      },
      get: () => {
        throw new Error("get boom");
      },
    },
  );
  const revocable = Proxy.revocable({ Username: "alice" }, {});
  revocable.revoke();
  const nestedRevoked = Proxy.revocable({}, {});
  nestedRevoked.revoke();
  return [
    ["a throwing getter", () => getter],
    ["a Proxy whose traps throw", () => traps],
    ["a revoked Proxy", () => revocable.proxy],
    ["a revoked Proxy inside a value", () => ({ Username: "alice", UserAttributes: [nestedRevoked.proxy] })],
    [
      "a Date with a throwing getter beside it",
      () =>
        Object.defineProperty({ d: new Date() }, "x", {
          get: () => {
            throw new Error("x");
          },
          enumerable: true,
        }),
    ],
  ];
}

describe("regression: checkContract throws on a throwing getter, a Proxy or a revoked Proxy (issue #13.5)", () => {
  it.each(hostile())("%s → an invalid result, no exception", (_label, build) => {
    for (const strict of [false, true]) {
      const r = checkContract(build(), "AdminGetUserResponse", { strict });
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    }
    // expectContract throws its own ContractError, never the value's exception.
    expect(() => expectContract(build(), "AdminGetUserResponse")).toThrow(
      /does not match the AdminGetUserResponse contract/,
    );
  });
});
