// Ordinary I/O failures are the user's to fix, not structgen bugs: each gets a code, the path
// and a hint (exit 1, never exit 3), and the previous output stays as it was.
import { spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../generator/diagnostics/catalogue.js";
import { StructgenError } from "../../generator/diagnostics/diagnostic.js";
import { writeTree } from "../../generator/write/atomic.js";
import { displayPath } from "../../generator/write/io-errors.js";
import { ensureBuilt, BIN, ROOT } from "../hostile/helpers.js";
import { errno, faultyFs, file, snapshot } from "./helpers.js";

let root: string;
let n = 0;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "structgen-io-"));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const files = [
  file("types.ts", "export type A = string;\n"),
  file("docs/README.md", "# shop\n"),
  file("validators.js", "x".repeat(20_000)),
];
const previous = [file("types.ts", "export type Old = 1;\n"), file("docs/README.md", "# old\n")];

async function failure(p: Promise<unknown>): Promise<StructgenError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, "expected a coded StructgenError").toBeInstanceOf(StructgenError);
  return e as StructgenError;
}

describe("I/O failures get a code, the path and a hint", () => {
  it("regression: --out below a file (ENOTDIR) → OUTPUT_NOT_A_FOLDER", async () => {
    const blocker = path.join(root, "a-file");
    await fs.writeFile(blocker, "I am a file");
    const e = await failure(writeTree(path.join(blocker, "out", "shop"), files));
    expect(e.diagnostics).toMatchObject([
      { code: "OUTPUT_NOT_A_FOLDER", severity: "error", params: { reason: "ENOTDIR" } },
    ]);
    expect(e.diagnostics[0]!.message).toContain(displayPath(blocker));
    expect(e.diagnostics[0]!.hint).toBe(catalogue.OUTPUT_NOT_A_FOLDER.hint);
    expect(await fs.readFile(blocker, "utf8")).toBe("I am a file");
  });

  it.each([
    ["ENOSPC", "OUTPUT_DISK_FULL", "writeFile"],
    ["EDQUOT", "OUTPUT_DISK_FULL", "writeFile"],
    ["EFBIG", "OUTPUT_FILE_TOO_LARGE", "writeFile"],
    ["EACCES", "OUTPUT_NOT_WRITABLE", "mkdir"],
    ["EROFS", "OUTPUT_NOT_WRITABLE", "rename"],
    ["EIO", "OUTPUT_WRITE_FAILED", "rename"],
  ])(
    "regression: %s at the writer's file-system boundary → %s, previous output unchanged",
    async (code, expected, call) => {
      const out = path.join(root, `inject${n++}`, "shop");
      await writeTree(out, previous);
      const before = await snapshot(out);
      // Find the first such call of the same write, then fail exactly there.
      const dry = path.join(root, `probe${n++}`, "shop");
      await writeTree(dry, previous);
      const probe = faultyFs(Infinity, () => new Error("never"));
      await writeTree(dry, files, { fs: probe });
      const k = probe.log.indexOf(call);
      expect(k, `a write makes a ${call} call`).toBeGreaterThanOrEqual(0);
      const e = await failure(writeTree(out, files, { fs: faultyFs(k, (c, target) => errno(code, c, target)) }));
      expect(e.diagnostics).toMatchObject([{ code: expected, params: { reason: code } }]);
      // The path is where the file was going, not the staging folder's.
      expect(e.diagnostics[0]!.params["path"]).not.toContain(".structgen-tmp-");
      expect(String(e.diagnostics[0]!.params["path"])).toContain(displayPath(out));
      expect(await snapshot(out)).toEqual(before);
    },
  );

  it("regression: a real file-size limit (ulimit -f, child shell) → exit 1 and OUTPUT_FILE_TOO_LARGE, not 3", async () => {
    ensureBuilt();
    const out = path.join(root, "ulimit");
    const corpus = path.join(ROOT, "test", "fixtures", "cli", "mini-corpus");
    const r = spawnSync(
      "sh",
      ["-c", `ulimit -f 16 && exec "$0" "$@"`, process.execPath, BIN, "generate", "--schemas", corpus, "--out", out],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", STRUCTGEN_DEBUG: "" },
        timeout: 60_000,
      },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/error OUTPUT_FILE_TOO_LARGE: cannot write \S*mini-corpus\/\S+: .*\(EFBIG\)/);
    expect(r.stderr).toContain("hint: Raise the limit (ulimit -f)");
    expect(r.stderr).not.toContain("internal error");
    // Nothing half-written: no output folder at all (this was the first run).
    expect(existsSync(path.join(out, "mini-corpus"))).toBe(false);
  });
});
