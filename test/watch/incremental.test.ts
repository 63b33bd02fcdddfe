// A rebuild with everything watch mode keeps between runs (parsed files, evidence, fragments, what
// the writer saw) writes exactly what a cold build writes, byte for byte, after each kind of edit:
// a description, a member added, an evidence source, the config, a type renamed, a type removed, a new
// type referring to others and a change to its references (what other pages show of it), and one that
// changes what another file's type reads (which root a list's items copy).
// And an output changed by someone else since the last run is noticed, even with its size and mtime kept
// (also one the last run wrote and checked once settled).
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, openCache } from "../../generator/run.js";
import { loadProject } from "../../generator/config/project.js";
import { projectCorpora } from "../../generator/config/corpora.js";
import { watchMemo, type WatchMemo } from "../../generator/watch/memo.js";
import { ROOT } from "../cli/helpers.js";
import { treeOf } from "../helpers/tree.js";

const FIXTURE = path.join(ROOT, "test", "fixtures", "reconcile-other");
let tmp: string;
beforeAll(() => {
  tmp = path.join(os.tmpdir(), `structgen-incremental-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file's inode and mtime below `dir`. */
function statuses(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of treeOf(dir).keys()) {
    const st = statSync(path.join(dir, p));
    out.set(p, `${st.ino} ${st.mtimeMs}`);
  }
  return out;
}

interface Session {
  dir: string;
  out: string;
  rebuild(): Promise<void>;
  /** A cold build of the project as it is now (no cache, a new output folder). */
  cold(): Promise<string>;
}

let n = 0;
/** `idle`: watch settles what each run wrote before the next (else edits come back to back). */
async function session(idle = true): Promise<Session> {
  const dir = path.join(tmp, `p${n++}`, "project");
  cpSync(FIXTURE, dir, { recursive: true });
  const out = path.join(dir, "..", "gen");
  const options = { cwd: dir, out, quiet: true };
  const project = await loadProject(options);
  // A clock well ahead: every output the writer reads counts as settled, so later runs trust what it saw.
  const later = () => Date.now() + 60_000;
  const memo: WatchMemo = watchMemo(await openCache(project, await projectCorpora(project), true), later);
  let colds = 0;
  return {
    dir,
    out,
    async rebuild() {
      await generate(options, memo.run);
      memo.prune();
      // As watch does when idle: what this run wrote is checked, so the next run trusts it unread.
      if (idle) memo.settle();
    },
    async cold() {
      const coldOut = path.join(tmp, `cold-${n}-${colds++}`);
      await generate({ cwd: dir, out: coldOut, cache: false });
      return coldOut;
    },
  };
}

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, "utf8")));

describe("an incremental rebuild writes what a cold build writes", () => {
  it.each([
    ["with idle time between runs", true],
    ["back to back", false],
  ])("after each kind of edit, in turn (%s)", async (_, idle) => {
    const s = await session(idle);
    const slice = path.join(s.dir, "dynamodb-slice");
    const file = (name: string) => path.join(slice, `dynamodb-${name}-structure.json`);
    const edits: [string, () => void][] = [
      ["a description", () => edit(file("table-name"), (t) => t.replace("TableName schema", "The TableName schema"))],
      [
        "a member added",
        () =>
          edit(file("table-description"), (t) => {
            const doc = JSON.parse(t) as { properties: Record<string, unknown> };
            doc.properties["Comment"] = { type: "string", description: "Added by the test." };
            return JSON.stringify(doc, null, 2);
          }),
      ],
      [
        "an evidence source",
        () =>
          edit(path.join(s.dir, "sources", "botocore", "service-2.json"), (t) =>
            t.replace('"OFF",\n        "ON"', '"AUTO",\n        "OFF",\n        "ON"'),
          ),
      ],
      [
        "the config",
        () =>
          edit(path.join(s.dir, "structgen.config.json"), (t) => {
            const config = JSON.parse(t) as { corpora: Record<string, Record<string, unknown>> };
            config.corpora["dynamodb-slice"]!["policies"] = { enumMembers: "authority", addMissingMembers: false };
            return JSON.stringify(config, null, 2);
          }),
      ],
      [
        "a type renamed",
        () => {
          edit(file("table-status"), (t) => t.replace('"name": "TableStatus"', '"name": "TableState"'));
          edit(file("table-description"), (t) => t.replace("schemas/TableStatus", "schemas/TableState"));
        },
      ],
      ["a type removed", () => rmSync(file("resource-not-found-exception"))],
      [
        "a list whose items copy a root",
        () => {
          const status = JSON.parse(readFileSync(file("table-status"), "utf8")) as Record<string, unknown>;
          const { type, enum: values, description } = status;
          const list = { type: "array", items: { type, enum: values, description }, name: "TableStates" };
          writeFileSync(file("table-states"), JSON.stringify(list, null, 2));
        },
      ],
      // TableDescription's page shows a new referrer; TableName's shows it in its diagram.
      [
        "a new type referring to others",
        () => {
          const ref = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/${name}` }] });
          const properties = { Table: ref("TableDescription"), Name: ref("TableName") };
          const alias = { type: "object", properties, name: "TableAlias", description: "Refers to two." };
          writeFileSync(file("table-alias"), JSON.stringify(alias, null, 2));
        },
      ],
      // Pages that show TableAlias (in their referrers and diagrams) and its own page change.
      ["a referrer's references", () => edit(file("table-alias"), (t) => t.replace(/,\s*"Name": \{[^]*?\]\s*\}/, ""))],
      // The list's file is unchanged, but what it read (which root its items copy) is not.
      [
        "what another type reads",
        () => edit(file("table-status"), (t) => t.replace("TableStatus schema", "The TableStatus schema")),
      ],
    ];
    await s.rebuild();
    expect(treeOf(s.out)).toEqual(treeOf(await s.cold()));
    for (const [what, change] of edits) {
      const before = treeOf(s.out);
      const stamps = statuses(s.out);
      change();
      await s.rebuild();
      const after = treeOf(s.out);
      expect(after, what).not.toEqual(before);
      expect(after, what).toEqual(treeOf(await s.cold()));
      // Only what changed was written: a file with the same bytes is the same file, untouched.
      const now = statuses(s.out);
      for (const [p, bytes] of after) {
        if (before.get(p)?.equals(bytes)) expect(now.get(p), `${what}: ${p}`).toBe(stamps.get(p));
      }
    }
  });

  it.each([
    ["with idle time between runs", true],
    ["back to back", false],
  ])("an output changed by someone else (size and mtime kept) is written again (%s)", async (_, idle) => {
    const s = await session(idle);
    await s.rebuild(); // writes every output and records each once settled
    const target = path.join(s.out, "dynamodb-slice", "types.ts");
    const was = readFileSync(target);
    const { atime, mtime } = statSync(target);
    writeFileSync(target, Buffer.from(was.toString("latin1").replace("export", "EXPORT"), "latin1"));
    utimesSync(target, atime, mtime);
    expect(statSync(target).size).toBe(was.length);
    await s.rebuild();
    expect(readFileSync(target)).toEqual(was);
    expect(treeOf(s.out)).toEqual(treeOf(await s.cold()));
  });
});
