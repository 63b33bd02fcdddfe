// Watch: a large text the writer stages is written and hashed on a worker thread (stage-worker.ts).
// The file holds the bytes staging here would write (lone surrogates and all), the manifest records
// their sha-256, and a failure there is the run's failure: the output stays as it was, nothing left.
import fc from "fast-check";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outputMemo } from "../../generator/cache/outputs.js";
import { openTree, tidied } from "../../generator/write/atomic.js";
import { MANIFEST } from "../../generator/write/manifest.js";
import { STAGE_PREFIX } from "../../generator/write/plan.js";
import { textOf, type Joined } from "../../generator/joined.js";
import { LARGE, writeAndHash } from "../../generator/write/stage-worker.js";
import { stagedPath } from "../../generator/write/transaction.js";
import { file, snapshot } from "./helpers.js";

let root: string;
let n = 0;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-stage-worker-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
/** A text long enough for the worker, with characters of every UTF-8 length and a lone surrogate. */
const large = (tag: string) => `// ${tag} é € 😀 \ud800\n${"x".repeat(LARGE)}\n`;

describe("large staged files on the worker thread", () => {
  it("hold the bytes staging here writes, and the manifest their sha-256, run after run", async () => {
    const out = path.join(root, `run${n++}`, "shop");
    const memo = outputMemo();
    for (const tag of ["one", "two"]) {
      const files = [file("types.ts", large(tag)), file("docs/types/A.md", `# A ${tag}\n`)];
      const writer = await openTree(out, { memo, later: true, tidyLater: true });
      await writer.add(files);
      const result = await writer.commit();
      memo.prune();
      await tidied();
      expect(result.written).toEqual(["docs/types/A.md", "types.ts"]);
      const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST), "utf8")) as { files: Record<string, string> };
      for (const f of files) {
        const bytes = Buffer.from(f.content, "utf8");
        expect(readFileSync(path.join(out, f.path)).equals(bytes), f.path).toBe(true);
        expect(manifest.files[f.path]).toBe(sha(bytes));
      }
    }
  });

  it("a failure there fails the run: the output as it was, nothing left", async () => {
    const out = path.join(root, `run${n++}`, "shop");
    const memo = outputMemo();
    const first = await openTree(out, { memo, later: true });
    await first.add([file("types.ts", large("one"))]);
    await first.commit();
    memo.prune();
    const before = await snapshot(out);
    const writer = await openTree(out, { memo, later: true });
    // A folder where the worker creates the staged file.
    mkdirSync(stagedPath(out, "types.ts"), { recursive: true });
    await writer.add([file("types.ts", large("two"))]);
    await expect(writer.commit()).rejects.toThrow();
    expect(await snapshot(out)).toEqual(before);
    expect((await fs.readdir(out)).filter((e) => e.startsWith(STAGE_PREFIX))).toEqual([]);
    expect(existsSync(path.join(out, ".structgen-lock"))).toBe(false);
  });
});

// A joined text (FragmentMemo.joined) is encoded part by part, the parts an output's last text had at
// the same places copied from its bytes: whatever changes from one text to the next, the file holds
// the bytes of the whole text, and the sha-256 is theirs.
describe("joined texts on the worker thread", () => {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom("", "é", "€", "😀", "\ud800", "\udc00", "a\ud83d", "\ude00b", "\n") },
  );
  const joinedArb = (parts: number) =>
    fc.record({
      head: piece,
      parts: fc.array(piece, { minLength: parts, maxLength: parts }),
      sep: fc.constantFrom("\n", ",\n", "", "\ud83d", "\ude00"),
      tail: piece,
    });
  /** The next text: some parts edited (often), or anything else. */
  const next = (j: Joined): fc.Arbitrary<Joined> =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.array(fc.tuple(fc.nat(Math.max(0, j.parts.length - 1)), piece), { maxLength: 3 }).map((edits) => {
          const parts = [...j.parts];
          for (const [i, p] of edits) if (i < parts.length) parts[i] = p;
          return { ...j, parts };
        }),
      },
      { weight: 1, arbitrary: fc.nat(12).chain(joinedArb) },
      { weight: 1, arbitrary: fc.constant(j) },
    );
  const texts = fc
    .nat(12)
    .chain(joinedArb)
    .chain((first) =>
      fc.tuple(next(first), fc.nat(1)).chain(([second]) => next(second).map((third) => [first, second, third])),
    );

  it("the file holds the whole text's bytes after any sequence of texts", async () => {
    const dir = path.join(root, `joined${n++}`);
    mkdirSync(dir, { recursive: true });
    let k = 0;
    await fc.assert(
      fc.asyncProperty(texts, async (js) => {
        const output = path.join(dir, `out${k++}`);
        for (const [i, j] of js.entries()) {
          const file = path.join(dir, `staged${k}-${i}`);
          const got = await writeAndHash(file, j, output);
          const want = Buffer.from(textOf(j), "utf8");
          expect(readFileSync(file)).toEqual(want);
          expect(got).toBe(sha(want));
        }
      }),
      { numRuns: 150 },
    );
  });
});
