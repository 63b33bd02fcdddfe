// Watch's big files come as their parts (generator/joined.ts): an OutputFile's `content` is then joined
// when read, the parts ride along unseen (not enumerable: a copy of the file has its text, not its
// parts), and a file the user's prettier config rewrote carries no parts, so the writer writes what
// prettier gave and not the parts it was made from.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fragmentStore } from "../../generator/cache/fragments.js";
import { outputFile } from "../../generator/emit/files.js";
import { joinParts, type Joined } from "../../generator/joined.js";
import { renderModel } from "../../generator/pipeline.js";
import { member, model, named, obj, prim, ref } from "../helpers/ir.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-joined-files-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const shop = model("shop", [
  named("Order", obj([member("id", prim("string"), true), member("item", ref("Item"))]), { doc: "An order." }),
  named("Item", obj([member("sku", prim("string"), true), member("count", prim("int32"))])),
]);

describe("files given as parts", () => {
  it("read as their text, copied as their text", () => {
    const j: Joined = { head: "// banner\n", parts: ["a;", "b;", "c;"], sep: "\n", tail: "\n" };
    const f = outputFile("types.ts", "ts", j);
    expect(f.content).toBe(joinParts(j.head, j.parts, j.sep, j.tail));
    expect(f.content).toBe("// banner\na;\nb;\nc;\n");
    expect(f.joined).toBe(j);
    expect(Object.keys(f)).toEqual(["path", "kind", "final", "content"]);
    expect({ ...f }).toEqual({ path: "types.ts", kind: "ts", final: true, content: f.content });
    expect("joined" in { ...f }).toBe(false);
    expect(JSON.parse(JSON.stringify(f))).toEqual({ path: "types.ts", kind: "ts", final: true, content: f.content });
  });

  it("through watch's memo, the big files come as parts, with the text emitting without it gives", async () => {
    const memo = fragmentStore({ fingerprint: "f" });
    const plain = await renderModel(shop);
    const parted = await renderModel(shop, { memo });
    expect(parted.filter((f) => f.joined).map((f) => f.path)).toEqual(["schema.json", "types.strict.ts", "types.ts"]);
    expect(parted.map((f) => [f.path, f.content])).toEqual(plain.map((f) => [f.path, f.content]));
  });

  it("a file the user's prettier config rewrote carries no parts", async () => {
    const dir = path.join(tmp, "project");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, ".prettierrc"), JSON.stringify({ tabWidth: 4, semi: false }));
    const memo = fragmentStore({ fingerprint: "f" });
    const files = await renderModel(shop, { memo, format: "prettier", dir });
    expect(files.filter((f) => f.joined)).toEqual([]);
    const types = files.find((f) => f.path === "types.ts")!;
    expect(types.content).toMatch(/^ {4}id: string$/m);
  });
});
