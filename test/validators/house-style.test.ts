// The validators emitter writes final text: prettier (the project's fixed options) leaves every
// validators/runtime file unchanged, in both flavours, for the bundled corpus, the golden corpus,
// and a corpus of long names and literals that forces line breaks. Each file is `final`.
import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { emitValidators } from "../../generator/emit/validators/index.js";
import type { Model } from "../../generator/ir/model.js";
import { buildModel, discoverCorpora } from "../../generator/pipeline.js";
import { arr, enm, map, member, obj, prim, ref, union } from "../helpers/ir.js";
import { randomModel } from "../helpers/random-ir.js";

const OPTIONS = { printWidth: 120, proseWrap: "preserve", endOfLine: "lf", trailingComma: "all" } as const;

async function expectHouseStyle(model: Model): Promise<void> {
  for (const flavour of ["js", "ts"] as const) {
    for (const f of emitValidators(model, { flavour })) {
      expect(f.final, f.path).toBe(true);
      const parser = f.path.endsWith(".js") ? "babel" : "typescript";
      const formatted = await prettier.format(f.content, { ...OPTIONS, parser, filepath: f.path });
      if (formatted !== f.content) {
        // Show the first differing line, not a megabyte of text.
        const a = f.content.split("\n");
        const b = formatted.split("\n");
        const i = a.findIndex((line, n) => line !== b[n]);
        expect(a.slice(i, i + 6).join("\n"), `${model.name} ${flavour} ${f.path} line ${i + 1}`).toBe(
          b.slice(i, i + 6).join("\n"),
        );
      }
    }
  }
}

const long = "A".repeat(90);
const named = (name: string, node: Model["types"][number]["node"]): Model["types"][number] => ({
  name,
  sourceName: name,
  role: "shape",
  root: true,
  node,
  attrs: { facts: [] },
});

/** Names and literals long enough that calls, conditions, arrays and constants must break. */
const longNames: Model = {
  name: "long",
  diagnostics: [],
  types: [
    named(
      `${long}Object`,
      obj(
        [
          member(`${long}member`, ref(`${long}String`), true),
          member(
            "m",
            prim("string", {
              maxLength: 123456789,
              minLength: 12345678,
              pattern: { source: `[a-z]{1,3}${"x".repeat(100)}`, unicode: true },
            }),
            true,
          ),
          member("e", enm(Array.from({ length: 30 }, (_, i) => `VALUE_NUMBER_${i}`)), false),
          member("n", enm(Array.from({ length: 40 }, (_, i) => i * 1000)), false),
          member(
            "u",
            union(
              ref(`${long}String`),
              prim("int64", { minimum: "-9223372036854775808", maximum: "9223372036854775807" }),
            ),
            false,
          ),
          member("a", arr(map(ref(`${long}Object`)), { minItems: 1, maxItems: 100000000 }), false),
        ],
        ref(`${long}String`),
      ),
    ),
    named(`${long}String`, prim("string", { format: "date-time", maxLength: 40 })),
  ],
};

/** The same model with 90-character type names and 100-character member and option names. */
function lengthen(model: Model): Model {
  const renamed = (n: string) => `${n}${"L".repeat(90)}`;
  const json = JSON.stringify(model, (k, v: unknown) => {
    if ((k === "name" || k === "sourceName") && typeof v === "string")
      return /^T\d+$/.test(v) ? renamed(v) : `${v}${"m".repeat(100)}`;
    return v;
  });
  return { ...(JSON.parse(json) as Model), name: "long-random" };
}

describe("house style", () => {
  it("the golden corpus", async () => {
    await expectHouseStyle(await buildModel({ name: "cognito-idp", dir: "test/fixtures/golden-corpus" }));
  });

  it("long names and literals", async () => {
    await expectHouseStyle(longNames);
  });

  it("random schemas, with short and with very long names", async () => {
    for (const model of fc.sample(randomModel, {
      numRuns: Number(process.env["RUNS"] ?? 15),
      seed: Number(process.env["SEED"] ?? 7),
    })) {
      await expectHouseStyle(model);
      await expectHouseStyle(lengthen(model));
    }
  }, 120_000);

  it("the bundled corpus", async () => {
    const [corpus] = await discoverCorpora("schemas");
    await expectHouseStyle(await buildModel(corpus!));
  }, 180_000);
});
