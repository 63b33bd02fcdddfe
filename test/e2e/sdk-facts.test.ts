// The bundled corpus outside the repository, where @aws-sdk/client-cognito-identity-provider cannot
// be resolved: generate reads the recorded SDK facts instead, says so, and writes exactly the
// committed generated/cognito-idp.
import { cp, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGE = "@aws-sdk/client-cognito-identity-provider";

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const rel of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const full = path.join(dir, rel);
    if ((await stat(full)).isFile()) out.set(rel.split(path.sep).join("/"), await readFile(full));
  }
  return out;
}

/** A file as compared across runs: every byte, the manifest included (it holds no machine-dependent digest). */
const comparable = (_p: string, bytes: Buffer): Buffer => bytes;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "structgen-no-sdk-"));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("the bundled corpus without the AWS SDK installed", () => {
  it("generates the committed output from the recorded facts, with a warning naming the source", async () => {
    // The config, schemas/ and the recorded responses it points to (test/fixtures/live), in the same layout.
    await cp(path.join(ROOT, "structgen.config.json"), path.join(tmp, "structgen.config.json"));
    await cp(path.join(ROOT, "schemas"), path.join(tmp, "schemas"), { recursive: true });
    await cp(path.join(ROOT, "test/fixtures/live"), path.join(tmp, "test/fixtures/live"), { recursive: true });
    expect(() => createRequire(path.join(tmp, "schemas", "noop.js")).resolve(`${PACKAGE}/package.json`)).toThrow();

    const results = await generate({ config: path.join(tmp, "structgen.config.json"), out: path.join(tmp, "out") });
    expect(results.map((r) => r.corpus)).toEqual(["cognito-idp"]);
    const used = results[0]!.diagnostics.filter((d) => d.code === "SOURCE_FACTS_USED");
    expect(used).toHaveLength(1);
    expect(used[0]!.message).toContain(`package ${PACKAGE} is not installed`);
    expect(used[0]!.message).toContain("schemas/sources/cognito-idp/aws-sdk.facts.json");
    expect(
      results[0]!.diagnostics.filter((d) => d.code.startsWith("SOURCE_") && d.code !== "SOURCE_FACTS_USED"),
    ).toEqual([]);

    const expected = await tree(path.join(ROOT, "generated", "cognito-idp"));
    const actual = await tree(path.join(tmp, "out", "cognito-idp"));
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    const differing = [...expected]
      .filter(([p, bytes]) => !comparable(p, bytes).equals(comparable(p, actual.get(p)!)))
      .map(([p]) => p);
    expect(differing, "files that differ from generated/cognito-idp").toEqual([]);
  });
});
