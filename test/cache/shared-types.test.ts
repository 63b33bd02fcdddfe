// Watch mode shares a resolved type that no later step rewrites (frozen) instead of copying it each run.
// Sharing never changes a model: a run in which a step comes to rewrite a shared type (here reconcile,
// after the evidence changed) is built again with copies, and gives what a build without memos gives.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildMemos } from "../../generator/cache/build-memo.js";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { projectCorpora } from "../../generator/config/corpora.js";
import { loadProject } from "../../generator/config/project.js";
import type { NamedType } from "../../generator/ir/model.js";
import { buildModel } from "../../generator/pipeline.js";
import { ROOT } from "../cli/helpers.js";

const FIXTURE = path.join(ROOT, "test", "fixtures", "reconcile-other");
const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-shared-types-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function session() {
  const dir = path.join(tmp, `p${Math.random().toString(36).slice(2)}`);
  cpSync(FIXTURE, dir, { recursive: true });
  const [corpus] = await projectCorpora(await loadProject({ cwd: dir }));
  const memos = buildMemos(HashIndex.open());
  let unshared = 0;
  const resolve = { ...memos.resolve, unshare: () => (unshared++, memos.resolve.unshare!()) };
  const { parse, evidence, types, reconcile } = memos;
  return {
    dir,
    unshared: () => unshared,
    async rebuild() {
      const model = await buildModel(corpus!, undefined, { parse, evidence, types, resolve, reconcile });
      memos.prune();
      return model;
    },
    cold: () => buildModel(corpus!),
  };
}

const named = (types: NamedType[], name: string) => types.find((t) => t.name === name)!;

describe("shared resolved types", () => {
  it("are the same object run after run, frozen, when no step rewrites them", async () => {
    const s = await session();
    await s.rebuild();
    const second = await s.rebuild();
    const third = await s.rebuild();
    const string = named(third.types, "String_");
    expect(string).toBe(named(second.types, "String_"));
    expect(Object.isFrozen(string)).toBe(true);
    expect(Object.isFrozen(string.node)).toBe(true);
    // One that reconcile rewrites (botocore's enum members tagged) is a copy each run.
    expect(Object.isFrozen(named(third.types, "TableStatus"))).toBe(false);
    expect(third).toEqual(await s.cold());
  });

  it("are copied again when a step comes to rewrite one: the run gives what a build without memos gives", async () => {
    const s = await session();
    await s.rebuild();
    await s.rebuild();
    expect(Object.isFrozen(named((await s.rebuild()).types, "String_"))).toBe(true);
    // The authority now has a bound the corpus lacks: the constraints policy rewrites String_.
    const botocore = path.join(s.dir, "sources", "botocore", "service-2.json");
    const model = JSON.parse(readFileSync(botocore, "utf8")) as { shapes: Record<string, Record<string, unknown>> };
    model.shapes["String"]!["max"] = 300;
    writeFileSync(botocore, JSON.stringify(model, null, 2));
    const rebuilt = await s.rebuild();
    expect(s.unshared()).toBe(1);
    expect(rebuilt).toEqual(await s.cold());
    const node = named(rebuilt.types, "String_").node;
    expect(node.kind === "primitive" && node.constraints.maxLength).toBe(300);
    // Now rewritten every run, it is copied every run: no run is built twice again.
    expect(await s.rebuild()).toEqual(await s.cold());
    expect(await s.rebuild()).toEqual(await s.cold());
    expect(s.unshared()).toBe(1);
  });

  it("a copy's claim is its entry's: kept while the entry is reused, made again when its file changes", async () => {
    const s = await session();
    await s.rebuild();
    await s.rebuild();
    // TableDescription is a copy each run (reconcile adds the members botocore has). A member whose
    // description says it is deprecated is read from the type's claim: a claim kept past the edit misses it.
    const file = path.join(s.dir, "dynamodb-slice", "dynamodb-table-description-structure.json");
    const schema = JSON.parse(readFileSync(file, "utf8")) as { properties: Record<string, unknown> };
    schema.properties["OldName"] = { type: "string", description: "<p>This member is deprecated. Use TableName.</p>" };
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const edited = await s.rebuild();
    expect(edited).toEqual(await s.cold());
    const node = named(edited.types, "TableDescription").node;
    const old = node.kind === "object" ? node.members.find((m) => m.name === "OldName") : undefined;
    expect(old?.attrs.deprecated).toBeDefined();
    expect(await s.rebuild()).toEqual(await s.cold());
  });
});
