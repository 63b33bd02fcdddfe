// Bounds on numbers that travel as strings (int64, uint128, decimal) are compared exactly
// (BigInt); a float comparison would round 2^63 - 1.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { inMemorySource } from "../../generator/emit/validators/index.js";
import { corpusFromTexts } from "../../generator/load/read-corpus.js";
import { resolve } from "../../generator/resolve/index.js";

type Mod = { validateLedger(v: unknown): { valid: boolean; errors: { pointer: string; code: string }[] } };
let mod: Mod;

beforeAll(async () => {
  const { corpus } = corpusFromTexts("big-bounds", {
    "ledger.struct.json": readFileSync("test/fixtures/big-bounds/ledger.struct.json", "utf8"),
  });
  const model = resolve(corpus);
  expect(model.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  mod = (await import(`data:text/javascript;base64,${Buffer.from(inMemorySource(model)).toString("base64")}`)) as Mod;
});

describe("string-encoded bounds", () => {
  it.each([
    [{ sequence: "10" }, true],
    [{ sequence: "9" }, false],
    [{ sequence: "9223372036854775807" }, true],
    [{ sequence: "9223372036854775808" }, false], // past int64, and past the bound
    [{ sequence: "11", balance: "-999.99" }, true],
    [{ sequence: "11", balance: "-1000.00" }, false], // exclusive
    [{ sequence: "11", balance: "-1000.01" }, false],
    [{ sequence: "11", quota: "340282366920938463463374607431768211455" }, true],
    [{ sequence: "11", quota: "340282366920938463463374607431768211456" }, false],
  ])("%j → valid %s", (value, valid) => {
    const r = mod.validateLedger(value);
    expect(r.valid).toBe(valid);
    if (!valid) expect(r.errors.map((e) => e.code)).toContain("INSTANCE_INT_RANGE_INVALID");
  });
});
