// The inputs digest covers everything a run reads and nothing else: each input, option and source
// changes it, undoing the change restores it, and a copy of the project elsewhere has the same one.
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { appendFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HashIndex } from "../../generator/cache/hash-index.js";
import { inputsDigest } from "../../generator/cache/inputs.js";
import { projectCorpora } from "../../generator/config/corpora.js";
import { loadProject, type ProjectOptions } from "../../generator/config/project.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SDK = "@aws-sdk/client-cognito-identity-provider";
let tmp: string;
let project: string;

/** The bundled project (schemas, evidence, config), with a stand-in SDK package: hashed, never parsed. */
function copyProject(to: string): string {
  cpSync(path.join(ROOT, "schemas"), path.join(to, "schemas"), { recursive: true });
  cpSync(path.join(ROOT, "test", "fixtures", "live"), path.join(to, "test", "fixtures", "live"), { recursive: true });
  cpSync(path.join(ROOT, "structgen.config.json"), path.join(to, "structgen.config.json"));
  const pkg = path.join(to, "node_modules", SDK);
  mkdirSync(path.join(pkg, "dist-types", "models"), { recursive: true });
  writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: SDK, version: "1.0.0" }));
  writeFileSync(path.join(pkg, "dist-types", "models", "models_0.d.ts"), "export interface A { x?: string }\n");
  return to;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "structgen-inputs-"));
  project = copyProject(path.join(tmp, "project"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function digest(dir = project, options: ProjectOptions = {}): Promise<string | undefined> {
  const p = await loadProject({ cwd: dir, ...options });
  const [c] = await projectCorpora(p);
  return inputsDigest(p, c!, HashIndex.open());
}

/** Runs `change`, expects another digest, undoes it, expects the first again. */
async function changes(what: string, change: () => void, undo: () => void): Promise<void> {
  const before = await digest();
  change();
  try {
    expect(await digest(), what).not.toBe(before);
  } finally {
    undo();
  }
  expect(await digest(), `${what}, undone`).toBe(before);
}

const file = (...p: string[]) => path.join(project, ...p);
const corpusFile = () => file("schemas", "cognito-idp", "cognito-idp-user-type-structure.json");
/** Edit a file and put its bytes back. */
const editing = (f: string) => {
  const original = readFileSync(f);
  return [() => appendFileSync(f, " "), () => writeFileSync(f, original)] as const;
};

describe("the inputs digest", () => {
  it("is stable, and the same for a copy of the project elsewhere", async () => {
    const first = await digest();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await digest()).toBe(first);
    const copy = copyProject(path.join(tmp, "elsewhere", "deeper", "copy"));
    expect(await digest(copy)).toBe(first);
  });

  it("changes with a corpus file's bytes", async () => {
    await changes("a corpus file edited", ...editing(corpusFile()));
  });

  it("changes when a corpus file is added, removed or renamed", async () => {
    const added = file("schemas", "cognito-idp", "zz-added.json");
    await changes(
      "a file added",
      () => writeFileSync(added, "{}"),
      () => unlinkSync(added),
    );
    const bytes = readFileSync(corpusFile());
    await changes(
      "a file removed",
      () => unlinkSync(corpusFile()),
      () => writeFileSync(corpusFile(), bytes),
    );
    const moved = file("schemas", "cognito-idp", "sub", "moved.json");
    await changes(
      "a file moved into a subfolder",
      () => {
        mkdirSync(path.dirname(moved), { recursive: true });
        renameSync(corpusFile(), moved);
      },
      () => {
        renameSync(moved, corpusFile());
        rmSync(path.dirname(moved), { recursive: true });
      },
    );
  });

  it("does not change for files the loader does not read", async () => {
    const before = await digest();
    const ignored = [
      file("schemas", "cognito-idp", "notes.txt"),
      file("schemas", "cognito-idp", ".hidden.json"),
      file("schemas", "cognito-idp", "x.config.json"),
      file("schemas", "sources", "cognito-idp", "boto3-docs", "page.md"),
    ];
    for (const f of ignored) writeFileSync(f, "{}");
    expect(await digest()).toBe(before);
    for (const f of ignored) unlinkSync(f);
  });

  it("changes with the config file, and with each option", async () => {
    await changes("the config edited", ...editing(file("structgen.config.json")));
    const before = await digest();
    expect(await digest(project, { emit: ["types"] })).not.toBe(before);
    expect(await digest(project, { flavour: "ts" })).not.toBe(before);
    expect(await digest(project, { emit: ["types", "jsonSchema"] })).not.toBe(
      await digest(project, { emit: ["types", "docs"] }),
    );
    expect(await digest(project, { format: "prettier" })).toBeUndefined();
  });

  it("changes with every evidence source's files", async () => {
    const sources = file("schemas", "sources", "cognito-idp");
    await changes("the botocore model", ...editing(path.join(sources, "botocore", "service-2.json")));
    await changes("a boto3 page", ...editing(path.join(sources, "boto3-docs", "get_user.txt")));
    const page = path.join(sources, "boto3-docs", "new_page.txt");
    await changes(
      "a boto3 page added",
      () => writeFileSync(page, "x"),
      () => unlinkSync(page),
    );
    await changes("a recording", ...editing(file("test", "fixtures", "live", "confirmed.json")));
    const rec = file("test", "fixtures", "live", "nested", "new.json");
    await changes(
      "a recording added in a subfolder",
      () => {
        mkdirSync(path.dirname(rec));
        writeFileSync(rec, "{}");
      },
      () => rmSync(path.dirname(rec), { recursive: true }),
    );
  });

  it("reads the SDK's declarations, package.json and recorded facts when installed, its facts when not", async () => {
    const pkg = file("node_modules", SDK);
    await changes("a declaration file", ...editing(path.join(pkg, "dist-types", "models", "models_0.d.ts")));
    await changes("the package's version", ...editing(path.join(pkg, "package.json")));
    const facts = file("schemas", "sources", "cognito-idp", "aws-sdk.facts.json");
    // Installed: the facts stand in for scanning the files they were read from, so they count.
    await changes("the recorded facts, package installed", ...editing(facts));
    const before = await digest();
    const aside = file("node_modules-aside");
    renameSync(file("node_modules"), aside);
    try {
      const factsOnly = await digest();
      expect(factsOnly).not.toBe(before);
      await changes("the recorded facts, package absent", ...editing(facts));
    } finally {
      renameSync(aside, file("node_modules"));
    }
  });

  it("follows a corpus folder that is a symbolic link, as the loader does", async () => {
    const linked = path.join(tmp, "linked");
    copyProject(linked);
    const real = path.join(linked, "schemas", "cognito-idp");
    const moved = path.join(tmp, "real-corpus");
    renameSync(real, moved);
    symlinkSync(moved, real);
    expect(await digest(linked)).toBe(await digest());
  });
});
