// generate stages each corpus's files as they are emitted, but no output folder changes until every
// corpus has built: a later corpus that fails leaves an earlier one's output as it was, unstaged.
import { promises as fs, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import { generate } from "../../generator/index.js";
import { snapshot } from "./helpers.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/cli");
let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-all-corpora-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function copy(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const f of readdirSync(from)) await fs.writeFile(path.join(to, f), readFileSync(path.join(from, f)));
}

describe("generate with several corpora", () => {
  it("a corpus that fails after another was staged: the other's output is untouched", async () => {
    const dir = path.join(root, "p");
    await copy(path.join(FIXTURES, "mini-corpus"), path.join(dir, "schemas", "a"));
    await generate({ cwd: dir, out: "out", cache: false });
    // The next run changes a (one more description) and adds b, which does not build.
    const schema = readdirSync(path.join(dir, "schemas", "a")).find((f) => f.endsWith(".json"))!;
    const text = readFileSync(path.join(dir, "schemas", "a", schema), "utf8");
    const changed = text.replace(/"description": "/, '"description": "Now: ');
    expect(changed).not.toBe(text);
    await fs.writeFile(path.join(dir, "schemas", "a", schema), changed);
    await copy(path.join(FIXTURES, "broken-corpus"), path.join(dir, "schemas", "b"));
    const before = await snapshot(path.join(dir, "out"), true);
    const e = await generate({ cwd: dir, out: "out", cache: false }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(StructgenError);
    expect(await snapshot(path.join(dir, "out"), true)).toEqual(before);
  });
});
