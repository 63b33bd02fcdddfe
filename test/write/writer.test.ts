// writeTree: writes only what changed, keeps a manifest of what it wrote, removes only that,
// and leaves every other file where it is.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bannerText } from "../../generator/emit/banner.js";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import { writeTree } from "../../generator/write/atomic.js";
import { displayPath } from "../../generator/write/io-errors.js";
import {
  isInsidePath,
  MANIFEST,
  manifestOf,
  manifestOfHashes,
  manifestText,
  parseManifest,
  sha256,
} from "../../generator/write/manifest.js";
import { file, snapshot } from "./helpers.js";

let root: string;
let out: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-writer-"));
  out = path.join(root, "generated", "shop");
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const first = [
  file("types.ts", "export type A = string;\n"),
  file("docs/README.md", "# shop\n"),
  file("docs/types/A.md", "# A\n"),
  file("docs/types/Old.md", "# Old\n"),
];
const read = (p: string) => fs.readFile(path.join(out, p), "utf8");
const siblings = async () => (await fs.readdir(path.dirname(out))).sort();

describe("writeTree", () => {
  it("writes every file, creating folders, with a manifest of what it wrote", async () => {
    const r = await writeTree(out, first);
    expect(r).toEqual({
      written: ["docs/README.md", "docs/types/A.md", "docs/types/Old.md", "types.ts"],
      unchanged: [],
      removed: [],
      diagnostics: [],
      manifest: sha256(await read(MANIFEST)),
    });
    for (const f of first) expect(await read(f.path)).toBe(f.content);
    expect(await siblings()).toEqual(["shop"]);
    expect((await fs.readdir(out)).sort()).toEqual([MANIFEST, "docs", "types.ts"]);
  });

  it("the manifest: banner, format, corpus and each file's SHA-256, sorted by path", async () => {
    await writeTree(out, first, { corpus: "shop" });
    const text = await read(MANIFEST);
    expect(text).toBe(manifestText(manifestOf("shop", first)));
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["$comment", "format", "corpus", "files"]);
    expect(json["$comment"]).toBe(bannerText("shop"));
    expect(json["files"]).toEqual({
      "docs/README.md": sha256("# shop\n"),
      "docs/types/A.md": sha256("# A\n"),
      "docs/types/Old.md": sha256("# Old\n"),
      "types.ts": sha256("export type A = string;\n"),
    });
    expect(Object.keys(json["files"] as object)).toEqual(Object.keys(json["files"] as object).sort());
    // Room for the cache's inputs digest; it round-trips, and is written only when given.
    await writeTree(out, first, { corpus: "shop", inputs: "abc123" });
    expect(parseManifest(await read(MANIFEST))).toEqual({ ...manifestOf("shop", first), inputs: "abc123" });
  });

  it("regression: identical files keep their bytes, inode and mtime; only changed files are written", async () => {
    await writeTree(out, first);
    const before = await snapshot(out, true);
    // A later mtime would show if a file were rewritten, even within the clock's resolution.
    await new Promise((r) => setTimeout(r, 20));
    const again = await writeTree(out, first);
    expect(again).toMatchObject({ written: [], unchanged: first.map((f) => f.path).sort(), removed: [] });
    expect(await snapshot(out, true)).toEqual(before);

    const second = first.map((f) => (f.path === "docs/types/A.md" ? file(f.path, "# A, changed\n") : f));
    const r = await writeTree(out, second);
    expect(r).toMatchObject({ written: ["docs/types/A.md"], removed: [] });
    expect(r.unchanged).toHaveLength(3);
    const after = await snapshot(out, true);
    for (const p of ["types.ts", "docs/README.md", "docs/types/Old.md"]) expect(after[p]).toBe(before[p]);
    expect(after["docs/types/A.md"]).not.toBe(before["docs/types/A.md"]);
    expect(after[MANIFEST]).not.toBe(before[MANIFEST]);
  });

  it("removes the files it wrote before and no longer produces, and the folders they leave empty", async () => {
    await writeTree(out, first);
    const r = await writeTree(out, [file("types.ts", "export type B = number;\n"), file("docs/README.md", "# shop\n")]);
    expect(r).toMatchObject({
      written: ["types.ts"],
      unchanged: ["docs/README.md"],
      removed: ["docs/types/A.md", "docs/types/Old.md"],
    });
    expect((await fs.readdir(path.join(out, "docs"))).sort()).toEqual(["README.md"]);
    expect(Object.keys(parseManifest(await read(MANIFEST))!.files)).toEqual(["docs/README.md", "types.ts"]);
  });

  it("regression: a file it did not write stays where it is, byte for byte, and a warning names it", async () => {
    await writeTree(out, first);
    await fs.writeFile(path.join(out, "by-hand.txt"), "mine");
    await fs.mkdir(path.join(out, "docs", "notes"));
    await fs.writeFile(path.join(out, "docs", "notes", "a.md"), "a");
    await fs.writeFile(path.join(out, "docs", "notes", "b.md"), "b");
    const r = await writeTree(out, [file("types.ts", "export type B = number;\n")]);
    expect(await read("by-hand.txt")).toBe("mine");
    expect(await fs.readFile(path.join(out, "docs", "notes", "b.md"), "utf8")).toBe("b");
    expect(r.removed).toEqual(["docs/README.md", "docs/types/A.md", "docs/types/Old.md"]);
    // One warning per foreign entry: a folder of foreign files is named once.
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.params["path"]])).toEqual([
      ["OUTPUT_FOREIGN_FILE", "warning", displayPath(path.join(out, "by-hand.txt"))],
      ["OUTPUT_FOREIGN_FILE", "warning", displayPath(path.join(out, "docs", "notes"))],
    ]);
    expect(r.diagnostics[0]!.message).toContain("a file structgen did not write; left where it is");
  });

  it("refuses to overwrite a file it did not write where an output goes: nothing is written", async () => {
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, "types.ts"), "// my own types\n");
    const before = await snapshot(out);
    const e = await writeTree(out, first).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StructgenError);
    expect((e as StructgenError).diagnostics).toMatchObject([
      { code: "OUTPUT_PATH_TAKEN", params: { what: "a file structgen did not write", target: "types.ts" } },
    ]);
    expect(await snapshot(out)).toEqual(before);
  });

  it("adopts output written before manifests existed: files carrying this corpus's banner", async () => {
    const old = `// ${bannerText("shop")}\n\nexport type Old = 1;\n`;
    await fs.mkdir(path.join(out, "docs"), { recursive: true });
    await fs.writeFile(path.join(out, "types.ts"), old);
    await fs.writeFile(path.join(out, "docs", "Gone.md"), `<!-- ${bannerText("shop")} -->\n`);
    await fs.writeFile(path.join(out, "docs", "Other.md"), `<!-- ${bannerText("another")} -->\n`);
    await fs.writeFile(path.join(out, "notes.md"), "mine\n");
    const r = await writeTree(out, [file("types.ts", `// ${bannerText("shop")}\n\nexport type New = 1;\n`)]);
    expect(r).toMatchObject({ written: ["types.ts"], removed: ["docs/Gone.md"] });
    expect(r.diagnostics.map((d) => d.params["path"])).toEqual([
      displayPath(path.join(out, "docs", "Other.md")),
      displayPath(path.join(out, "notes.md")),
    ]);
    expect(await read("notes.md")).toBe("mine\n");
  });

  it("with a manifest, only its files are removed: a bannered file it does not list stays", async () => {
    await writeTree(out, first, { corpus: "shop" });
    await fs.writeFile(path.join(out, "copy.md"), `<!-- ${bannerText("shop")} -->\n`);
    const r = await writeTree(out, [file("types.ts", "x")], { corpus: "shop" });
    expect(r.removed).not.toContain("copy.md");
    expect(await read("copy.md")).toContain("Generated by structgen");
  });

  it.each([
    ["a folder", (p: string) => fs.mkdir(p)],
    ["a symbolic link", (p: string) => fs.symlink("/etc/hostname", p)],
  ])("refuses %s where an output file goes", async (what, make) => {
    await writeTree(out, first);
    await fs.rm(path.join(out, "types.ts"));
    await make(path.join(out, "types.ts"));
    const before = await snapshot(out);
    await expect(writeTree(out, first)).rejects.toMatchObject({
      diagnostics: [{ code: "OUTPUT_PATH_TAKEN", params: { what } }],
    });
    expect(await snapshot(out)).toEqual(before);
  });

  it("regression: a symlinked folder where an output folder goes is refused, never written through", async () => {
    const elsewhere = path.join(root, "elsewhere");
    await fs.mkdir(elsewhere);
    await fs.mkdir(out, { recursive: true });
    await fs.symlink(elsewhere, path.join(out, "docs"));
    await expect(writeTree(out, first)).rejects.toMatchObject({
      diagnostics: [
        { code: "OUTPUT_PATH_TAKEN", params: { path: expect.stringMatching(/docs$/), what: "a symbolic link" } },
      ],
    });
    expect(await fs.readdir(elsewhere)).toEqual([]);
  });

  it("a manifest naming paths outside the folder owns nothing", async () => {
    const m = JSON.stringify({ format: 1, corpus: "shop", files: { "../outside.txt": "x" } });
    expect(parseManifest(m)).toBeUndefined();
    expect(parseManifest(JSON.stringify({ format: 1, corpus: "shop", files: { "/etc/passwd": "x" } }))).toBeUndefined();
    await fs.writeFile(path.join(root, "generated", "outside.txt"), "keep").catch(async () => {
      await fs.mkdir(path.join(root, "generated"), { recursive: true });
      await fs.writeFile(path.join(root, "generated", "outside.txt"), "keep");
    });
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, MANIFEST), m);
    await writeTree(out, first);
    expect(await fs.readFile(path.join(root, "generated", "outside.txt"), "utf8")).toBe("keep");
  });

  it("a manifest as the writer builds it is what reading its text gives (watch takes it unparsed)", () => {
    // Paths the manifest may name (Plan.finish keeps what it built only then): integer-like names too,
    // which objects order first.
    const paths = ["0", "10", "2", "a b.md", "docs/types/Ä.md", "docs/3", "é/ü", "types.ts", "x.y/z", "9"];
    expect(paths.every(isInsidePath)).toBe(true);
    for (let n = 0; n < 1024; n += 7) {
      const hashes = new Map(paths.filter((_, i) => ((n >> i) & 1) === 1).map((p) => [p, sha256(p)]));
      const built = manifestOfHashes("shop", hashes, n % 3 === 0 ? "digest" : undefined);
      const parsed = parseManifest(manifestText(built));
      expect(parsed).toEqual(built);
      expect(Object.keys(parsed!.files)).toEqual(Object.keys(built.files));
    }
  });

  it("writes content byte for byte (unicode, CRLF, no trailing newline)", async () => {
    const content = "// ünïcode \u2028 ✓\r\nexport {};";
    await writeTree(out, [file("types.ts", content)]);
    expect(await read("types.ts")).toBe(content);
  });

  it("a failing first write leaves no output folder behind", async () => {
    // "x" is both a file and the folder of another file.
    await expect(writeTree(out, [file("x", "1"), file("x/y.ts", "2")])).rejects.toThrow();
    expect(await siblings()).toEqual([]);
  });
});
