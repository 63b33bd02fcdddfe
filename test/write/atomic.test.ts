import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutputFile } from "../../generator/emit/files.js";
import { readTree, recover, writeTree } from "../../generator/write/atomic.js";
import { compareTree } from "../../generator/write/check.js";

let root: string;
let out: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-atomic-"));
  out = path.join(root, "generated", "shop");
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const file = (p: string, content: string): OutputFile => ({ path: p, kind: p.endsWith(".md") ? "md" : "ts", content });

const first: OutputFile[] = [
  file("types.ts", "export type A = string;\n"),
  file("docs/README.md", "# shop\n"),
  file("docs/types/A.md", "# A\n"),
  file("docs/types/Old.md", "# Old\n"),
];

/** Every file below a folder with its bytes, and every folder, to compare trees exactly. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(rel: string): Promise<void> {
    for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out[`${r}/`] = "<dir>";
        await walk(r);
      } else out[r] = (await fs.readFile(path.join(dir, r))).toString("base64");
    }
  }
  await walk("");
  return out;
}

/** Names next to the output folder (temporary and backup folders would show up here). */
const siblings = async (): Promise<string[]> => (await fs.readdir(path.dirname(out))).sort();

describe("writeTree", () => {
  it("writes every file, creating parents", async () => {
    await writeTree(out, first);
    expect(Object.fromEntries(await readTree(out))).toEqual(Object.fromEntries(first.map((f) => [f.path, f.content])));
    expect(await siblings()).toEqual(["shop"]);
  });

  it("replaces the previous output entirely: stale files and folders are gone", async () => {
    await writeTree(out, first);
    await fs.writeFile(path.join(out, "by-hand.txt"), "stray");
    const second = [file("types.ts", "export type B = number;\n"), file("docs/types/B.md", "# B\n")];
    await writeTree(out, second);
    expect(Object.fromEntries(await readTree(out))).toEqual({ "types.ts": "export type B = number;\n", "docs/types/B.md": "# B\n" });
    await expect(fs.stat(path.join(out, "docs/types/Old.md"))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await siblings()).toEqual(["shop"]);
  });

  it("a failing write leaves the previous output byte-identical and no temporary folders", async () => {
    await writeTree(out, first);
    const before = await snapshot(out);
    // "docs" is both a file and the parent folder of another file: the write must fail.
    const broken = [file("a.ts", "x"), file("docs", "I am a file"), file("docs/types/New.md", "# New\n")];
    await expect(writeTree(out, broken)).rejects.toThrow();
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual(["shop"]);
  });

  it("a failing first write leaves nothing behind", async () => {
    await expect(writeTree(out, [file("x", "1"), file("x/y.ts", "2")])).rejects.toThrow();
    expect(await siblings()).toEqual([]);
  });

  it("writes content byte for byte (unicode, CRLF, no trailing newline)", async () => {
    const content = "// ünïcode \u2028 ✓\r\nexport {};";
    await writeTree(out, [file("types.ts", content)]);
    expect(await fs.readFile(path.join(out, "types.ts"), "utf8")).toBe(content);
  });
});

describe("recover", () => {
  it("restores <out>.structgen-old left by a swap interrupted before the new output was moved in", async () => {
    await writeTree(out, first);
    const before = await snapshot(out);
    // Simulate a kill between the two renames: the old output moved aside, the new one still temporary.
    await fs.rename(out, `${out}.structgen-old`);
    await fs.mkdir(`${out}.structgen-tmp-99999/docs`, { recursive: true });
    await fs.writeFile(`${out}.structgen-tmp-99999/docs/half.md`, "half");
    await recover(out);
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual(["shop"]);
  });

  it("keeps the new output when the kill came after it was moved in", async () => {
    await writeTree(out, first);
    await fs.mkdir(`${out}.structgen-old`);
    await fs.writeFile(`${out}.structgen-old/types.ts`, "old");
    await recover(out);
    expect(await fs.readFile(path.join(out, "types.ts"), "utf8")).toBe("export type A = string;\n");
    expect(await siblings()).toEqual(["shop"]);
  });

  it("leaves other folders next to the output alone", async () => {
    await writeTree(out, first);
    await fs.mkdir(path.join(path.dirname(out), "shopping"));
    await fs.mkdir(path.join(path.dirname(out), "other.structgen-tmp-1"));
    await recover(out);
    expect(await siblings()).toEqual(["other.structgen-tmp-1", "shop", "shopping"]);
  });

  it("is a no-op when there is nothing to recover, even without an output folder", async () => {
    await expect(recover(out)).resolves.toBeUndefined();
    await writeTree(out, first);
    const before = await snapshot(out);
    await recover(out);
    expect(await snapshot(out)).toEqual(before);
  });

  it("writeTree recovers first, then writes the new output", async () => {
    await writeTree(out, first);
    await fs.rename(out, `${out}.structgen-old`);
    await writeTree(out, [file("types.ts", "new")]);
    expect(Object.fromEntries(await readTree(out))).toEqual({ "types.ts": "new" });
    expect(await siblings()).toEqual(["shop"]);
  });
});

describe("compareTree", () => {
  it("reports missing, changed and extra files, sorted by path", () => {
    const expected = [file("types.ts", "A"), file("docs/a.md", "a"), file("docs/b.md", "b"), file("schema.json", "{}")];
    const actual = new Map([
      ["types.ts", "A"],
      ["docs/a.md", "a, edited"],
      ["docs/z.md", "stale"],
      ["schema.json", "{}"],
      ["notes.txt", "x"],
    ]);
    expect(compareTree(expected, actual)).toEqual([
      { path: "docs/a.md", change: "changed" },
      { path: "docs/b.md", change: "missing" },
      { path: "docs/z.md", change: "extra" },
      { path: "notes.txt", change: "extra" },
    ]);
  });

  it("reports nothing for a tree just written, and a change after an edit on disk", async () => {
    await writeTree(out, first);
    expect(compareTree(first, await readTree(out))).toEqual([]);
    await fs.appendFile(path.join(out, "docs/types/A.md"), "edit");
    await fs.rm(path.join(out, "types.ts"));
    expect(compareTree(first, await readTree(out))).toEqual([
      { path: "docs/types/A.md", change: "changed" },
      { path: "types.ts", change: "missing" },
    ]);
  });

  it("treats a missing output folder as every file missing", async () => {
    const diffs = compareTree(first, await readTree(path.join(root, "nowhere")));
    expect(diffs.map((d) => d.change)).toEqual(["missing", "missing", "missing", "missing"]);
  });
});
