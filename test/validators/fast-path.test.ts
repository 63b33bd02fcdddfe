// The fast path (q_<Type>) may only say "valid and drift-free" where the exact path agrees:
// ajv's compiled check passes and the drift walker finds nothing. It may say "ask" anywhere.
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validatorsSource } from "../../generator/emit/validators/index.js";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";

type Result = { valid: boolean; errors: unknown[]; drift: unknown[] };
type Probe = {
  q: Record<string, (v: unknown) => boolean>;
  exact: Record<string, (v: unknown) => Result>;
};

let probe: Probe;
let names: string[];

beforeAll(async () => {
  const [corpus] = await discoverCorpora("schemas");
  const model = await buildModel(corpus!);
  names = model.types.map((t) => t.name);
  // The same module text generate writes, plus a test-only view of its two paths.
  const source =
    validatorsSource(model) +
    `\nexport const __probe = { q: { ${names.map((n) => `${JSON.stringify(n)}: q_${n}`).join(", ")} },` +
    ` exact: { ${names.map((n) => `${JSON.stringify(n)}: (v) => validateWith(check_${n}, shapes, ${JSON.stringify(n)}, v, false)`).join(", ")} } };`;
  probe = ((await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`)) as { __probe: Probe }).__probe;
}, 120_000);

const clean = (r: Result) => r.valid && r.drift.length === 0;

function live(): { type: string; response: unknown }[] {
  const dir = path.resolve("test/fixtures/live");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { type: string; response: unknown });
}

describe("fast path", () => {
  it("engages for every recorded live response (the common case is fast)", () => {
    const records = live();
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) {
      expect(probe.exact[r.type]!(r.response).valid).toBe(true);
      if (clean(probe.exact[r.type]!(r.response))) expect(probe.q[r.type]!(r.response), r.type).toBe(true);
    }
  });

  it("never accepts what the exact path rejects or reports as drift: mutated live responses", () => {
    const records = live().filter((r) => r.response && typeof r.response === "object");
    const values = fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, NaN, Infinity, -0, 1e300, "", "\u{1F600}".repeat(200)));
    fc.assert(
      fc.property(fc.constantFrom(...records), fc.nat(20), values, (r, pick, v) => {
        const base = JSON.parse(JSON.stringify(r.response)) as Record<string, unknown>;
        const keys = Object.keys(base);
        const key = keys.length > 0 && pick < keys.length ? keys[pick]! : `extra${pick}`;
        base[key] = v;
        if (probe.q[r.type]!(base)) expect(clean(probe.exact[r.type]!(base))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("never accepts what the exact path rejects: arbitrary values for every type", () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 4 }), (name, v) => {
        if (probe.q[name]!(v)) expect(clean(probe.exact[name]!(v)), `${name} ${JSON.stringify(v)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("regression: a long past 1e21 is an integer in both paths (ajv's multipleOf 1 said no)", () => {
    for (const v of [1e21, 2 ** 60, -(2 ** 60)]) {
      expect(probe.exact["LongType"]!(v).valid).toBe(true);
      expect(probe.q["LongType"]!(v)).toBe(true);
    }
    expect(probe.exact["LongType"]!(1.5).valid).toBe(false);
    expect(probe.q["LongType"]!(1.5)).toBe(false);
  });

  it("treats code points, not UTF-16 units, as the exact path does", () => {
    const emoji = "\u{1F600}";
    for (const [name, v] of [
      ["UsernameType", emoji.repeat(128)],
      ["UsernameType", emoji.repeat(129)],
      ["UsernameType", ""],
    ] as const) {
      expect(probe.q[name]!(v)).toBe(clean(probe.exact[name]!(v)));
    }
  });
});
